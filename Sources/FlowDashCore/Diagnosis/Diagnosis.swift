/// Why a run failed and how to fix it, as data; `DiagnosisText` puts it into words.
public struct Diagnosis: Hashable, Sendable {
    public let kind: FailureKind
    public let flow: String
    public let step: String
    public let connection: String?
    /// How the connection was found, best first (several when nothing tells which one it was).
    public let connectionLeads: [ConnectionLead]
    public let error: StepError
    public let fix: [FixAction]

    public init(kind: FailureKind, flow: String, step: String, connection: String?,
                connectionLeads: [ConnectionLead] = [], error: StepError, fix: [FixAction]) {
        self.kind = kind
        self.flow = flow
        self.step = step
        self.connection = connection
        self.connectionLeads = connectionLeads
        self.error = error
        self.fix = fix
    }

    /// How the connection the step went through was found, when it was inferred.
    public var connectionEvidence: ConnectionLead.Evidence? {
        connection.flatMap { name in connectionLeads.first { $0.name == name }?.evidence }
    }
}

/// English wording of a diagnosis, shared by the CLI and the repair tips.
public enum DiagnosisText {
    public static func whatHappened(_ diagnosis: Diagnosis) -> String {
        let code = diagnosis.error.code
        let via = diagnosis.connectionEvidence.map { " (found \(describe($0)))" } ?? ""
        let through = diagnosis.connection.map { " through connection '\($0)'\(via)" } ?? ""
        let cause: String
        switch diagnosis.kind {
        case .authentication:
            cause = "The server refused the credentials\(through) (\(code)): the secret is wrong, expired or lacks permission."
        case .configuration:
            cause = "The request the step makes is wrong (\(code)): the server cannot act on it as the flow defines it."
        case .transient:
            cause = "A temporary problem on the server or network (\(code)); the same request is likely to work again."
        case .other:
            cause = "The step failed with \(code), which is not a known authentication, configuration or temporary problem."
        }
        return "Step '\(diagnosis.step)' of flow '\(diagnosis.flow)' failed: \(diagnosis.error.message). \(cause)"
    }

    /// `via host match`: how a connection was found.
    public static func describe(_ evidence: ConnectionLead.Evidence) -> String {
        switch evidence {
        case .operatorField: "via the task's fields"
        case .taskLog: "via the task log"
        case .hostMatch: "via host match"
        case .definitionSource: "via the flow's source"
        }
    }

    public static func describe(_ action: FixAction, runID: RunID) -> String {
        switch action {
        case .verifyConnection(let name):
            "Re-verify connection '\(name)' with a valid secret: flowdash connections verify \(name)"
        case .pickConnection(let names):
            "The step went through one of \(names.map { "'\($0)'" }.joined(separator: ", ")): pick the one to verify: "
                + "flowdash connections verify --run \(runID)"
        case .findConnection:
            "Nothing tells which connection the step went through: find it in the list and verify it: flowdash connections"
        case .fixUnlistedConnection(let name):
            "Connection '\(name)' is not one the backend lists (defined in the workers' environment or a secrets "
                + "backend): correct its secret where it is defined"
        case .editDefinition(let flow):
            "Edit the flow definition and correct the step: flowdash flows edit \(flow)"
        case .resubmit:
            "Resubmit the run with the same inputs: flowdash resubmit \(runID)"
        case .getHelp:
            "Look for help: check the message against the service's documentation, or collect a support bundle"
        }
    }

    public static func howToFix(_ diagnosis: Diagnosis, runID: RunID) -> [String] {
        diagnosis.fix.map { describe($0, runID: runID) }
    }
}
