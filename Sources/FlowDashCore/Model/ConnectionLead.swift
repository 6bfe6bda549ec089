/// A connection a step may have gone through, and how the backend found it. A backend that
/// records which connection each step used (the embedded engine) needs none; one that must infer
/// it (Airflow, where Python code opens connections unseen) gives every candidate, best first.
public struct ConnectionLead: Hashable, Sendable, Codable {
    /// Where the name came from, strongest first. Raw values are documented JSON.
    public enum Evidence: String, Hashable, Sendable, Codable, CaseIterable {
        /// A field of the task that names it (`http_conn_id`, `conn_id`, `op_kwargs`).
        case operatorField
        /// A line of the failed try's log that names it.
        case taskLog
        /// The failing request's scheme, host and port matched the connection's.
        case hostMatch
        /// The flow's source names it where a connection is opened, or as a known connection's id.
        case definitionSource
    }

    public let name: String
    public let evidence: Evidence
    /// False when the backend cannot list it, so it cannot be verified through FlowDash (an
    /// Airflow connection defined only in the workers' environment or a secrets backend).
    public let isListed: Bool

    public init(name: String, evidence: Evidence, isListed: Bool = true) {
        self.name = name
        self.evidence = evidence
        self.isListed = isListed
    }
}

extension [ConnectionLead] {
    /// The one connection the step went through, when the leads name exactly one.
    public var soleConnection: String? { count == 1 ? first?.name : nil }
}

/// What verifying a step's connection means for one step: the CLI's `--run` and the
/// interface's `v` read the same rule.
public enum ConnectionToVerify: Hashable, Sendable {
    case connection(String)
    /// The step went through one of these, best first; nothing tells which.
    case choose([ConnectionLead])
    /// Defined where the backend cannot list it: it cannot be verified through FlowDash.
    case unlisted(String)
    /// A failed step whose connection nothing tells (a backend that does not record it).
    case unknown

    /// Nil when the step has nothing to verify (no connection, and none expected).
    public init?(step: StepRun) {
        if let connection = step.connection {
            let unlisted = step.connectionLeads.contains { $0.name == connection && !$0.isListed }
            self = unlisted ? .unlisted(connection) : .connection(connection)
        } else if step.connectionLeads.count > 1 {
            self = .choose(step.connectionLeads)
        } else if step.status == .failed, !step.connectionIsRecorded {
            self = .unknown
        } else {
            return nil
        }
    }
}
