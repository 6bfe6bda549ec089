import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// What the backend asks for and how it assembles the answers, over scripted replies.
@Suite("Airflow backend: reading")
struct BackendReadingTests {
    static let failedRunID = RunID("flowdash_failures/manual__2026-11-25T07:32:44.460850+00:00")
    static let runPath = "/api/v2/dags/flowdash_failures/dagRuns/manual__2026-11-25T07:32:44.460850+00:00"
    static let unauthorizedLog = AirflowFixtures.taskLog(
        excType: "RuntimeError", excValue: "GET http://127.0.0.1:8099/secure failed: HTTP 401 Unauthorized",
        cause: ("HTTPError", "HTTP Error 401: Unauthorized"))

    /// `count` successful runs of DAG `d`, numbered from `first`.
    static func runsPage(count: Int, first: Int, nextCursor: String?) -> String {
        let runs = (first..<first + count).map {
            #"{"dag_run_id":"run_\#($0)","dag_id":"d","state":"success","run_after":"2026-11-25T07:00:00Z"}"#
        }
        let cursor = nextCursor.map { #""\#($0)""# } ?? "null"
        return #"{"dag_runs":[\#(runs.joined(separator: ","))],"total_entries":500,"next_cursor":\#(cursor)}"#
    }

    @Test func activityPagesNewestFirstByCursorUpToTheLimit() async throws {
        let transport = ScriptedTransport { request in
            if request.route == "POST /auth/token" { return reply(201, AirflowFixtures.token) }
            let cursor = request.query["cursor"]?.first ?? "missing"
            let limit = Int(request.query["limit"]?.first ?? "") ?? 0
            return cursor.isEmpty
                ? reply(200, Self.runsPage(count: limit, first: 0, nextCursor: "page2"))
                : reply(200, Self.runsPage(count: limit, first: 100, nextCursor: "page3"))
        }
        let runs = try await TestServer.backend(transport).activity(ActivityQuery(limit: 150))
        #expect(runs.count == 150)
        #expect(runs.first?.id == RunID("d/run_0") && runs.last?.id == RunID("d/run_149"))
        let pages = await transport.requests(to: "GET /api/v2/dags/~/dagRuns")
        #expect(pages.map { $0.query["limit"] ?? [] } == [["100"], ["50"]], "never more than the limit, 100 at most")
        #expect(pages.map { $0.query["cursor"] ?? [] } == [[""], ["page2"]])
        #expect(pages.allSatisfy { $0.query["order_by"] == ["-run_after"] && $0.query["state"] == nil })
    }

    @Test func failedOnlyAsksForFailedRunsOfOneFlowAndReadsEachFailureOnce() async throws {
        let transport = ScriptedTransport(routes: [
            "GET /api/v2/dags/flowdash_failures/dagRuns": AirflowFixtures.dagRuns,
            "POST /api/v2/dags/~/dagRuns/~/taskInstances/list": AirflowFixtures.taskInstances,
            "GET \(Self.runPath)/taskInstances/unauthorized/logs/1": Self.unauthorizedLog,
        ])
        let backend = TestServer.backend(transport)
        let query = ActivityQuery(failedOnly: true, flow: "flowdash_failures", limit: 20)
        let runs = try await backend.activity(query)
        #expect(runs.map(\.status) == [.queued, .failed], "the server filters; the fixture holds both")
        #expect(runs[1].failure == RunFailure(
            kind: .authentication, code: "401",
            message: "RuntimeError: GET http://127.0.0.1:8099/secure failed: HTTP 401 Unauthorized", step: "unauthorized"))
        #expect(runs[0].failure == nil)
        let listing = try #require(await transport.requests(to: "GET /api/v2/dags/flowdash_failures/dagRuns").first)
        #expect(listing.query["state"] == ["failed"] && listing.query["limit"] == ["20"])
        let lookup = try #require(await transport.requests(to: "POST /api/v2/dags/~/dagRuns/~/taskInstances/list").first)
        #expect(lookup.json["state"] as? [String] == ["failed"])
        #expect(lookup.json["dag_run_ids"] as? [String] == ["manual__2026-11-25T07:32:44.460850+00:00"])
        #expect(await transport.requests(to: "GET \(Self.runPath)/taskInstances/unauthorized/logs/1").first?.query["map_index"] == ["-1"])

        _ = try await backend.activity(query)
        #expect(await transport.routes().filter { $0.contains("taskInstances") }.count == 2, "the second refresh reads no log")
    }

    @Test func anUnknownFlowIsNotFound() async throws {
        let backend = TestServer.backend(ScriptedTransport(routes: [:]))
        await #expect(throws: BackendError.flowNotFound("nope")) { try await backend.activity(ActivityQuery(flow: "nope")) }
        #expect(try await backend.activity(ActivityQuery(limit: 0)) == [])
    }

    @Test func aRunComesWithEveryStepAndOnlyFailedTasksLogs() async throws {
        let transport = ScriptedTransport(routes: [
            "GET \(Self.runPath)": AirflowFixtures.failedRun,
            "GET \(Self.runPath)/taskInstances": AirflowFixtures.taskInstances,
            "GET \(Self.runPath)/taskInstances/unauthorized/logs/1": Self.unauthorizedLog,
        ])
        let detail = try await TestServer.backend(transport).run(Self.failedRunID)
        #expect(detail.summary.id == Self.failedRunID)
        #expect(detail.steps.map(\.name) == ["succeed", "query_sales", "unauthorized", "fan_out[2]", "report"])
        #expect(detail.failingStep?.error?.code == "401")
        #expect(detail.summary.failure?.step == "unauthorized")
        #expect(await transport.routes().filter { $0.contains("/logs/") }.count == 1)
        let encoded = await transport.requests(to: "GET \(Self.runPath)").first?.encodedPath
        #expect(encoded == "/api/v2/dags/flowdash_failures/dagRuns/manual__2026-11-25T07%3A32%3A44.460850%2B00%3A00")
    }

    @Test func aMissingLogStillExplainsTheFailedStep() async throws {
        let transport = ScriptedTransport(routes: [
            "GET \(Self.runPath)": AirflowFixtures.failedRun,
            "GET \(Self.runPath)/taskInstances": AirflowFixtures.taskInstances,
        ])
        let detail = try await TestServer.backend(transport).run(Self.failedRunID)
        #expect(detail.failingStep?.error == StepError(
            code: LogFailure.noExceptionCode, message: "the task failed; the log of try 1 was not found"))
    }

    @Test func unknownOrUnaddressableRunsAreNotFound() async throws {
        let transport = ScriptedTransport(routes: [:])
        let backend = TestServer.backend(transport)
        await #expect(throws: BackendError.runNotFound(RunID("42"))) { try await backend.run(RunID("42")) }
        await #expect(throws: BackendError.runNotFound(RunID("~/~"))) { try await backend.run(RunID("~/~")) }
        #expect(await transport.sent.isEmpty, "an id that names no single run is refused before any request")
        await #expect(throws: BackendError.runNotFound(Self.failedRunID)) { try await backend.run(Self.failedRunID) }
    }

    @Test func flowsAndConnectionsAreListed() async throws {
        let transport = ScriptedTransport(routes: [
            "GET /api/v2/dags": AirflowFixtures.dags,
            "GET /api/v2/dags/flowdash_failures/details": AirflowFixtures.dagDetails,
            "GET /api/v2/dags/flowdash_failures/tasks": AirflowFixtures.dagTasks,
            "GET /api/v2/dags/flowdash_quick/details": #"{"dag_id":"flowdash_quick","params":{}}"#,
            "GET /api/v2/dags/flowdash_quick/tasks": #"{"tasks":[{"task_id":"only"}],"total_entries":1}"#,
            "GET /api/v2/dags/flowdash_broken/details": #"{"dag_id":"flowdash_broken","params":null}"#,
            "GET /api/v2/dags/flowdash_broken/tasks": #"{"tasks":[],"total_entries":0}"#,
            "GET /api/v2/connections": AirflowFixtures.connections,
        ])
        let backend = TestServer.backend(transport)
        let flows = try await backend.flows()
        #expect(flows.map(\.name) == ["flowdash_failures", "flowdash_quick", "flowdash_broken"],
                "a broken DAG is listed so its file can be fixed; a DAG whose file is gone is not")
        #expect(flows.map(\.stepCount) == [3, 1, 0])
        #expect(await transport.requests(to: "GET /api/v2/dags").first?.query["exclude_stale"] == ["false"])
        #expect(try await backend.connections().map(\.name) == ["flowdash_http", "sales_db", "slack"])
        #expect(await transport.requests(to: "GET /api/v2/connections").first?.query["order_by"] == ["connection_id"])
    }
}
