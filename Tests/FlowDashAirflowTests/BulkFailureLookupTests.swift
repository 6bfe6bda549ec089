import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// The failures of listed failed runs: one bulk task-instance request per page of runs, then
/// only the logs not already known.
@Suite("Airflow backend: bulk failure lookup")
struct BulkFailureLookupTests {
    static let bulkRoute = IncrementalActivityTests.bulkRoute

    static func failedRuns(_ count: Int) -> String {
        IncrementalActivityTests.page((0..<count).map { IncrementalActivityTests.run("r\($0)", "failed", minute: 59 - $0 % 60) })
    }

    @Test func onePageOfRunsCostsOneTaskInstanceRequest() async throws {
        let transport = IncrementalActivityTests.server(full: Self.failedRuns(150), changed: IncrementalActivityTests.page([]))
        let runs = try await TestServer.backend(transport).activity(ActivityQuery(failedOnly: true, flow: "d", limit: 150))
        #expect(runs.count == 150 && runs.allSatisfy { $0.failure?.code == "401" })
        let lookups = await transport.requests(to: Self.bulkRoute)
        let batchSizes = lookups.map { ($0.json["dag_run_ids"] as? [String] ?? []).count }.sorted()
        #expect(batchSizes == [50, 100], "one request per page of 100 runs (sent concurrently, in any order)")
        #expect(lookups.allSatisfy { $0.json["dag_ids"] as? [String] == ["d"] && $0.json["state"] as? [String] == ["failed"] })
        #expect(await transport.routes().filter { $0.hasSuffix("/logs/1") }.count == 150)
        #expect(await transport.routes().filter { $0.hasPrefix("GET") && $0.hasSuffix("/taskInstances") }.isEmpty,
                "no per-run task-instance request")
    }

    @Test func instancesOfAnotherDAGsRunWithTheSameIDAreNotTaken() async throws {
        let transport = ScriptedTransport { request in
            if request.route == "POST /auth/token" { return reply(201, AirflowFixtures.token) }
            if request.route == Self.bulkRoute {
                // why: the endpoint matches dag ids and run ids separately, so `other`'s run of
                // the same id comes back too.
                let instances = [IncrementalActivityTests.failedInstance("r0", dag: "other")]
                return reply(200, #"{"task_instances":[\#(instances.joined(separator: ","))],"total_entries":1}"#)
            }
            if request.path.hasSuffix("/logs/1") { return reply(200, BackendReadingTests.unauthorizedLog) }
            return reply(200, IncrementalActivityTests.page([IncrementalActivityTests.run("r0", "failed", minute: 1)]))
        }
        let runs = try await TestServer.backend(transport).activity(ActivityQuery(failedOnly: true, flow: "d"))
        #expect(runs.map(\.status) == [.failed])
        #expect(runs.first?.failure == nil, "the run has no failed task of its own")
        #expect(await transport.routes().filter { $0.hasSuffix("/logs/1") }.isEmpty)
    }

    @Test func aLookupThatFailsIsTriedAgainNextTime() async throws {
        let transport = ScriptedTransport { request in
            if request.route == "POST /auth/token" { return reply(201, AirflowFixtures.token) }
            if request.route == Self.bulkRoute {
                return reply(200, #"{"task_instances":[{"task_id":"call","state":"failed","try_number":1}],"total_entries":1}"#)
            }
            return reply(200, IncrementalActivityTests.page([IncrementalActivityTests.run("r0", "failed", minute: 1)]))
        }
        let backend = TestServer.backend(transport)
        for _ in 0..<2 {
            let runs = try await backend.activity(ActivityQuery(failedOnly: true, flow: "d"))
            #expect(runs.map(\.status) == [.failed], "the list still shows the run")
        }
        #expect(await transport.requests(to: Self.bulkRoute).count == 2,
                "an instance that names no run is unreadable, and nothing is remembered from it")
    }

    @Test func aFailedLogReadLeavesOnlyThatRunUnknown() async throws {
        let transport = ScriptedTransport { request in
            if request.route == "POST /auth/token" { return reply(201, AirflowFixtures.token) }
            if request.route == Self.bulkRoute {
                let instances = ["r0", "r1"].map { IncrementalActivityTests.failedInstance($0) }
                return reply(200, #"{"task_instances":[\#(instances.joined(separator: ","))],"total_entries":2}"#)
            }
            if request.path.contains("/r1/") { return reply(500, #"{"detail":"boom"}"#) }
            if request.path.hasSuffix("/logs/1") { return reply(200, BackendReadingTests.unauthorizedLog) }
            return reply(200, IncrementalActivityTests.page([
                IncrementalActivityTests.run("r0", "failed", minute: 2), IncrementalActivityTests.run("r1", "failed", minute: 1),
            ]))
        }
        let backend = TestServer.backend(transport)
        let first = try await backend.activity(ActivityQuery(failedOnly: true, flow: "d"))
        #expect(first.map { $0.failure?.code } == ["401", nil])
        _ = try await backend.activity(ActivityQuery(failedOnly: true, flow: "d"))
        let second = try #require(await transport.requests(to: Self.bulkRoute).last)
        #expect(second.json["dag_run_ids"] as? [String] == ["r1"], "only the run still unknown is looked up again")
    }
}
