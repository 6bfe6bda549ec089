/// The four ways a step fails, each with its own fix. Raw values are documented JSON.
public enum FailureKind: String, Sendable, Codable, CaseIterable {
    /// 401/403, "Unauthorized": re-verify the connection, then resubmit.
    case authentication
    /// 400/404, "Bad Request"/"Not Found": edit the flow definition, then resubmit.
    case configuration
    /// 5xx, 408, 429, timeouts, refused or reset connections: resubmit.
    case transient
    /// Anything else: look for help.
    case other
}

/// One step of a fix, in the order the operator takes them.
public enum FixAction: Hashable, Sendable, Codable {
    case verifyConnection(String)
    /// The step went through one of these connections, and nothing tells which: the operator
    /// picks the one to verify, best first.
    case pickConnection([String])
    /// Nothing tells which connection the step went through: the operator finds it in the list.
    case findConnection
    /// The connection is defined where the backend cannot reach it (e.g. the workers'
    /// environment), so its secret is fixed there, not through FlowDash.
    case fixUnlistedConnection(String)
    case editDefinition(flow: String)
    case resubmit
    case getHelp
}
