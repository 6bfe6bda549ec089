/// What a failed step reported: an HTTP status when there was a response, otherwise a short
/// code naming the transport problem (`timeout`, `connection_refused`, …), and a message.
public struct StepError: Hashable, Sendable, Codable {
    /// The HTTP status, or a transport code such as `timeout`.
    public let code: String
    /// Already sanitised and redacted text.
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public init(httpStatus: Int, message: String) {
        self.init(code: String(httpStatus), message: message)
    }

    /// The HTTP status when the code is one.
    public var httpStatus: Int? {
        guard let status = Int(code), (100...599).contains(status) else { return nil }
        return status
    }
}

/// Transport-level codes shared by backends so that diagnosis does not depend on one HTTP stack.
public enum TransportCode {
    public static let timeout = "timeout"
    public static let connectionRefused = "connection_refused"
    public static let connectionReset = "connection_reset"
    public static let hostNotFound = "host_not_found"
    public static let tls = "tls_error"
    public static let missingConnection = "missing_connection"
    public static let invalidDefinition = "invalid_definition"
    public static let interrupted = "interrupted"
}
