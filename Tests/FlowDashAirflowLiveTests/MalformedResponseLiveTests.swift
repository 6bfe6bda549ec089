import FlowDashAirflow
import FlowDashCore
import Foundation
import Testing

/// Bodies that are not Airflow's JSON, from a real HTTP server (`failing_api.py`'s
/// `/broken/<kind>` look-alike of the API, whose sign-in works).
@Suite("Airflow live: malformed answers")
struct MalformedResponseLiveTests {
    @Test(arguments: [
        ("html", "an HTML page came back instead of JSON (is the URL the Airflow API's?)"),
        ("truncated", "the JSON is truncated or not JSON"),
        ("text", "the JSON is truncated or not JSON"),
        ("empty", "the body is empty"),
        ("shape", "field 'dags' is missing"),
    ])
    func aBrokenBodyIsMalformedNamingTheEndpoint(kind: String, problem: String) async throws {
        let live = try LiveEnvironment.load()
        let backend = AirflowBackend(configuration: AirflowConfiguration(
            baseURL: try live.brokenAPIURL(kind), credentials: .password(username: "admin", Secret("broken-pass-1")),
            requestTimeout: .seconds(30)))
        do {
            _ = try await backend.flows()
            Issue.record("\(kind): a broken body was accepted")
        } catch let error as BackendError {
            guard case .malformedResponse(let detail) = error else {
                Issue.record("\(kind): expected malformedResponse, got \(error)")
                return
            }
            #expect(detail.hasPrefix("GET /api/v2/dags: "), "\(detail)")
            #expect(detail.contains(problem), "\(kind): \(detail)")
            expectOneCleanLine(error.description, without: ["broken-pass-1", "broken-api-token"])
        }
    }

    @Test func aBrokenRunAnswerIsMalformedToo() async throws {
        let live = try LiveEnvironment.load()
        let backend = AirflowBackend(configuration: AirflowConfiguration(
            baseURL: try live.brokenAPIURL("truncated"), credentials: .token(Secret("t-unused-123"))))
        await #expect(throws: BackendError.self) { try await backend.run(RunID("flowdash_ok/manual__2026")) }
    }
}
