import FlowDashAirflow
import FlowDashCore
import Foundation
import Testing

/// Paging with small pages, and what a read-only user gets, against the real Airflow.
@Suite("Airflow live: paging and permissions")
struct PagingAndPermissionLiveTests {
    @Test func smallPagesGiveTheSameActivityAsOnePage() async throws {
        let live = try LiveEnvironment.load()
        let onePage = try await live.backend().activity(ActivityQuery(failedOnly: true, limit: 7))
        let paged = try await live.backend(pageSize: 2).activity(ActivityQuery(failedOnly: true, limit: 7))
        #expect(paged.map(\.id) == onePage.map(\.id))
        #expect(Set(paged.map(\.id)).count == paged.count, "a run listed twice")
        #expect(paged.count == min(7, onePage.count))
    }

    @Test func smallPagesGiveEveryFlowAndConnection() async throws {
        let live = try LiveEnvironment.load()
        let flows = try await live.backend(pageSize: 2).flows()
        #expect(flows.map(\.name) == (try await live.backend().flows()).map(\.name))
        let connections = try await live.backend(pageSize: 1).connections()
        #expect(connections.map(\.name) == (try await live.backend().connections()).map(\.name))
    }

    @Test func viewerReadsRunsButCannotTrigger() async throws {
        let live = try LiveEnvironment.load()
        let viewer = try live.viewerBackend()
        #expect(try await !viewer.activity(ActivityQuery(limit: 5)).isEmpty)
        do {
            _ = try await viewer.startRun(flow: "flowdash_ok", inputs: ["customer": "c-1000"], resubmittedFrom: nil)
            Issue.record("a viewer triggered a run")
        } catch let error as AirflowError {
            #expect(error.status == 403, "\(error)")
        }
    }

    @Test func viewerVerifyIsNotAVerification() async throws {
        let live = try LiveEnvironment.load()
        let viewer = try live.viewerBackend()
        do {
            let outcome = try await viewer.verifyConnection("flowdash_api", secret: Secret(live.connectionPassword))
            #expect(!outcome.isVerified, "\(outcome)")
        } catch let error as AirflowError {
            #expect(error.status == 403, "\(error)")
        }
    }
}
