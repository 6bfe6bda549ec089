import FlowDashAirflow
import FlowDashCore
import Foundation
import Testing

/// The inbox over the test DAGs' seeded runs, worked out as the service does for a backend
/// without an inbox of its own (Core's rules over the newest runs, partial): the 401 is the
/// connection's, wherever it happened.
@Suite("Airflow live: failure inbox")
struct FailureInboxLiveTests {
    private static let window = 500

    @Test func aFailureNamesTheConnectionItsTaskWentThrough() async throws {
        let live = try LiveEnvironment.load()
        let id = try live.run(of: "flowdash_unauthorized").id(of: "flowdash_unauthorized")
        let backend = live.backend()
        let listed = try await backend.activity(ActivityQuery(flow: "flowdash_unauthorized", limit: 50))
        let fromList = try #require(listed.first { $0.id == id }?.failure, "the list reads failures in bulk")
        #expect(fromList.connection == "flowdash_billing_api")
        let fromDetail = try #require(try await backend.run(id).summary.failure, "the detail reads every task")
        #expect(fromDetail.connection == "flowdash_billing_api")
        #expect(FailureCause(of: fromDetail).id == "connection:flowdash_billing_api:authentication")
    }

    @Test func unauthorizedRunsAreGroupedUnderTheirConnection() async throws {
        let live = try LiveEnvironment.load()
        let runs = try await live.backend().activity(ActivityQuery(limit: Self.window))
        let inbox = FailureInbox.make(from: runs, isPartial: runs.count >= Self.window)
        let open = FailureInbox.openFailures(in: runs)
        // why: the ops_* DAGs fail 401 through connections of their own (ConnectionLeadsLiveTests).
        let unauthorized = open.filter { $0.failure?.code == "401" && $0.flow == "flowdash_unauthorized" }
        // why: other live tests may resubmit the seeded run; whichever run stands for it is in the inbox.
        try #require(!unauthorized.isEmpty, "the seeded 401 of flowdash_unauthorized (or its resubmit) is open")
        for run in unauthorized {
            #expect(run.failure.map(FailureCause.init(of:))?.id == "connection:flowdash_billing_api:authentication", "\(run.id)")
        }
        let group = try #require(inbox.groups.first { $0.id == "connection:flowdash_billing_api:authentication" })
        #expect(group.runCount == unauthorized.count)
        #expect(group.codes == ["401"])
        #expect(group.flows.contains("flowdash_unauthorized"))
        // A 404 is the step's, not the connection's.
        for run in open where run.flow == "flowdash_not_found" && run.failure?.code == "404" {
            #expect(run.failure.map(FailureCause.init(of:))?.id == "step:fetch_profile:404", "\(run.id)")
        }
    }
}
