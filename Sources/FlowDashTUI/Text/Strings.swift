/// The interface's text in one language: English, French or Dutch. A value, passed into
/// rendering next to the theme.
public struct Strings: Sendable {
    /// The languages with a full table; English is the base.
    public static let supportedLanguages = ["en", "fr", "nl"]

    /// `en`, `fr` or `nl`: the table in use.
    public let language: String

    /// `"en"`, `"fr"` or `"nl"`; any other language gets English.
    public init(language: String) {
        self.language = Self.supportedLanguages.contains(language) ? language : "en"
    }

    /// The text for `key` with each `{name}` replaced by `values[name]`; unknown names stay as is.
    public subscript(_ key: StringKey, _ values: [String: String] = [:]) -> String {
        Self.fill(template(key), with: values)
    }

    /// The raw text of `key` in this language, placeholders unfilled (tests compare these).
    public func template(_ key: StringKey) -> String {
        switch language {
        case "fr": StringsFrench.text(key)
        case "nl": StringsDutch.text(key)
        default: StringsEnglish.text(key)
        }
    }

    /// The language of a POSIX locale name: `fr_FR.UTF-8` → `fr`, `nl_BE` → `nl`, and `C`,
    /// `POSIX`, unset or unsupported → `en`.
    public static func language(fromLocale locale: String?) -> String {
        guard let locale, !locale.isEmpty else { return "en" }
        let code = locale.prefix { $0.isLetter }.lowercased()
        return supportedLanguages.contains(code) ? code : "en"
    }

    /// The language the environment asks for, in POSIX order: LC_ALL, then LC_MESSAGES, then LANG.
    public static func language(environment: [String: String]) -> String {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return language(fromLocale: locale)
    }

    /// One pass over `template`, so a value that itself contains `{name}` is never expanded again.
    static func fill(_ template: String, with values: [String: String]) -> String {
        guard !values.isEmpty, template.contains("{") else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            result += rest[..<open]
            let name = String(rest[afterOpen..<close])
            result += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
