import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

@Suite("Run ids and paths")
struct RunIDTests {
    @Test(arguments: [
        ("etl", "manual__2026-11-25T08:00:00+00:00"),
        ("flowdash_failures", "scheduled__2026-11-25T07:32:44.460850+00:00"),
        ("d.with-dots_and-dashes", "backfill/2026/11/25"),
        ("etl", "a/b"),
    ])
    func runIDRoundTrips(dagID: String, dagRunID: String) throws {
        let address = try #require(AirflowRunID(dagID: dagID, dagRunID: dagRunID))
        let parsed = try #require(AirflowRunID(address.runID))
        #expect(parsed.dagID == dagID)
        #expect(parsed.dagRunID == dagRunID, "the first slash splits; the run id keeps its own")
        #expect(address.runID.rawValue == "\(dagID)/\(dagRunID)")
    }

    @Test(arguments: ["", "no-slash", "/run", "dag/", "~/run", "dag/~", "../run", "dag/..", "dag/."])
    func idsThatCannotAddressOneRunAreRefused(raw: String) {
        #expect(AirflowRunID(RunID(raw)) == nil)
    }

    @Test func aFlowNameThatIsNotOneDAGIsNotFound() {
        for name in ["", "~", "..", "a/b"] {
            #expect(throws: BackendError.flowNotFound(name)) { try DAGName.validated(name) }
        }
        #expect((try? DAGName.validated("flowdash_quick")) == "flowdash_quick")
    }

    @Test func pathSegmentsAndQueriesArePercentEncoded() throws {
        let address = try #require(AirflowRunID(dagID: "etl", dagRunID: "manual__2026-11-25T08:00:00+00:00/x y"))
        let request = AirflowRequest.api(.get, AirflowBackend.runPath(address), query: [
            URLQueryItem(name: "run_after_gte", value: "2026-11-25T08:00:00+00:00"),
        ])
        let url = try #require(request.url(under: URL(string: "http://127.0.0.1:8080/")!))
        #expect(url.absoluteString == "http://127.0.0.1:8080/api/v2/dags/etl/dagRuns/"
            + "manual__2026-11-25T08%3A00%3A00%2B00%3A00%2Fx%20y?run_after_gte=2026-11-25T08%3A00%3A00%2B00%3A00")
        #expect(request.endpoint == "GET /api/v2/dags/etl/dagRuns/manual__2026-11-25T08:00:00+00:00/x y",
                "messages name the endpoint readably")
    }

    @Test func tildeStaysLiteralAndABasePathIsKept() throws {
        let request = AirflowRequest.api(.get, ["dags", "~", "dagRuns"])
        let url = try #require(request.url(under: URL(string: "https://airflow.example.com/proxy")!))
        #expect(url.absoluteString == "https://airflow.example.com/proxy/api/v2/dags/~/dagRuns")
    }
}
