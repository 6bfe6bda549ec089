/// Classifies a step error into a failure kind. The rules follow the troubleshooting loop:
/// the HTTP status decides first; words in the message decide when there is no status.
public enum Diagnoser {
    static let authenticationStatuses: Set<Int> = [401, 403, 407]
    static let configurationStatuses: Set<Int> = [400, 404, 405, 410, 414, 415]
    static let transientStatuses: Set<Int> = [408, 425, 429, 500, 502, 503, 504]
    static let transientCodes: Set<String> = [
        TransportCode.timeout, TransportCode.connectionRefused, TransportCode.connectionReset,
    ]
    static let configurationCodes: Set<String> = [
        TransportCode.missingConnection, TransportCode.invalidDefinition, TransportCode.hostNotFound,
    ]

    public static func kind(of error: StepError) -> FailureKind {
        if let status = error.httpStatus {
            if authenticationStatuses.contains(status) { return .authentication }
            if configurationStatuses.contains(status) { return .configuration }
            if transientStatuses.contains(status) { return .transient }
            return .other
        }
        if transientCodes.contains(error.code) { return .transient }
        if configurationCodes.contains(error.code) { return .configuration }
        return kind(ofMessage: error.message)
    }

    /// For errors without a status (e.g. an exception line in a log).
    public static func kind(ofMessage message: String) -> FailureKind {
        let text = message.lowercased()
        let rules: [(FailureKind, [String])] = [
            (.authentication, ["unauthorized", "forbidden", "authentication failed", "invalid token",
                               "invalid credentials", "access denied"]),
            (.configuration, ["bad request", "not found", "no such", "invalid url", "unknown field"]),
            (.transient, ["timed out", "timeout", "connection refused", "connection reset",
                          "service unavailable", "bad gateway", "gateway timeout", "too many requests",
                          "temporarily"]),
        ]
        for (kind, words) in rules where words.contains(where: text.contains) {
            return kind
        }
        return .other
    }

    /// The diagnosis of a failed run: what happened and the steps that fix it.
    public static func diagnose(flow: String, step: StepRun) -> Diagnosis? {
        guard let error = step.error else { return nil }
        let kind = kind(of: error)
        return Diagnosis(kind: kind, flow: flow, step: step.name, connection: step.connection,
                         connectionLeads: step.connectionLeads, error: error,
                         fix: fix(for: kind, flow: flow, connection: step.connection, leads: step.connectionLeads,
                                  connectionIsRecorded: step.connectionIsRecorded))
    }

    /// - Parameters:
    ///   - leads: the connections the step may have gone through, best first, when inferred.
    ///   - connectionIsRecorded: whether a step without a connection used none (the embedded
    ///     engine: its credentials are in the flow, so the flow is edited) or one nobody knows.
    public static func fix(
        for kind: FailureKind, flow: String, connection: String?,
        leads: [ConnectionLead] = [], connectionIsRecorded: Bool = true
    ) -> [FixAction] {
        switch kind {
        case .authentication:
            if let connection {
                let unlisted = leads.contains { $0.name == connection && !$0.isListed }
                return [unlisted ? .fixUnlistedConnection(connection) : .verifyConnection(connection), .resubmit]
            }
            if leads.count > 1 { return [.pickConnection(leads.map(\.name)), .resubmit] }
            if !connectionIsRecorded { return [.findConnection, .resubmit] }
            return [.editDefinition(flow: flow), .resubmit]
        case .configuration: return [.editDefinition(flow: flow), .resubmit]
        case .transient: return [.resubmit]
        case .other: return [.getHelp]
        }
    }
}
