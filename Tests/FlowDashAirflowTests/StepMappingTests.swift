import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

@Suite("Task instances as steps")
struct StepMappingTests {
    private func steps(failures: [TaskKey: LogFailure] = [:]) throws -> [StepRun] {
        let page = try decode(TaskInstancePage.self, AirflowFixtures.taskInstances)
        return StepMapping.steps(of: page.taskInstances, failures: failures)
    }

    @Test func stepsRunInStartOrderThenByTaskIDWithUnstartedLast() throws {
        let names = try steps().map(\.name)
        #expect(names == ["succeed", "query_sales", "unauthorized", "fan_out[2]", "report"])
        #expect(try steps().map(\.position) == [0, 1, 2, 3, 4])
    }

    @Test func statesMapIncludingRetriesAndUpstreamFailures() throws {
        let status = Dictionary(uniqueKeysWithValues: try steps().map { ($0.name, $0.status) })
        #expect(status == ["succeed": .succeeded, "query_sales": .running, "unauthorized": .failed,
                           "fan_out[2]": .pending, "report": .skipped])
    }

    @Test(arguments: [
        (Optional<String>.none, StepStatus.pending), ("scheduled", .pending), ("queued", .pending),
        ("running", .running), ("up_for_retry", .running), ("up_for_reschedule", .running), ("deferred", .running),
        ("restarting", .running), ("success", .succeeded), ("failed", .failed), ("upstream_failed", .skipped),
        ("skipped", .skipped), ("removed", .skipped),
    ])
    func everyTaskStateHasAStepStatus(state: String?, expected: StepStatus) {
        #expect(StateMapping.stepStatus(state) == expected)
    }

    @Test func theConnectionIsTheRenderedConnIDElseTheOperator() throws {
        let connection = Dictionary(uniqueKeysWithValues: try steps().map { ($0.name, $0.connection) })
        #expect(connection["query_sales"] == "sales_db")
        #expect(connection["succeed"] == "billing_api", "a @task function's conn_id keyword argument")
        #expect(connection["unauthorized"] == .some(nil), "an operator is never shown as a connection")
        #expect(connection["fan_out[2]"] == .some(nil))
    }

    @Test func datesDurationsAndTriesAreKept() throws {
        let all = try steps()
        let succeed = try #require(all.first { $0.name == "succeed" })
        #expect(succeed.startedAt == date("2026-11-25T07:32:46Z"))
        let duration = try #require(succeed.duration)
        #expect(abs(duration - 0.8) < 0.000_1)
        #expect(succeed.output == "try 1 · @task (_PythonDecoratedOperator)")
        let retrying = try #require(all.first { $0.name == "query_sales" })
        #expect(retrying.finishedAt == nil, "a task that will try again has not finished")
        #expect(retrying.output == "try 2 · SQLExecuteQueryOperator")
    }

    @Test func aFinishedTaskWithoutAnEndDateEndsAfterItsDuration() throws {
        let instance = try decode(TaskInstanceDTO.self, #"""
            {"task_id":"t","state":"success","try_number":1,"start_date":"2026-11-25T07:00:00Z","duration":2.5}
            """#)
        let step = StepMapping.step(instance, position: 0, failure: nil)
        #expect(step.finishedAt == date("2026-11-25T07:00:02.5Z"))
    }

    @Test func onlyTheFailedStepCarriesItsLogsError() throws {
        let failure = LogFailure.from([TaskLogEntry(event: "Task failed", errorDetail: [
            LoggedException(excType: "RuntimeError", excValue: "HTTP 401 Unauthorized", isCause: false),
        ])])
        let keyed = try decode(TaskInstancePage.self, AirflowFixtures.taskInstances).taskInstances.map(TaskKey.init)
        let all = try steps(failures: Dictionary(uniqueKeysWithValues: keyed.map { ($0, failure) }))
        #expect(all.filter { $0.error != nil }.map(\.name) == ["unauthorized"])
        let failed = try #require(all.first { $0.status == .failed })
        #expect(failed.error == StepError(code: "401", message: "RuntimeError: HTTP 401 Unauthorized"))
        #expect(failed.output == "try 1 · @task (_PythonDecoratedOperator)\nRuntimeError: HTTP 401 Unauthorized")
        let detail = RunDetail(summary: RunSummary(id: RunID("d/r"), flow: "d", status: .failed, startedAt: Date()), steps: all)
        #expect(detail.failingStep?.name == "unauthorized")
        #expect(AirflowBackend.runFailure(of: all) == RunFailure(
            kind: .authentication, code: "401", message: "RuntimeError: HTTP 401 Unauthorized", step: "unauthorized"))
    }
}
