import FlowDashAirflow
import FlowDashCore
import Foundation
import Testing

/// A server that is not there, and one restarting behind its proxy.
@Suite("Airflow live: server down")
struct ServerDownLiveTests {
    @Test func nothingListeningIsUnreachableWithTheURLAndQuickly() async throws {
        let live = try LiveEnvironment.load()
        let url = try #require(URL(string: "http://127.0.0.1:9"))
        // A refused connection must not wait for the request timeout: 120 s here, so that a
        // loaded 2-core machine (the whole suite runs in parallel) cannot blur the difference.
        let backend = AirflowBackend(configuration: AirflowConfiguration(
            baseURL: url, credentials: .password(username: live.user, Secret(live.password)), requestTimeout: .seconds(120)))
        let started = ContinuousClock.now
        do {
            _ = try await backend.activity(ActivityQuery(limit: 5))
            Issue.record("nothing listening, yet it answered")
        } catch let error as BackendError {
            #expect(error == .unreachable("POST /auth/token at http://127.0.0.1:9: connection refused"))
            #expect(error.description.contains("http://127.0.0.1:9"))
            expectOneCleanLine(error.description, without: [live.password])
        }
        #expect(ContinuousClock.now - started < .seconds(60), "a refused connection waited for the timeout")
    }

    /// nginx's own 502 page while its upstream (Airflow) is not running.
    @Test func aProxyWhoseAirflowIsDownGivesAClearBadGateway() async throws {
        let live = try LiveEnvironment.load()
        let backend = AirflowBackend(configuration: AirflowConfiguration(
            baseURL: try live.proxyURL("/down"), credentials: .token(Secret("t-unused-123")), requestTimeout: .seconds(30)))
        do {
            _ = try await backend.flows()
            Issue.record("a proxy without upstream answered")
        } catch let error as AirflowError {
            #expect(error.status == 502)
            #expect(error.description == "GET /api/v2/dags: Airflow cannot answer now (502 Bad Gateway)")
            expectOneCleanLine(error.description, without: ["t-unused-123"])
        }
    }
}
