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
