import FlowDashAirflow
import FlowDashCore
import FlowDashService
import Foundation
import Testing

/// Bulk resubmit on a real Airflow, through the service as the interface and the CLI use it:
/// two 502 runs of customers never synced before (the loopback fails each customer's first
/// call), resubmitted together; each new DAG run keeps its conf, succeeds, and is in the ledger.
@Suite("Airflow live: bulk resubmit")
struct BulkResubmitLiveTests {
    @Test func twoBadGatewayRunsAreResubmittedTogetherAndLeaveTheInbox() async throws {
        let live = try LiveEnvironment.load()
        let backend = live.backend()
        let customers = (0..<2).map { _ in "c-\(UUID().uuidString.prefix(8).lowercased())" }
        var failed: [RunSummary] = []
        for customer in customers {
            let id = try await backend.startRun(flow: "flowdash_bad_gateway", inputs: ["customer": customer], resubmittedFrom: nil)
            failed.append(try await waitUntilFinished(id, on: backend).summary)
        }
        #expect(failed.allSatisfy { $0.status == .failed && $0.failure?.code == "502" })

        let service = FlowService(backend: backend)
        let plan = service.planBulkResubmit(failed)
        #expect(plan.count == 2)
        #expect(Set(plan.distinctInputs.map(\.values)) == Set(customers.map { ["customer": $0] }))
        let pace = BulkResubmitPace(perSecond: 5, pollEvery: .seconds(2), followFor: .seconds(240))
        var outcomes: [RunID: RunSummary] = [:]
        for await event in service.bulkResubmit(plan, pace: pace) {
            switch event {
            case .finished(let original, let run): outcomes[original] = run
            case .refused(let original, let reason): Issue.record("\(original) refused: \(reason)")
            case .stillRunning(let runs): Issue.record("still running after 240 s: \(runs)")
            case .submitted: break
            }
        }
        #expect(Set(outcomes.keys) == Set(failed.map(\.id)))
        for original in failed {
            let again = try #require(outcomes[original.id])
            #expect(again.status == .succeeded, "\(again.id)")
            #expect(again.resubmittedFrom == original.id)
            #expect(again.inputs == original.inputs)
        }

        let open = try await service.openFailures()
        #expect(!open.contains { run in failed.contains { $0.id == run.id } }, "resubmitted runs left the inbox")
        let ledger = try await service.ledger(limit: 500)
        for original in failed {
            #expect(ledger.first { $0.original.id == original.id }?.outcome == .succeeded, "\(original.id) in the ledger")
        }
    }
}
