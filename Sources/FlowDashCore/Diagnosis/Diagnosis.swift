/// Why a run failed and how to fix it, as data; `DiagnosisText` puts it into words.
public struct Diagnosis: Hashable, Sendable {
    public let kind: FailureKind
    public let flow: String
    public let step: String
    public let connection: String?
    public let error: StepError
    public let fix: [FixAction]

    public init(kind: FailureKind, flow: String, step: String, connection: String?, error: StepError, fix: [FixAction]) {
        self.kind = kind
        self.flow = flow
        self.step = step
        self.connection = connection
        self.error = error
        self.fix = fix
    }
}

/// English wording of a diagnosis, shared by the CLI and the repair tips.
public enum DiagnosisText {
    public static func whatHappened(_ diagnosis: Diagnosis) -> String {
        let code = diagnosis.error.code
        let through = diagnosis.connection.map { " through connection '\($0)'" } ?? ""
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

    public static func describe(_ action: FixAction, runID: RunID) -> String {
        switch action {
        case .verifyConnection(let name):
            "Re-verify connection '\(name)' with a valid secret: flowdash connections verify \(name)"
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
