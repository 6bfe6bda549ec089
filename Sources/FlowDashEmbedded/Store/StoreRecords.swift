import FlowDashCore
import Foundation

/// A step as a new run plans it, before anything has happened.
public struct PlannedStep: Sendable, Hashable {
    public let name: String
    public let connection: String?

    public init(name: String, connection: String?) {
        self.name = name
        self.connection = connection
    }
}

/// What one finished step leaves in the store; texts must already be sanitised and redacted.
public struct StepRecord: Sendable, Hashable {
    public let status: StepStatus
    public let finishedAt: Date
    public let error: StepError?
    public let request: String?
    public let output: String?

    public init(status: StepStatus, finishedAt: Date = Date(), error: StepError? = nil, request: String? = nil, output: String? = nil) {
        self.status = status
        self.finishedAt = finishedAt
        self.error = error
        self.request = request
        self.output = output
    }
}

/// A process that owns a running run; the start time tells a live owner from a reused pid.
public struct OwnerProcess: Sendable, Hashable {
    public let pid: Int32
    /// Start time in clock ticks since boot (`/proc/PID/stat` field 22); nil where unknown.
    public let startTime: Int64?

    public init(pid: Int32, startTime: Int64?) {
        self.pid = pid
        self.startTime = startTime
    }
}

/// What the store knows about a connection: its secret and whether it last worked.
public struct ConnectionState: Sendable, Hashable {
    public let name: String
    public let secret: Secret?
    public let status: ConnectionStatus
    public let lastVerifiedAt: Date?
    public let lastError: String?

    public init(name: String, secret: Secret?, status: ConnectionStatus, lastVerifiedAt: Date?, lastError: String?) {
        self.name = name
        self.secret = secret
        self.status = status
        self.lastVerifiedAt = lastVerifiedAt
        self.lastError = lastError
    }
}

/// The part of a stored run a worker needs to execute it.
public struct StoredRunHeader: Sendable, Hashable {
    public let id: RunID
    public let flow: String
    public let status: RunStatus
    public let inputs: TriggerInputs
}
