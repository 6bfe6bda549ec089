import Foundation

/// Removes what looks like a secret from free text before it goes into a support bundle:
/// `Authorization:` headers, bearer/basic credentials, `password=`/`token=`/`api_key=`-style pairs
/// (also as JSON `"password": "…"`), URL user info, signed-URL query parameters, and every secret
/// the caller knows by value. Over-redacting a harmless word is accepted; missing a secret is not.
public struct SupportBundleRedactor: Sendable {
    public static let mask = "[redacted]"

    private let knownSecrets: [String]

    /// - Parameter knownSecrets: values removed wherever they appear; one or two characters are
    ///   ignored, as they would blank out ordinary words.
    public init(knownSecrets: [String] = []) {
        self.knownSecrets = knownSecrets.filter { $0.count >= 3 }.sorted { $0.count > $1.count }
    }

    private static let secretName = "(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential|signature|session|cookie)"

    /// Pattern → replacement, applied in order.
    private static let rules: [(NSRegularExpression, String)] = [
        // A whole header line: everything after the name may be the credential.
        (#"(?i)\b((?:proxy-)?authorization|cookie|set-cookie|x-api-key|api-key)(\s*[:=]\s*)[^\r\n]*"#, "$1$2\(mask)"),
        // A JSON Web Token wherever it stands ("token eyJ… expired").
        (#"\beyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*"#, mask),
        (#"(?i)\b(bearer|basic|digest)\s+[A-Za-z0-9\-._~+/]{8,}=*"#, "$1 \(mask)"),
        // scheme://user:password@host → scheme://[redacted]@host
        (#"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s@"'<>]+@"#, "$1\(mask)@"),
        // Signed URLs (S3, GCS, Azure SAS, OAuth callbacks): the query parameters that authorise.
        (#"(?i)([?&;][A-Za-z0-9_\-.]*(?:signature|credential|token|secret|password|sig|key|code|auth)[A-Za-z0-9_\-.]*=)[^&#\s"'<>]*"#, "$1\(mask)"),
        // name=value, name: value, "name": "value"
        (#"(?i)([A-Za-z0-9_\-.]*"# + secretName + #"[A-Za-z0-9_\-.]*["']?\s*[:=]\s*["']?)[^\s"'&,;}<>]+"#, "$1\(mask)"),
    ].compactMap { pattern, template in
        (try? NSRegularExpression(pattern: pattern)).map { ($0, template) }
    }

    public func removingKnownSecrets(_ text: String) -> String {
        knownSecrets.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.mask) }
    }

    public func redact(_ text: String) -> String {
        var result = removingKnownSecrets(text)
        for (expression, template) in Self.rules {
            let range = NSRange(result.startIndex..., in: result)
            result = expression.stringByReplacingMatches(in: result, range: range, withTemplate: template)
        }
        return result
    }

    public func redact(_ text: String?) -> String? { text.map { redact($0) } }

    /// Whether a name (an input, a config key) says its value is a secret.
    public static func namesSecret(_ name: String) -> Bool {
        name.range(of: secretName, options: [.regularExpression, .caseInsensitive]) != nil
            || name.lowercased() == "key" || name.lowercased().hasSuffix("_key")
    }
}
