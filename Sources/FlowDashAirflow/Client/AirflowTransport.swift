import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What one exchange with the server gave: any status, with its headers and body.
struct HTTPReply: Sendable {
    let status: Int
    /// Header names lowercased.
    let headers: [String: String]
    let body: Data

    init(status: Int, headers: [String: String] = [:], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }
}

/// Why no reply came; phrased for `BackendError.unreachable`.
enum TransportFailure: Error, Sendable, Equatable {
    case timedOut(after: Duration)
    case refused
    case reset
    case hostNotFound
    case tls
    case cancelled
    case other(String)

    var reason: String {
        switch self {
        case .timedOut(let limit): "no answer within \(limit.components.seconds) s"
        case .refused: "connection refused"
        case .reset: "the connection was reset"
        case .hostNotFound: "host not found"
        case .tls: "the TLS handshake failed (certificate not trusted?)"
        case .cancelled: "the request was cancelled"
        case .other(let detail): detail
        }
    }
}

/// Sends one request; the client holds the rules (auth, errors), this only moves bytes.
protocol AirflowTransport: Sendable {
    /// The reply of any status, or `TransportFailure`, or `CancellationError` when the caller's
    /// task was cancelled.
    func send(_ request: URLRequest, timeout: Duration) async throws -> HTTPReply
}
