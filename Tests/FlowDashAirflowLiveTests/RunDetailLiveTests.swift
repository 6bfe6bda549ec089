import FlowDashAirflow
import FlowDashCore
import Foundation
import Testing

/// One run with its steps against the real Airflow.
@Suite("Airflow live: run detail")
struct RunDetailLiveTests {
    @Test(arguments: ["flowdash_unauthorized", "flowdash_not_found", "flowdash_bad_gateway",
                      "flowdash_bad_request", "flowdash_no_manager"])
    func failedRunShowsStepsInOrder(dag: String) async throws {
        let live = try LiveEnvironment.load()
        let seeded = try live.run(of: dag)
        let failedTask = try #require(seeded.failedTask)
        let status = try #require(seeded.httpStatus)
        let detail = try await live.backend().run(seeded.id(of: dag))
        #expect(detail.summary.id == seeded.id(of: dag))
        #expect(detail.summary.flow == dag)
        #expect(detail.summary.status == .failed)
        #expect(detail.steps.map(\.name) == ["load_customer", failedTask, "notify"])
        #expect(detail.steps.map(\.status) == [.succeeded, .failed, .skipped])
        #expect(detail.steps.map(\.position) == [0, 1, 2])
        let failing = try #require(detail.failingStep)
        #expect(failing.name == failedTask)
        // The tasks take their connection as a `conn_id` argument: the step names it, so `v` verifies it.
        #expect(failing.connection == (dag == "flowdash_unauthorized" ? "flowdash_billing_api" : "flowdash_api"))
        #expect(detail.steps[0].connection == "flowdash_api")
        let error = try #require(failing.error)
        #expect(error.code == String(status), "\(dag): \(error)")
        #expect(error.message.contains("HTTP \(status)"), "\(dag): \(error)")
        #expect(detail.summary.failure?.code == String(status))
        #expect(detail.steps[0].error == nil && detail.steps[2].error == nil)
    }

    @Test func succeededRunRoundTripsItsID() async throws {
        let live = try LiveEnvironment.load()
        let seeded = try live.run(of: "flowdash_ok")
        let backend = live.backend()
        let listed = try await backend.activity(ActivityQuery(flow: "flowdash_ok", limit: 20))
        let summary = try #require(listed.first { $0.id == seeded.id(of: "flowdash_ok") })
        let detail = try await backend.run(summary.id)
        #expect(detail.summary.id == summary.id)
        #expect(detail.summary.status == .succeeded)
        #expect(detail.summary.failure == nil)
        #expect(detail.steps.count == 3)
        #expect(detail.steps.allSatisfy { $0.status == .succeeded })
        #expect(detail.summary.inputs.values == seeded.conf)
    }

    @Test func unknownRunIsRunNotFound() async throws {
        let live = try LiveEnvironment.load()
        let id = RunID("flowdash_ok/manual__1999-01-01T00:00:00+00:00")
        await #expect(throws: BackendError.runNotFound(id)) { try await live.backend().run(id) }
    }
}
