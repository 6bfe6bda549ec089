import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// Verify, start, resubmit, clear and definitions: the requests sent, over scripted replies.
@Suite("Airflow backend: acting")
struct BackendActionTests {
    static let connection = #"{"connection_id":"flowdash_http","conn_type":"http","host":"127.0.0.1","login":"svc","schema":"http","port":8099,"password":"***","extra":null}"#
    static let secret = Secret("new-password-77")

    static func verifying(test: (status: Int, body: String)) -> ScriptedTransport {
        ScriptedTransport { request in
            switch request.route {
            case "POST /auth/token": reply(201, AirflowFixtures.token)
            case "GET /api/v2/connections/flowdash_http": reply(200, connection)
            case "POST /api/v2/connections/test": reply(test.status, test.body)
            case "PATCH /api/v2/connections/flowdash_http": reply(200, connection)
            case "GET /api/v2/connections": reply(200, #"{"connections":[\#(connection)],"total_entries":1}"#)
            default: reply(404, #"{"detail":"Not Found"}"#)
            }
        }
    }

    @Test func aPassingTestStoresThePasswordAfterwards() async throws {
        let transport = Self.verifying(test: (200, #"{"status":true,"message":"Connection successfully tested"}"#))
        let backend = TestServer.backend(transport)
        #expect(try await backend.verifyConnection("flowdash_http", secret: Self.secret) == .verified)
        #expect(await transport.routes() == ["POST /auth/token", "GET /api/v2/connections/flowdash_http",
                                             "POST /api/v2/connections/test", "PATCH /api/v2/connections/flowdash_http"])
        let test = try #require(await transport.requests(to: "POST /api/v2/connections/test").first)
        #expect(test.json["password"] as? String == Self.secret.reveal())
        #expect(test.json["host"] as? String == "127.0.0.1" && test.json["port"] as? Int == 8099)
        let patch = try #require(await transport.requests(to: "PATCH /api/v2/connections/flowdash_http").first)
        #expect(patch.query["update_mask"] == ["password"])
        #expect(patch.json["conn_type"] as? String == "http" && patch.json["password"] as? String == Self.secret.reveal())
        let listed = try #require(try await backend.connections().first)
        #expect(listed.status == .connected && listed.lastVerifiedAt != nil)
    }

    @Test func aRefusedSecretIsNotStored() async throws {
        let transport = Self.verifying(test: (200, #"{"status":false,"message":"401:Unauthorized"}"#))
        let backend = TestServer.backend(transport)
        #expect(try await backend.verifyConnection("flowdash_http", secret: Self.secret)
            == .rejected(StepError(code: "401", message: "401:Unauthorized")))
        #expect(await transport.requests(to: "PATCH /api/v2/connections/flowdash_http").isEmpty)
        #expect(try await backend.connections().first?.status == .unauthorized)
    }

    @Test func disabledTestingIsInconclusiveAndStoresNothing() async throws {
        let transport = Self.verifying(test: (403, #"{"detail":"Testing connections is disabled in Airflow configuration. Contact your deployment admin to enable it."}"#))
        let outcome = try await TestServer.backend(transport).verifyConnection("flowdash_http", secret: Self.secret)
        guard case .inconclusive(let error) = outcome else {
            Issue.record("expected inconclusive, got \(outcome)")
            return
        }
        #expect(error.message.contains("AIRFLOW__CORE__TEST_CONNECTION=Enabled"))
        #expect(await transport.requests(to: "PATCH /api/v2/connections/flowdash_http").isEmpty)
    }

    @Test func anUnknownConnectionIsNotFound() async throws {
        let backend = TestServer.backend(Self.verifying(test: (200, "{}")))
        await #expect(throws: BackendError.connectionNotFound("nope")) {
            try await backend.verifyConnection("nope", secret: Self.secret)
        }
    }

    @Test func aResubmitSendsTheOriginalConfAndNamesTheOriginalInTheNote() async throws {
        let original = BackendReadingTests.failedRunID
        let transport = ScriptedTransport(routes: [
            "GET \(BackendReadingTests.runPath)": AirflowFixtures.failedRun,
            "POST /api/v2/dags/flowdash_failures/dagRuns":
                #"{"dag_run_id":"manual__2026-11-25T09:00:00+00:00","dag_id":"flowdash_failures","state":"queued"}"#,
        ])
        let summary = try RunMapping.summary(of: decode(DAGRunDTO.self, AirflowFixtures.failedRun))
        let id = try await TestServer.backend(transport).startRun(
            flow: "flowdash_failures", inputs: summary.inputs, resubmittedFrom: original)
        #expect(id == RunID("flowdash_failures/manual__2026-11-25T09:00:00+00:00"))
        let trigger = try #require(await transport.requests(to: "POST /api/v2/dags/flowdash_failures/dagRuns").first)
        #expect(trigger.json.keys.sorted() == ["conf", "logical_date", "note"])
        #expect(trigger.json["logical_date"] is NSNull)
        let conf = try #require(trigger.json["conf"] as? [String: Any])
        #expect(conf["count"] as? Int == 3, "a number stays a number")
        #expect(conf["tags"] as? [String] == ["a", "b"])
        #expect(trigger.json["note"] as? String == "Resubmitted by FlowDash from \(original)")
    }

    @Test func aNewRunTypesItsConfByTheParamsAndHasNoNote() async throws {
        let transport = ScriptedTransport(routes: [
            "GET /api/v2/dags/flowdash_failures/details": AirflowFixtures.dagDetails,
            "POST /api/v2/dags/flowdash_failures/dagRuns": #"{"dag_run_id":"r9","dag_id":"flowdash_failures","state":"queued"}"#,
        ])
        _ = try await TestServer.backend(transport).startRun(
            flow: "flowdash_failures", inputs: ["count": "4", "customer": "c-7"], resubmittedFrom: nil)
        let trigger = try #require(await transport.requests(to: "POST /api/v2/dags/flowdash_failures/dagRuns").first)
        #expect(trigger.json["note"] == nil)
        let conf = try #require(trigger.json["conf"] as? [String: Any])
        #expect(conf["count"] as? Int == 4 && conf["customer"] as? String == "c-7")
        await #expect(throws: BackendError.flowNotFound("ghost")) {
            try await TestServer.backend(transport).startRun(flow: "ghost", inputs: [:], resubmittedFrom: nil)
        }
    }

    @Test(arguments: [true, false])
    func clearingFailedTasksSendsOnlyFailedAndCounts(dryRun: Bool) async throws {
        let cleared = #"{"task_instances":[{"task_id":"unauthorized","state":null},{"task_id":"report","state":null}],"total_entries":2}"#
        let transport = ScriptedTransport(routes: [
            "GET \(BackendReadingTests.runPath)": AirflowFixtures.failedRun,
            "POST /api/v2/dags/flowdash_failures/clearTaskInstances": cleared,
        ])
        let count = try await TestServer.backend(transport).clearFailedTasks(of: BackendReadingTests.failedRunID, dryRun: dryRun)
        #expect(count == 2)
        let clear = try #require(await transport.requests(to: "POST /api/v2/dags/flowdash_failures/clearTaskInstances").first)
        #expect(clear.json["dag_run_id"] as? String == "manual__2026-11-25T07:32:44.460850+00:00")
        #expect(clear.json["dry_run"] as? Bool == dryRun && clear.json["only_failed"] as? Bool == true)
    }

    @Test func clearingAnUnknownRunIsRunNotFoundAndClearsNothing() async throws {
        let transport = ScriptedTransport(routes: [:])
        await #expect(throws: BackendError.runNotFound(BackendReadingTests.failedRunID)) {
            try await TestServer.backend(transport).clearFailedTasks(of: BackendReadingTests.failedRunID, dryRun: false)
        }
        #expect(await transport.routes().allSatisfy { !$0.contains("clearTaskInstances") })
    }
}
