import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// The client's answers to faults over scripted replies: busy servers, refused tokens, bodies
/// that are not Airflow's JSON. The same faults against real servers are in FlowDashAirflowLiveTests.
@Suite("Airflow client faults")
struct ClientFaultTests {
    private let dags = AirflowRequest.api(.get, ["dags"])

    /// Answers the data requests with `busy` replies first, then the DAG fixture.
    static func busyFirst(_ count: Int, status: Int, retryAfter: String?) -> ScriptedTransport.Responder {
        let calls = Counter()
        return { request in
            if request.route == "POST /auth/token" { return reply(201, AirflowFixtures.token) }
            guard calls.next() < count else { return reply(200, AirflowFixtures.dags) }
            return reply(status, "<html><head><title>\(status) Busy</title></head></html>",
                         headers: retryAfter.map { ["Retry-After": $0] } ?? [:])
        }
    }

    @Test(arguments: [429, 503])
    func aReadWithAShortRetryAfterIsRetriedAndSucceeds(status: Int) async throws {
        let transport = ScriptedTransport(Self.busyFirst(2, status: status, retryAfter: "1"))
        let page = try await TestServer.client(transport).fetch(DAGPage.self, dags)
        #expect(page.dags.count == 4)
        #expect(await transport.routes() == ["POST /auth/token"] + Array(repeating: "GET /api/v2/dags", count: 3))
    }

    @Test func aReadIsRetriedAtMostTwice() async throws {
        let transport = ScriptedTransport(Self.busyFirst(3, status: 429, retryAfter: "1"))
        await #expect(throws: AirflowError.unavailable(
            endpoint: "GET /api/v2/dags", status: 429, message: "429 Busy", retryAfter: .seconds(1))) {
            try await TestServer.client(transport).fetch(DAGPage.self, dags)
        }
        #expect(await transport.requests(to: "GET /api/v2/dags").count == 3)
    }

    @Test(arguments: [("30", Duration?.some(.seconds(30))), (nil, nil)])
    func aLongOrMissingRetryAfterIsNotSatOut(header: String?, wait: Duration?) async throws {
        let transport = ScriptedTransport(Self.busyFirst(1, status: 429, retryAfter: header))
        await #expect(throws: AirflowError.unavailable(
            endpoint: "GET /api/v2/dags", status: 429, message: "429 Busy", retryAfter: wait)) {
            try await TestServer.client(transport).fetch(DAGPage.self, dags)
        }
        #expect(await transport.requests(to: "GET /api/v2/dags").count == 1)
    }

    @Test func aWriteIsNeverRetried() async throws {
        let transport = ScriptedTransport(Self.busyFirst(1, status: 429, retryAfter: "1"))
        let trigger = AirflowRequest.api(.post, ["dags", "etl", "dagRuns"], body: Data("{}".utf8))
        do {
            try await TestServer.client(transport).send(trigger)
            Issue.record("a rate-limited POST succeeded")
        } catch let error as AirflowError {
            #expect(error.description == "POST /api/v2/dags/etl/dagRuns: rate limited by the server (429 Busy); retry in 1 s")
        }
        #expect(await transport.requests(to: "POST /api/v2/dags/etl/dagRuns").count == 1)
    }

    @Test func aRevokedReadyTokenIsUnauthorizedNotForbidden() async throws {
        let transport = ScriptedTransport { _ in reply(403, #"{"detail":"Invalid JWT token"}"#) }
        let client = TestServer.client(transport, credentials: .token(Secret("ready-token-123")))
        do {
            _ = try await client.fetch(DAGPage.self, dags)
            Issue.record("a refused token was accepted")
        } catch let error as AirflowError {
            #expect(error == .unauthorized(endpoint: "GET /api/v2/dags", message: "Invalid JWT token"))
            #expect(error.description.contains("unauthorized: the token was refused"))
            #expect(!error.description.contains("ready-token-123"))
        }
    }

    @Test func anHTMLPageInsteadOfJSONSaysSo() async throws {
        let transport = ScriptedTransport(routes: ["GET /api/v2/dags": "<!DOCTYPE html><html><head><title>UI</title></head></html>"])
        await #expect(throws: BackendError.malformedResponse(
            "GET /api/v2/dags: an HTML page came back instead of JSON (is the URL the Airflow API's?)")) {
            try await TestServer.client(transport).fetch(DAGPage.self, dags)
        }
    }

    @Test func aPlainTextErrorGivesItsFirstLine() async throws {
        let transport = ScriptedTransport { request in
            request.route == "POST /auth/token" ? reply(201, AirflowFixtures.token) : reply(500, "database gone\nTraceback ...")
        }
        await #expect(throws: AirflowError.unavailable(
            endpoint: "GET /api/v2/dags", status: 500, message: "database gone", retryAfter: nil)) {
            try await TestServer.client(transport).fetch(DAGPage.self, dags)
        }
    }

    @Test func theUnreachableURLLeavesOutCredentialsInIt() async throws {
        let transport = ScriptedTransport { _ in .failure(.refused) }
        let url = try #require(URL(string: "http://ops:url-secret-77@127.0.0.1:8080/airflow/"))
        let client = AirflowClient(
            configuration: AirflowConfiguration(baseURL: url, credentials: .token(Secret("t-123"))), transport: transport)
        await #expect(throws: BackendError.unreachable(
            "GET /api/v2/dags at http://127.0.0.1:8080/airflow: connection refused")) {
            try await client.fetch(DAGPage.self, dags)
        }
    }
}
