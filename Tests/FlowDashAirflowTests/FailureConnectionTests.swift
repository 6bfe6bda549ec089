import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// A failed run's failure names the connection its failed task went through, so the inbox can
/// group an expired token across DAGs; never the operator, which is no server.
@Suite("Airflow failures name their connection")
struct FailureConnectionTests {
    private func instances() throws -> [String: TaskInstanceDTO] {
        let page = try decode(TaskInstancePage.self, AirflowFixtures.taskInstances)
        return Dictionary(uniqueKeysWithValues: page.taskInstances.map { ($0.taskID, $0) })
    }

    private static let logNamingConnection = LogFailure.from([
        TaskLogEntry(event: "Connection Retrieved 'crm_api'"),
        TaskLogEntry(event: "Task failed", errorDetail: [
            LoggedException(excType: "RuntimeError", excValue: "HTTP 401 Unauthorized", isCause: false),
        ]),
    ])

    @Test func theLogsConnectionWinsThenTheTasksFieldsButNeverItsOperator() throws {
        let tasks = try instances()
        let unauthorized = try #require(tasks["unauthorized"])
        #expect(Self.logNamingConnection.connection == "crm_api")
        #expect(StepMapping.failureConnection(of: unauthorized, log: Self.logNamingConnection) == "crm_api")
        #expect(StepMapping.failureConnection(of: unauthorized, log: nil) == nil, "its step shows @task, its failure no connection")
        #expect(StepMapping.connection(of: unauthorized) == "@task")
        #expect(StepMapping.failureConnection(of: try #require(tasks["succeed"]), log: nil) == "billing_api")
        #expect(StepMapping.failureConnection(of: try #require(tasks["query_sales"]), log: nil) == "sales_db")
    }

    @Test func aRunsFailureCarriesTheConnectionItIsGiven() throws {
        let page = try decode(TaskInstancePage.self, AirflowFixtures.taskInstances)
        let keyed = page.taskInstances.map(TaskKey.init)
        let steps = StepMapping.steps(of: page.taskInstances,
                                      failures: Dictionary(uniqueKeysWithValues: keyed.map { ($0, Self.logNamingConnection) }))
        let failure = try #require(AirflowBackend.runFailure(of: steps, connection: "crm_api"))
        #expect(failure.step == "unauthorized")
        #expect(FailureCause(of: failure).id == "connection:crm_api:authentication")
    }

    @Test func aCacheFileWrittenBeforeConnectionsStillLoads() async throws {
        try await FailureCacheFileTests.withDirectory { directory in
            let file = FailureCacheFile(server: TestServer.baseURL, directory: directory)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let old = #"""
                {"format":1,"entries":[{"run":"d\/r1","endDate":785000000,
                 "failure":{"kind":"authentication","code":"401","message":"RuntimeError: HTTP 401","step":"call"}}]}
                """#
            try Data(old.utf8).write(to: file.url)
            let records = file.read()
            #expect(records.map(\.run) == ["d/r1"])
            #expect(records.first?.failure == RunFailure(kind: .authentication, code: "401", message: "RuntimeError: HTTP 401", step: "call"))

            let cache = RunFailureCache(file: file)
            let withConnection = RunFailure(kind: .authentication, code: "401", message: "m", step: "call", connection: "crm_api")
            await cache.remember(withConnection, of: RunID("d/r2"), endedAt: nil)
            try await cache.save()
            #expect(await RunFailureCache(file: file).failure(of: RunID("d/r2"), endedAt: nil) == .some(withConnection))
        }
    }
}
