/// One step of "How to fix", with what does it: the interface key and the CLI command.
public struct FixStep: Hashable, Sendable {
    public let action: FixAction
    /// The key in the interface, e.g. `v`; nil when no key does it yet.
    public let key: String?
    /// The command line that does it, e.g. `flowdash connections verify crm`; nil when none does.
    public let command: String?
    /// The step in plain English words, command included.
    public let text: String

    public init(action: FixAction, runID: RunID) {
        self.action = action
        key = action.interfaceKey
        command = action.command(runID: runID)
        text = DiagnosisText.describe(action, runID: runID)
    }
}

extension FixAction {
    /// The interface key that takes this step on the run detail (the TUI's key map holds the
    /// same keys; a test keeps the two in step).
    public var interfaceKey: String? {
        switch self {
        case .verifyConnection, .pickConnection: "v"
        case .findConnection: "c"
        case .fixUnlistedConnection: nil
        case .editDefinition: "e"
        case .resubmit: "r"
        case .getHelp: nil
        }
    }

    /// The command line that takes this step.
    public func command(runID: RunID) -> String? {
        switch self {
        case .verifyConnection(let name): "flowdash connections verify \(name)"
        case .pickConnection: "flowdash connections verify --run \(runID)"
        case .findConnection: "flowdash connections"
        case .fixUnlistedConnection: nil
        case .editDefinition(let flow): "flowdash flows edit \(flow)"
        case .resubmit: "flowdash resubmit \(runID)"
        case .getHelp: nil
        }
    }
}
