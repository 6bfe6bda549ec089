import FlowDashCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import FlowDashAirflow

/// The servers around Airflow that `script/airflow up` also starts, for the fault tests.
extension LiveEnvironment {
    /// nginx in front of Airflow (`/api/` rate limited, `/slow/` with a long Retry-After,
    /// `/down/` an upstream that is not running).
    func proxyURL(_ prefix: String = "") throws -> URL {
        let base = try Self.requiredEnvironment("FLOWDASH_AIRFLOW_PROXY_URL")
        return try #require(URL(string: base + prefix))
    }

    /// The loopback service's broken look-alike of the API (`failing_api.py`, `/broken/<kind>`).
    func brokenAPIURL(_ kind: String) throws -> URL {
        let base = try Self.requiredEnvironment("FLOWDASH_AIRFLOW_LOOPBACK_URL")
        return try #require(URL(string: base + "/broken/" + kind))
    }

    static func requiredEnvironment(_ name: String) throws -> String {
        let value = try #require(ProcessInfo.processInfo.environment[name], "\(name) is not set: run `eval \"$(script/airflow env)\"`")
        try #require(!value.isEmpty, "\(name) is empty")
        return value
    }

    /// A fresh token of the admin user, signed in directly (not through the proxy).
    func freshToken() async throws -> String {
        var request = URLRequest(url: url.appendingPathComponent("auth/token"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["username": user, "password": password])
        let (body, _) = try await URLSession.shared.data(for: request)
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        return try #require(object["access_token"] as? String)
    }

    /// `GET /api/v2/auth/logout` with `token`: Airflow revokes it (its `revoked_token` table),
    /// and answers 403 "Invalid JWT token" to it from then on.
    func revoke(_ token: String) async throws {
        var request = URLRequest(url: url.appendingPathComponent("api/v2/auth/logout"))
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        _ = try await URLSession.shared.data(for: request)
    }

    /// `DELETE /api/v2/dags/{dag}`: Airflow forgets the DAG and its runs.
    func deleteDAG(_ dag: String) async throws {
        var request = URLRequest(url: url.appendingPathComponent("api/v2/dags/\(dag)"))
        request.httpMethod = "DELETE"
        request.setValue("Bearer \(try await freshToken())", forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: request)
        try #require((response as? HTTPURLResponse)?.statusCode == 204, "DELETE dag \(dag)")
    }
}

/// The real transport, recording what went out and what came back.
actor RecordingTransport: AirflowTransport {
    struct Exchange: Sendable {
        let route: String
        let status: Int?
        let authorization: String?
    }

    private let real = URLSessionTransport()
    private(set) var exchanges: [Exchange] = []

    func send(_ request: URLRequest, timeout: Duration) async throws -> HTTPReply {
        let route = "\(request.httpMethod ?? "GET") \(request.url?.path ?? "")"
        let authorization = request.value(forHTTPHeaderField: "Authorization")
        do {
            let reply = try await real.send(request, timeout: timeout)
            exchanges.append(Exchange(route: route, status: reply.status, authorization: authorization))
            return reply
        } catch {
            exchanges.append(Exchange(route: route, status: nil, authorization: authorization))
            throw error
        }
    }

    func statuses(endingWith suffix: String) -> [Int?] {
        exchanges.filter { $0.route.hasSuffix(suffix) }.map(\.status)
    }
}

/// One readable line without the secrets the tests hold.
func expectOneCleanLine(_ text: String, without secrets: [String], _ source: SourceLocation = #_sourceLocation) {
    #expect(!text.contains("\n"), "not one line: \(text)", sourceLocation: source)
    #expect(!text.isEmpty && text.count < 400, "\(text)", sourceLocation: source)
    for secret in secrets where secret.count >= 3 {
        #expect(!text.contains(secret), "a secret in: \(text)", sourceLocation: source)
    }
}
