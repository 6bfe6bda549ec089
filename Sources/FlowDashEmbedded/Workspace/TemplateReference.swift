/// What the text between a template's braces names.
enum TemplateReference: Hashable {
    /// `inputs.NAME`.
    case input(String)
    /// `steps.STEP.status|body|json…`.
    case step(String, StepField)

    enum StepField: Hashable {
        case status
        case body
        /// The whole document when the path is empty.
        case json(path: [String])
    }

    static let expectedForm = "expected inputs.NAME, steps.STEP.status, steps.STEP.body or steps.STEP.json.FIELD…"

    /// `stepNames` resolves step names that contain dots: the longest name followed by a valid
    /// field wins; an unknown step is split at its first dot and left to the caller to report.
    init(_ text: String, stepNames: some Sequence<String>) throws(TemplateError) {
        if text.hasPrefix("inputs.") {
            let name = String(text.dropFirst("inputs.".count))
            guard !name.isEmpty else { throw TemplateError(reference: text, reason: Self.expectedForm) }
            self = .input(name)
            return
        }
        guard text.hasPrefix("steps.") else { throw TemplateError(reference: text, reason: Self.expectedForm) }
        let rest = text.dropFirst("steps.".count)
        for name in stepNames.sorted(by: { $0.count > $1.count }) where rest.hasPrefix(name + ".") {
            if let field = Self.field(rest.dropFirst(name.count + 1)) {
                self = .step(name, field)
                return
            }
        }
        guard let dot = rest.firstIndex(of: "."), dot > rest.startIndex else {
            throw TemplateError(reference: text, reason: Self.expectedForm)
        }
        guard let field = Self.field(rest[rest.index(after: dot)...]) else {
            throw TemplateError(reference: text, reason: "a step reference ends in .status, .body or .json[.FIELD…]")
        }
        self = .step(String(rest[..<dot]), field)
    }

    private static func field(_ text: Substring) -> StepField? {
        switch text {
        case "status": return .status
        case "body": return .body
        case "json": return .json(path: [])
        default:
            guard text.hasPrefix("json.") else { return nil }
            let path = text.dropFirst("json.".count).split(separator: ".", omittingEmptySubsequences: false)
            guard !path.contains(where: \.isEmpty) else { return nil }
            return .json(path: path.map(String.init))
        }
    }
}
