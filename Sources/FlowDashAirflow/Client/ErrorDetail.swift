import FlowDashCore
import Foundation

/// Reads the `detail` of an Airflow error body, which is a string (401/403/404), a list of
/// pydantic errors (422) or an object (409, 500). A pydantic error's `input` is never read: it
/// echoes the request body, which may hold a password.
enum ErrorDetail {
    /// How much of an error message is kept; one line in a list.
    static let messageLimit = 300

    /// One clean line for `body`, or the status's plain meaning when the body says nothing.
    /// Secrets are scrubbed first, so that cutting the line cannot leave half of one behind.
    static func message(from body: Data, status: Int, scrubber: SecretScrubber) -> String {
        let text = scrubber.scrub(detailText(in: body) ?? bodyExcerpt(body))
        let clean = TextSanitizer.clean(text).trimmingCharacters(in: .whitespaces)
        return TextSanitizer.truncate(clean.isEmpty ? "HTTP \(status)" : clean, to: messageLimit)
    }

    /// The `detail` when it is plain text (`Invalid JWT token`, `Not authenticated`, …).
    static func detailString(in body: Data) -> String? {
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: body) else { return nil }
        return object["detail"]?.stringValue
    }

    private static func detailText(in body: Data) -> String? {
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: body),
              let detail = object["detail"] else { return nil }
        switch detail {
        case .string(let text):
            return text
        case .array(let errors):
            let lines = errors.compactMap(validationLine)
            return lines.isEmpty ? nil : lines.joined(separator: "; ")
        case .object(let fields):
            let parts = ["reason", "message"].compactMap { fields[$0]?.stringValue }.filter { !$0.isEmpty }
            return parts.isEmpty ? nil : parts.joined(separator: ": ")
        default:
            return nil
        }
    }

    /// `body.conf: Input should be a valid dictionary` from `{"loc": ["body", "conf"], "msg": …}`.
    private static func validationLine(_ error: JSONValue) -> String? {
        guard case .object(let fields) = error, let message = fields["msg"]?.stringValue else { return nil }
        guard case .array(let location)? = fields["loc"] else { return message }
        let path = location.map { $0.stringValue ?? $0.compactJSON }.joined(separator: ".")
        return path.isEmpty ? message : "\(path): \(message)"
    }

    /// A body that is not Airflow's JSON: a proxy's HTML error page gives its title
    /// (`429 Too Many Requests`), other text its first line.
    private static func bodyExcerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(messageLimit * 4), as: UTF8.self)
        if let title = htmlTitle(in: text) { return title }
        if looksLikeHTML(text) { return "an HTML page" }
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        let start = text.drop { $0.isWhitespace }.prefix(15).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<head")
    }

    private static func htmlTitle(in text: String) -> String? {
        guard looksLikeHTML(text),
              let open = text.range(of: "<title>", options: .caseInsensitive),
              let close = text.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<text.endIndex)
        else { return nil }
        let title = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return title.isEmpty ? nil : title
    }
}
