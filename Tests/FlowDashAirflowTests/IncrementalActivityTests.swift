import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// The activity list refreshed from the runs changed since the previous call, over replies in
/// Airflow 3.3.2's shapes (a DAG run has no `updated_at` field; the server's `Date` header dates
/// the poll, and `updated_at_gte` asks for what changed).
@Suite("Airflow backend: incremental activity")
struct IncrementalActivityTests {
    static let firstPoll = "Wed, 25 Nov 2026 08:00:00 GMT"
    static let secondPoll = "Wed, 25 Nov 2026 08:00:05 GMT"
    static let bulkRoute = "POST /api/v2/dags/~/dagRuns/~/taskInstances/list"

    /// A run of DAG `d` due at 07:MM:00.
    static func run(_ id: String, _ state: String, minute: Int) -> String {
        let time = String(format: "2026-11-25T07:%02d:00Z", minute)
        let end = state == "failed" || state == "success" ? #""\#(time)""# : "null"
        return #"{"dag_run_id":"\#(id)","dag_id":"d","state":"\#(state)","run_after":"\#(time)","end_date":\#(end)}"#
    }

    static func page(_ runs: [String], nextCursor: String? = nil) -> String {
        let cursor = nextCursor.map { #""\#($0)""# } ?? "null"
        return #"{"dag_runs":[\#(runs.joined(separator: ","))],"total_entries":\#(runs.count),"next_cursor":\#(cursor)}"#
    }

    /// One failed task instance of run `id` of DAG `dag`.
    static func failedInstance(_ id: String, dag: String = "d") -> String {
        #"{"task_id":"call","dag_id":"\#(dag)","dag_run_id":"\#(id)","map_index":-1,"state":"failed","try_number":1,"start_date":"2026-11-25T07:00:01Z"}"#
    }

    /// Answers a full listing with `full`, a listing of changes with `changed`, the bulk lookup
    /// with a failed task for every run asked for, and every log with a 401 failure.
    static func server(full: String, changed: String, date: String? = firstPoll, changedDate: String? = secondPoll) -> ScriptedTransport {
        ScriptedTransport { request in
            if request.route == "POST /auth/token" { return reply(201, AirflowFixtures.token) }
            if request.route == bulkRoute {
                let ids = request.json["dag_run_ids"] as? [String] ?? []
                let instances = ids.map { failedInstance($0) }
                return reply(200, #"{"task_instances":[\#(instances.joined(separator: ","))],"total_entries":\#(ids.count)}"#)
            }
            if request.path.hasSuffix("/logs/1") { return reply(200, BackendReadingTests.unauthorizedLog) }
            let isChange = request.query["updated_at_gte"] != nil
            let headers = (isChange ? changedDate : date).map { ["Date": $0] } ?? [:]
            return reply(200, isChange ? changed : full, headers: headers)
        }
    }

    static func listings(_ transport: ScriptedTransport) async -> [ScriptedTransport.Sent] {
        await transport.requests(to: "GET /api/v2/dags/d/dagRuns")
    }

    @Test func theNextCallAsksOnlyForRunsChangedSinceTheServersTimeAndMergesThem() async throws {
        let transport = Self.server(
            full: Self.page([Self.run("a", "failed", minute: 30), Self.run("b", "failed", minute: 20),
                             Self.run("c", "failed", minute: 10)]),
            changed: Self.page([Self.run("new", "failed", minute: 40), Self.run("b", "queued", minute: 20),
                                Self.run("elsewhere", "success", minute: 35)]))
        let backend = TestServer.backend(transport)
        let query = ActivityQuery(failedOnly: true, flow: "d", limit: 10)

        let first = try await backend.activity(query)
        #expect(first.map(\.id.rawValue) == ["d/a", "d/b", "d/c"])
        let full = try #require(await Self.listings(transport).first)
        #expect(full.query["state"] == ["failed"] && full.query["updated_at_gte"] == nil)
        let firstCount = await transport.sent.count

        let second = try await backend.activity(query)
        #expect(second.map(\.id.rawValue) == ["d/new", "d/a", "d/c"],
                "the new failed run comes in first, the cleared run leaves, a run that succeeded stays out")
        #expect(second.first?.failure?.code == "401")
        let sent = await transport.sent.dropFirst(firstCount)
        #expect(sent.map(\.route) == ["GET /api/v2/dags/d/dagRuns", Self.bulkRoute,
                                      "GET /api/v2/dags/d/dagRuns/new/taskInstances/call/logs/1"],
                "one listing of changes, then the failure of the new run only")
        let change = try #require(sent.first)
        #expect(change.query["updated_at_gte"] == ["2026-11-25T07:59:30.000Z"], "the server's time, 30 s early")
        #expect(change.query["state"] == nil, "every state, to see runs leave the failed list")
        #expect(change.query["order_by"] == ["-run_after"] && change.query["run_after_gte"] == nil)
        #expect(sent.dropFirst().first?.json["dag_run_ids"] as? [String] == ["new"])
    }

    @Test func aFullWindowOnlyAsksForChangesThatCanEnterItAndStaysTrimmed() async throws {
        let transport = Self.server(
            full: Self.page([Self.run("a", "success", minute: 30), Self.run("b", "running", minute: 20)], nextCursor: "more"),
            changed: Self.page([Self.run("new", "queued", minute: 40), Self.run("b", "success", minute: 20)]))
        let backend = TestServer.backend(transport)
        let query = ActivityQuery(flow: "d", limit: 2)
        _ = try await backend.activity(query)
        let runs = try await backend.activity(query)
        #expect(runs.map(\.id.rawValue) == ["d/new", "d/a"])
        #expect(runs.map(\.status) == [.queued, .succeeded])
        let change = try #require(await Self.listings(transport).last)
        #expect(change.query["run_after_gte"] == ["2026-11-25T07:19:59.000Z"], "no older run can enter a full window")
        #expect(change.query["limit"] == ["2"])
    }

    @Test func aThirdCallStartsFromTheSecondCallsServerTime() async throws {
        let transport = Self.server(full: Self.page([Self.run("a", "success", minute: 30)]),
                                    changed: Self.page([]))
        let backend = TestServer.backend(transport)
        let query = ActivityQuery(flow: "d", limit: 5)
        for _ in 0..<3 { _ = try await backend.activity(query) }
        let since = await Self.listings(transport).map { $0.query["updated_at_gte"]?.first ?? "full" }
        #expect(since == ["full", "2026-11-25T07:59:30.000Z", "2026-11-25T07:59:35.000Z"])
    }

    @Test func aFullWindowThatLosesARunIsReloadedInFull() async throws {
        let transport = Self.server(
            full: Self.page([Self.run("a", "failed", minute: 30), Self.run("b", "failed", minute: 20)], nextCursor: "more"),
            changed: Self.page([Self.run("b", "running", minute: 20)]))
        let backend = TestServer.backend(transport)
        let query = ActivityQuery(failedOnly: true, flow: "d", limit: 2)
        _ = try await backend.activity(query)
        _ = try await backend.activity(query)
        let kinds = await Self.listings(transport).map { $0.query["updated_at_gte"] == nil ? "full" : "changes" }
        #expect(kinds == ["full", "changes", "full"], "an older failed run must move up; only the server knows which")
    }

    @Test func tooManyChangesAreReloadedInFull() async throws {
        let transport = Self.server(
            full: Self.page([Self.run("a", "success", minute: 30)]),
            changed: Self.page([Self.run("x", "running", minute: 40), Self.run("y", "running", minute: 39)], nextCursor: "more"))
        let backend = TestServer.backend(transport)
        let query = ActivityQuery(flow: "d", limit: 2)
        _ = try await backend.activity(query)
        _ = try await backend.activity(query)
        let kinds = await Self.listings(transport).map { $0.query["updated_at_gte"] == nil ? "full" : "changes" }
        #expect(kinds == ["full", "changes", "full"])
    }

    @Test func changesAreReadOnePageAtMost() async throws {
        let transport = Self.server(
            full: Self.page([Self.run("a", "success", minute: 30)]),
            changed: Self.page([Self.run("x", "running", minute: 40), Self.run("y", "running", minute: 39)], nextCursor: "more"))
        let backend = TestServer.backend(transport, pageSize: 2)
        let query = ActivityQuery(flow: "d", limit: 10)
        _ = try await backend.activity(query)
        _ = try await backend.activity(query)
        let listings = await Self.listings(transport)
        let kinds = listings.map { $0.query["updated_at_gte"] == nil ? "full" : "changes" }
        #expect(kinds == ["full", "changes", "full"], "a second page of changes would be wasted on the reload")
        #expect(listings[1].query["limit"] == ["2"])
    }

    @Test func withoutTheServersTimeOrWithNoIntervalEveryCallIsFull() async throws {
        let undated = Self.server(full: Self.page([Self.run("a", "success", minute: 30)]), changed: Self.page([]), date: nil)
        let backend = TestServer.backend(undated)
        for _ in 0..<2 { _ = try await backend.activity(ActivityQuery(flow: "d")) }
        #expect(await Self.listings(undated).allSatisfy { $0.query["updated_at_gte"] == nil },
                "no Date header: this machine's clock is never used instead")

        let dated = Self.server(full: Self.page([Self.run("a", "success", minute: 30)]), changed: Self.page([]))
        let alwaysFull = AirflowBackend(
            configuration: AirflowConfiguration(baseURL: TestServer.baseURL, credentials: .password(username: "admin", TestServer.password),
                                                fullRefreshInterval: .zero),
            transport: dated)
        for _ in 0..<2 { _ = try await alwaysFull.activity(ActivityQuery(flow: "d")) }
        #expect(await Self.listings(dated).count == 2)
        #expect(await Self.listings(dated).allSatisfy { $0.query["updated_at_gte"] == nil })
    }

    @Test func eachQueryKeepsItsOwnWindow() async throws {
        let transport = Self.server(full: Self.page([Self.run("a", "failed", minute: 30)]), changed: Self.page([]))
        let backend = TestServer.backend(transport)
        _ = try await backend.activity(ActivityQuery(failedOnly: true, flow: "d"))
        _ = try await backend.activity(ActivityQuery(flow: "d"))
        let kinds = await Self.listings(transport).map { $0.query["updated_at_gte"] == nil ? "full" : "changes" }
        #expect(kinds == ["full", "full"], "another filter is another window")
    }
}
