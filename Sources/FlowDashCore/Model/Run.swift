import Foundation

/// The failure that ended a run, with its diagnosis; the activity list shows one per failed run.
public struct RunFailure: Hashable, Sendable, Codable {
    public let kind: FailureKind
    public let code: String
    public let message: String
    /// The failing step's name (the step with the red marker).
    public let step: String?
    /// The connection the failing step used, when it used one; failures are grouped by it.
    public let connection: String?

    public init(kind: FailureKind, code: String, message: String, step: String?, connection: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.step = step
        self.connection = connection
    }

    public init(error: StepError, step: String?, connection: String? = nil) {
        self.init(kind: Diagnoser.kind(of: error), code: error.code, message: error.message, step: step,
                  connection: connection)
    }
}

/// One run as the activity list shows it.
public struct RunSummary: Hashable, Sendable, Codable {
    public let id: RunID
    public let flow: String
    public let status: RunStatus
    public let startedAt: Date
    public let finishedAt: Date?
    public let inputs: TriggerInputs
    public let resubmittedFrom: RunID?
    public let failure: RunFailure?

    public init(
        id: RunID, flow: String, status: RunStatus, startedAt: Date, finishedAt: Date? = nil,
        inputs: TriggerInputs = [:], resubmittedFrom: RunID? = nil, failure: RunFailure? = nil
    ) {
        self.id = id
        self.flow = flow
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.inputs = inputs
        self.resubmittedFrom = resubmittedFrom
        self.failure = failure
    }

    public var duration: TimeInterval? { finishedAt.map { $0.timeIntervalSince(startedAt) } }
}

/// One step of a run, in order.
public struct StepRun: Hashable, Sendable, Codable {
    public let position: Int
    public let name: String
    public let status: StepStatus
    /// The connection the step went through, when it is known to be exactly one.
    public let connection: String?
    /// Every connection it may have gone through, best first, with how each was found; empty
    /// when the backend records the connection itself (or knows none).
    public let connectionLeads: [ConnectionLead]
    /// Whether the backend records which connection each step uses (the embedded engine does);
    /// when it does not, a step without one is a step whose connection is unknown, not one
    /// that used none.
    public let connectionIsRecorded: Bool
    public let startedAt: Date?
    public let finishedAt: Date?
    public let error: StepError?
    /// The request as sent, credentials redacted (e.g. `GET http://host/v1/x`).
    public let request: String?
    /// The response body, capped and sanitised.
    public let output: String?

    public init(
        position: Int, name: String, status: StepStatus, connection: String?,
        connectionLeads: [ConnectionLead] = [], connectionIsRecorded: Bool = true,
        startedAt: Date? = nil, finishedAt: Date? = nil, error: StepError? = nil,
        request: String? = nil, output: String? = nil
    ) {
        self.position = position
        self.name = name
        self.status = status
        self.connection = connection
        self.connectionLeads = connectionLeads
        self.connectionIsRecorded = connectionIsRecorded
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.error = error
        self.request = request
        self.output = output
    }

    public var duration: TimeInterval? {
        guard let startedAt, let finishedAt else { return nil }
        return finishedAt.timeIntervalSince(startedAt)
    }
}

/// A run with all its steps.
public struct RunDetail: Hashable, Sendable, Codable {
    public let summary: RunSummary
    public let steps: [StepRun]

    public init(summary: RunSummary, steps: [StepRun]) {
        self.summary = summary
        self.steps = steps
    }

    /// The step that failed the run: the one that carries the red marker.
    public var failingStep: StepRun? { steps.first { $0.status == .failed } }
}
