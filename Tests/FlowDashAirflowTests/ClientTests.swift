import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// The client's own rules over scripted replies: sign-in, renewal, error mapping, secrecy.
@Suite("Airflow client")
struct ClientTests {
    private let dags = AirflowRequest.api(.get, ["dags"])

    @Test func signsInOnceAndSendsTheBearerToken() async throws {
        let transport = ScriptedTransport(routes: ["GET /api/v2/dags": AirflowFixtures.dags])
        let client = TestServer.client(transport)
        _ = try await client.fetch(DAGPage.self, dags)
        let page = try await client.fetch(DAGPage.self, dags)
        #expect(page.dags.count == 4)
        #expect(await transport.routes() == ["POST /auth/token", "GET /api/v2/dags", "GET /api/v2/dags"])
        let signIn = try #require(await transport.requests(to: "POST /auth/token").first)
        #expect(signIn.json["username"] as? String == "admin")
        #expect(signIn.json["password"] as? String == TestServer.password.reveal())
        let authorizations = await transport.requests(to: "GET /api/v2/dags").map(\.authorization)
        #expect(authorizations == Array(repeating: "Bearer eyJhbGciOiJIUzUxMiJ9.fixture-token-value", count: 2))
    }

    @Test(arguments: [(401, #"{"detail":"Token Expired"}"#), (403, #"{"detail":"Invalid JWT token"}"#)])
    func aRefusedTokenIsRenewedOnceAndTheRequestRetried(status: Int, detail: String) async throws {
        let transport = ScriptedTransport(Self.refusingFirst(status: status, detail: detail))
        let page = try await TestServer.client(transport).fetch(DAGPage.self, dags)
        #expect(page.dags.count == 4)
        #expect(await transport.routes() == ["POST /auth/token", "GET /api/v2/dags", "POST /auth/token", "GET /api/v2/dags"])
    }

    @Test func aTokenRefusedAgainAfterRenewalFailsWithoutLooping() async throws {
        let transport = ScriptedTransport { request in
            request.route == "POST /auth/token" ? reply(201, AirflowFixtures.token) : reply(401, #"{"detail":"Not authenticated"}"#)
        }
        await #expect(throws: AirflowError.unauthorized(endpoint: "GET /api/v2/dags", message: "Not authenticated")) {
            try await TestServer.client(transport).fetch(DAGPage.self, dags)
        }
        #expect(await transport.routes().count == 4)
    }

    @Test func aForbiddenAnswerIsNotRetried() async throws {
        let transport = ScriptedTransport { request in
            request.route == "POST /auth/token" ? reply(201, AirflowFixtures.token) : reply(403, #"{"detail":"Forbidden"}"#)
        }
        await #expect(throws: AirflowError.forbidden(endpoint: "GET /api/v2/connections", message: "Forbidden")) {
            try await TestServer.client(transport).fetch(ConnectionPage.self, .api(.get, ["connections"]))
        }
        #expect(await transport.routes().count == 2)
    }

    @Test func aReadyTokenIsUsedAsIsAndCannotBeRenewed() async throws {
        let transport = ScriptedTransport { _ in reply(401, #"{"detail":"Token Expired"}"#) }
        let client = TestServer.client(transport, credentials: .token(Secret("ready-token-123")))
        await #expect(throws: AirflowError.self) { try await client.fetch(DAGPage.self, dags) }
        #expect(await transport.routes() == ["GET /api/v2/dags"])
        #expect(await transport.sent.first?.authorization == "Bearer ready-token-123")
    }

    @Test func aRefusedSignInSaysSoWithoutThePassword() async throws {
        let transport = ScriptedTransport { _ in reply(401, #"{"detail":"Invalid credentials"}"#) }
        await #expect(throws: AirflowError.signInRejected("Invalid credentials")) {
            try await TestServer.client(transport).fetch(DAGPage.self, dags)
        }
    }

    @Test func notFoundBecomesTheRequestsOwnError() async throws {
        let id = RunID("etl/manual__2026-11-25T08:00:00+00:00")
        let transport = ScriptedTransport(routes: [:])
        await #expect(throws: BackendError.runNotFound(id)) {
            try await TestServer.client(transport).fetch(DAGRunDTO.self, .api(.get, ["dags", "etl", "dagRuns", "x"], notFound: .runNotFound(id)))
        }
    }

    @Test(arguments: [
        (503, ["Retry-After": "7"], Duration?.some(.seconds(7))), (429, ["retry-after": "2"], .seconds(2)),
        (500, [:], nil), (502, [:], nil),
    ])
    func busyServersGiveATypedErrorWithTheWait(status: Int, headers: [String: String], wait: Duration?) async throws {
        let transport = ScriptedTransport { request in
            request.route == "POST /auth/token"
                ? reply(201, AirflowFixtures.token) : reply(status, #"{"detail":"busy"}"#, headers: headers)
        }
        await #expect(throws: AirflowError.unavailable(endpoint: "GET /api/v2/dags", status: status, message: "busy", retryAfter: wait)) {
            try await TestServer.client(transport).fetch(DAGPage.self, dags)
        }
    }

    @Test(arguments: [
        (TransportFailure.refused, "connection refused"), (.timedOut(after: .seconds(30)), "no answer within 30 s"),
        (.hostNotFound, "host not found"),
    ])
    func anUnreachableServerNamesTheEndpointAndHost(failure: TransportFailure, reason: String) async throws {
        let transport = ScriptedTransport { _ in .failure(failure) }
        await #expect(throws: BackendError.unreachable("POST /auth/token at http://127.0.0.1:8080: \(reason)")) {
            try await TestServer.client(transport).fetch(DAGPage.self, dags)
        }
    }

    @Test func theURLSessionTransportReportsARefusedConnectionAsUnreachable() async throws {
        // why: port 1 on loopback has no listener, so this is a real refusal, not a scripted one.
        let configuration = AirflowConfiguration(baseURL: URL(string: "http://127.0.0.1:1")!, credentials: .token(Secret("t-123")))
        let backend = AirflowBackend(configuration: configuration)
        await #expect(throws: BackendError.unreachable("GET /api/v2/connections at http://127.0.0.1:1: connection refused")) {
            try await backend.connections()
        }
    }

    @Test func aBusyErrorSaysHowLongToWait() {
        let error = AirflowError.unavailable(endpoint: "GET /api/v2/dags", status: 503, message: "busy", retryAfter: .seconds(7))
        #expect(error.description == "GET /api/v2/dags: Airflow cannot answer now (503 busy); retry in 7 s")
        #expect(error.status == 503)
    }

    @Test func aTruncatedAnswerIsMalformedNamingTheEndpoint() async throws {
        let transport = ScriptedTransport(routes: ["GET /api/v2/dags": String(AirflowFixtures.dags.prefix(100))])
        await #expect(throws: BackendError.malformedResponse("GET /api/v2/dags: the JSON is truncated or not JSON (100 bytes)")) {
            try await TestServer.client(transport).fetch(DAGPage.self, dags)
        }
    }

    /// 401/403 for the first data request, then the fixture.
    static func refusingFirst(status: Int, detail: String) -> ScriptedTransport.Responder {
        let refused = Counter()
        return { request in
            if request.route == "POST /auth/token" { return reply(201, AirflowFixtures.token) }
            return refused.next() == 0 ? reply(status, detail) : reply(200, AirflowFixtures.dags)
        }
    }
}

/// A thread-safe count, for responders that change their answer.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The count before this call.
    func next() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
