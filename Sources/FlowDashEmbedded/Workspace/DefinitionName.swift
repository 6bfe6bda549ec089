/// The one spelling rule for flow, step, connection and input names: `[A-Za-z0-9][A-Za-z0-9._-]*`,
/// so a name is safe in a file name, a command line and a template.
enum DefinitionName {
    static let rule = "letters, digits, '.', '_' and '-', starting with a letter or digit"

    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return name.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// An HTTP header name (RFC 9110 token).
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { isAlphanumeric($0) || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0) }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        default: false
        }
    }
}
