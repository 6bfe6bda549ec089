/// A flow as listed: enough to pick one, start it, or edit it.
public struct FlowSummary: Hashable, Sendable, Codable {
    public let name: String
    public let description: String?
    public let owner: String?
    public let stepCount: Int
    /// Inputs the flow declares, with their defaults.
    public let inputs: TriggerInputs

    public init(name: String, description: String?, owner: String?, stepCount: Int, inputs: TriggerInputs) {
        self.name = name
        self.description = description
        self.owner = owner
        self.stepCount = stepCount
        self.inputs = inputs
    }
}

/// Where a flow's definition lives and whether this machine can edit it.
public struct DefinitionSource: Hashable, Sendable {
    public let flow: String
    /// A local file path when the definition is editable here.
    public let path: String?
    /// When `path` is nil: the text to show read-only and why it cannot be edited.
    public let readOnlyText: String?
    public let readOnlyReason: String?

    public init(flow: String, path: String?, readOnlyText: String? = nil, readOnlyReason: String? = nil) {
        self.flow = flow
        self.path = path
        self.readOnlyText = readOnlyText
        self.readOnlyReason = readOnlyReason
    }
}

/// A problem found when validating a definition, pointing at file and line.
public struct DefinitionProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(file: String, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form editors and terminals make clickable.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }
}
