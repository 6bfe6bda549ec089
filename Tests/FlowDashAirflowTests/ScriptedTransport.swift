import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import FlowDashAirflow

/// Replays canned answers (the JSON documents of `AirflowFixtures`) and records what was sent,
/// to test the client's and backend's own rules. It stands in for no server: what Airflow really
/// does is for the integration tests against a live Airflow.
actor ScriptedTransport: AirflowTransport {
    /// One request as sent.
    struct Sent: Sendable {
        let method: String
        /// Percent-decoded path, e.g. `/api/v2/dags/~/dagRuns`.
        let path: String
        /// The path as it went on the wire, still percent-encoded.
        let encodedPath: String
        let query: [String: [String]]
        let authorization: String?
        let body: Data?

        var route: String { "\(method) \(path)" }

        /// The body as a JSON object, for asserting on fields.
        var json: [String: Any] {
            guard let body, let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return [:] }
            return object
        }
    }

    typealias Responder = @Sendable (Sent) -> Result<HTTPReply, TransportFailure>

    private let responder: Responder
    private(set) var sent: [Sent] = []

    init(_ responder: @escaping Responder) {
        self.responder = responder
    }

    /// Answers by route (`"GET /api/v2/dags"`), signing in with a fixed token; 404 otherwise.
    init(routes: [String: String]) {
        self.init { request in
            if request.route == "POST /auth/token" { return .success(HTTPReply(status: 201, body: Data(AirflowFixtures.token.utf8))) }
            guard let body = routes[request.route] else {
                return .success(HTTPReply(status: 404, body: Data(#"{"detail":"Not Found"}"#.utf8)))
            }
            return .success(HTTPReply(status: 200, body: Data(body.utf8)))
        }
    }

    func send(_ request: URLRequest, timeout: Duration) async throws -> HTTPReply {
        let url = request.url ?? URL(fileURLWithPath: "/")
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var query: [String: [String]] = [:]
        for item in components?.queryItems ?? [] { query[item.name, default: []].append(item.value ?? "") }
        let record = Sent(
            method: request.httpMethod ?? "GET", path: components?.path ?? "",
            encodedPath: components?.percentEncodedPath ?? "", query: query,
            authorization: request.value(forHTTPHeaderField: "Authorization"), body: request.httpBody)
        sent.append(record)
        return try responder(record).get()
    }

    func routes() -> [String] { sent.map(\.route) }

    func requests(to route: String) -> [Sent] { sent.filter { $0.route == route } }
}

/// JSON text as an HTTP reply.
func reply(_ status: Int, _ json: String, headers: [String: String] = [:]) -> Result<HTTPReply, TransportFailure> {
    .success(HTTPReply(status: status, headers: headers, body: Data(json.utf8)))
}
