/// The root cause a failure is grouped under in the inbox, across flows.
///
/// - An authentication or transient failure through a connection is the connection's problem
///   (an expired token, a server that is down): every step and flow that uses it fails alike,
///   so it is grouped by connection + kind ("connection crm unauthorized").
/// - Anything else (a wrong request, an unknown error, a step without a connection) belongs
///   to the step: grouped by step + code ("step create-invoice 404").
public struct FailureCause: Hashable, Sendable, Codable {
    public enum Basis: String, Hashable, Sendable, Codable {
        case connection
        case step
    }

    public let basis: Basis
    /// The connection's or the step's name.
    public let name: String
    public let kind: FailureKind
    /// The error code for a step cause; nil for a connection cause (401 and 403 are one cause).
    public let code: String?

    public init(basis: Basis, name: String, kind: FailureKind, code: String?) {
        self.basis = basis
        self.name = name
        self.kind = kind
        self.code = basis == .connection ? nil : code
    }

    /// What a step name reads as when the backend did not say which step failed.
    public static let unknownStep = "?"

    /// The cause a failed run is grouped under.
    public init(of failure: RunFailure) {
        if let connection = failure.connection, !connection.isEmpty, Self.isConnectionWide(failure.kind) {
            self.init(basis: .connection, name: connection, kind: failure.kind, code: nil)
        } else {
            self.init(basis: .step, name: failure.step ?? Self.unknownStep, kind: failure.kind, code: failure.code)
        }
    }

    /// Kinds that come from the connection or its server rather than from the step's request.
    public static func isConnectionWide(_ kind: FailureKind) -> Bool {
        kind == .authentication || kind == .transient
    }

    /// A stable id for scripts (`flowdash resubmit --group ID`): `connection:crm:authentication`
    /// or `step:create-invoice:404`. The name may itself hold colons; the first and last split.
    public var id: String {
        switch basis {
        case .connection: "connection:\(name):\(kind.rawValue)"
        case .step: "step:\(name):\(code ?? "")"
        }
    }

    /// Reads an id back; nil when it is not one. A step id's kind follows from its code.
    public init?(id: String) {
        guard let first = id.firstIndex(of: ":"), let last = id.lastIndex(of: ":"), first < last else { return nil }
        let name = String(id[id.index(after: first)..<last])
        let tail = String(id[id.index(after: last)...])
        guard !name.isEmpty, !tail.isEmpty else { return nil }
        switch id[..<first] {
        case "connection":
            guard let kind = FailureKind(rawValue: tail) else { return nil }
            self.init(basis: .connection, name: name, kind: kind, code: nil)
        case "step":
            self.init(basis: .step, name: name, kind: Diagnoser.kind(of: StepError(code: tail, message: "")), code: tail)
        default:
            return nil
        }
    }

    /// Whether a failure belongs under this cause. A step cause matches on step and code only:
    /// the kind a backend stored for an old run may predate a diagnosis rule.
    public func matches(_ failure: RunFailure) -> Bool {
        let other = FailureCause(of: failure)
        switch basis {
        case .connection: return other == self
        case .step: return other.basis == .step && other.name == name && other.code == code
        }
    }
}

/// English words for a cause, shared by the CLI and the emails (the interface has its own, per language).
public enum FailureCauseText {
    public static func describe(_ cause: FailureCause) -> String {
        switch cause.basis {
        case .connection: "connection \(cause.name) \(adjective(cause.kind))"
        case .step: "step \(cause.name) \(cause.code ?? "") (\(cause.kind.rawValue))"
        }
    }

    /// e.g. "14 runs in 5 flows: connection crm unauthorized".
    public static func title(_ group: FailureGroup) -> String {
        let runs = group.runCount == 1 ? "1 run" : "\(group.runCount) runs"
        let flows = group.flows.count == 1 ? "1 flow" : "\(group.flows.count) flows"
        return "\(runs) in \(flows): \(describe(group.cause))"
    }

    private static func adjective(_ kind: FailureKind) -> String {
        switch kind {
        case .authentication: "unauthorized"
        case .transient: "temporarily failing"
        case .configuration: "misconfigured"
        case .other: "failing"
        }
    }
}
