import FlowDashCore

/// One row of the activity list: a definition file that does not load, or a run.
public enum ActivityItem: Sendable, Equatable {
    case definition(DefinitionFailure)
    case run(RunSummary)

    /// What keeps the cursor on the same row across refreshes.
    public enum ID: Hashable, Sendable {
        case definition(file: String)
        case run(RunID)
    }

    public var id: ID {
        switch self {
        case .definition(let failure): .definition(file: failure.file)
        case .run(let run): .run(run.id)
        }
    }

    public var run: RunSummary? {
        if case .run(let run) = self { return run }
        return nil
    }

    public var definitionFailure: DefinitionFailure? {
        if case .definition(let failure) = self { return failure }
        return nil
    }

    /// Definition failures always do; runs when they failed or were interrupted.
    public var needsAttention: Bool {
        switch self {
        case .definition: true
        case .run(let run): ActivityOrder.needsAttention(run)
        }
    }
}

extension DefinitionProblem {
    /// `file:line:column`, as editors and terminals read it; without the message.
    var location: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return location
    }
}
