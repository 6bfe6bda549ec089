/// Failures of the Airflow API that `BackendError` has no case for. Messages come from the
/// server's `detail`, sanitised, capped and scrubbed of every secret FlowDash holds.
public enum AirflowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `POST /auth/token` refused the username and password.
    case signInRejected(String)
    /// 401 even after renewing the token once, or a ready token that expired or was revoked
    /// (Airflow answers 403 "Invalid JWT token" to a revoked one).
    case unauthorized(endpoint: String, message: String)
    /// 403: the Airflow user may not do this (a viewer writing, reading connections, …).
    case forbidden(endpoint: String, message: String)
    /// 5xx or 429: the server cannot answer now; `retryAfter` is its `Retry-After`, when sent.
    /// Reads of a short wait were already retried (`RetryPolicy`) before this is thrown.
    case unavailable(endpoint: String, status: Int, message: String, retryAfter: Duration?)
    /// Any other refusal (400, 409, 422, an unexpected 404…).
    case rejected(endpoint: String, status: Int, message: String)

    /// The HTTP status behind the error.
    public var status: Int {
        switch self {
        case .signInRejected, .unauthorized: 401
        case .forbidden: 403
        case .unavailable(_, let status, _, _), .rejected(_, let status, _): status
        }
    }

    /// One line: the endpoint, what it means, and the status with Airflow's own words.
    public var description: String {
        switch self {
        case .signInRejected(let message):
            "Airflow refused the username and password (401 \(message))"
        case .unauthorized(let endpoint, let message):
            "\(endpoint): unauthorized: the token was refused (\(message)); sign in again or use a new token"
        case .forbidden(let endpoint, let message):
            "\(endpoint): the Airflow user is not allowed to do this (403 \(message))"
        case .unavailable(let endpoint, 429, let message, let retryAfter):
            "\(endpoint): rate limited by the server (\(Self.statusLine(429, message))); "
                + (retryAfter.map { "retry in \($0.components.seconds) s" } ?? "retry later")
        case .unavailable(let endpoint, let status, let message, let retryAfter):
            "\(endpoint): Airflow cannot answer now (\(Self.statusLine(status, message)))"
                + (retryAfter.map { "; retry in \($0.components.seconds) s" } ?? "")
        case .rejected(let endpoint, let status, let message):
            "\(endpoint): Airflow rejected the request (\(Self.statusLine(status, message)))"
        }
    }

    /// `502 Bad Gateway`: the status once, even when the message (a proxy page's title) has it.
    private static func statusLine(_ status: Int, _ message: String) -> String {
        message.hasPrefix("\(status) ") || message == "\(status)" || message == "HTTP \(status)" ? message : "\(status) \(message)"
    }
}
