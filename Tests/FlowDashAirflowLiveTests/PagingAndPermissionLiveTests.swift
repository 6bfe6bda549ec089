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
        // why: other suites add failed runs meanwhile; one that failed between the two reads
        // shifts the list, so the paged list must match the one before it or the one after.
        let onePageAfter = try await live.backend().activity(ActivityQuery(failedOnly: true, limit: 7))
        #expect(paged.map(\.id) == onePage.map(\.id) || paged.map(\.id) == onePageAfter.map(\.id))
        #expect(Set(paged.map(\.id)).count == paged.count, "a run listed twice")
        #expect(paged.count == min(7, onePage.count) || paged.count == min(7, onePageAfter.count))
    }

    @Test func smallPagesGiveEveryFlowAndConnection() async throws {
        let live = try LiveEnvironment.load()
        // The throwaway DAG comes and goes while DeletedDAGLiveTests runs: leave it out.
        let names = { (flows: [FlowSummary]) in flows.map(\.name).filter { $0 != FlowsAndDefinitionsLiveTests.throwaway } }
        // why: DeletedDAGLiveTests deletes the throwaway DAG while this lists; offset paging then
        // shifts by one and a DAG sorted after it (every ops_* DAG) can fall between two pages.
        // A listing that no deletion crossed must match: up to three tries.
        var matched = false
        for _ in 0..<3 where !matched {
            let paged = names(try await live.backend(pageSize: 2).flows())
            matched = paged == names(try await live.backend().flows())
        }
        #expect(matched, "small pages never gave the same flows as one page")
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
