import FlowDashCore

/// One self-help article: what it is about (kinds, codes, keywords) and how to fix the problem.
public struct KnowledgeEntry: Sendable, Hashable {
    public let id: String
    public let title: String
    public let kinds: Set<FailureKind>
    /// HTTP statuses as text (`401`) or transport codes (`timeout`); may be empty.
    public let codes: Set<String>
    public let keywords: [String]
    public let symptoms: String
    public let causes: String
    /// The fix, one step each, in the order the operator takes them.
    public let steps: [String]

    public init(
        id: String, title: String, kinds: Set<FailureKind>, codes: Set<String>, keywords: [String],
        symptoms: String, causes: String, steps: [String]
    ) {
        self.id = id
        self.title = title
        self.kinds = kinds
        self.codes = codes
        self.keywords = keywords
        self.symptoms = symptoms
        self.causes = causes
        self.steps = steps
    }
}

/// Why an entry file cannot be read; names the file and, when it can, the line.
public struct KnowledgeEntryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
