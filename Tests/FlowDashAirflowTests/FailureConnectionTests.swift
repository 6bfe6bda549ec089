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

    @Test func theTasksFieldsAndItsLogNameTheConnectionButNeverItsOperator() throws {
        let tasks = try instances()
        let unauthorized = try #require(tasks["unauthorized"])
        let finder = ConnectionFinder(connections: nil)
        #expect(Self.logNamingConnection.connection == "crm_api")
        #expect(finder.leads(of: unauthorized, log: Self.logNamingConnection, source: nil)
            == [ConnectionLead(name: "crm_api", evidence: .taskLog)])
        #expect(finder.leads(of: unauthorized, log: nil, source: nil).isEmpty, "@task is no connection")
        let shown = StepMapping.step(unauthorized, position: 0, failure: nil)
        #expect(shown.connection == nil && shown.connectionLeads.isEmpty && !shown.connectionIsRecorded)
        #expect(finder.leads(of: try #require(tasks["succeed"]), log: nil, source: nil).map(\.name) == ["billing_api"])
        #expect(finder.leads(of: try #require(tasks["query_sales"]), log: nil, source: nil)
            == [ConnectionLead(name: "sales_db", evidence: .operatorField)])
    }

    @Test func aRunsFailureCarriesItsFailedStepsSoleConnection() throws {
        let page = try decode(TaskInstancePage.self, AirflowFixtures.taskInstances)
        let keyed = page.taskInstances.map(TaskKey.init)
        let leads = [ConnectionLead(name: "crm_api", evidence: .hostMatch)]
        let steps = StepMapping.steps(of: page.taskInstances,
                                      failures: Dictionary(uniqueKeysWithValues: keyed.map { ($0, Self.logNamingConnection) }),
                                      leads: Dictionary(uniqueKeysWithValues: keyed.map { ($0, leads) }))
        let failure = try #require(AirflowBackend.runFailure(of: steps))
        #expect(failure.step == "unauthorized")
        #expect(FailureCause(of: failure).id == "connection:crm_api:authentication")

        let ambiguous = StepMapping.steps(of: page.taskInstances, failures: [:], leads: Dictionary(uniqueKeysWithValues: keyed.map {
            ($0, leads + [ConnectionLead(name: "crm_eu", evidence: .hostMatch)])
        }))
        #expect(ambiguous.allSatisfy { $0.connection == nil }, "two candidates name no connection")
    }

    /// Failures cached before connections were inferred from hosts and sources lack them: the
    /// older format reads as empty, so they are looked up again once.
    @Test func aCacheFileOfAnOlderFormatReadsAsEmpty() async throws {
        try await FailureCacheFileTests.withDirectory { directory in
            let file = FailureCacheFile(server: TestServer.baseURL, directory: directory)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let old = #"""
                {"format":1,"entries":[{"run":"d\/r1","endDate":785000000,
                 "failure":{"kind":"authentication","code":"401","message":"RuntimeError: HTTP 401","step":"call"}}]}
                """#
            try Data(old.utf8).write(to: file.url)
            #expect(file.read().isEmpty)

            let cache = RunFailureCache(file: file)
            let withConnection = RunFailure(kind: .authentication, code: "401", message: "m", step: "call", connection: "crm_api")
            await cache.remember(withConnection, of: RunID("d/r2"), endedAt: nil)
            try await cache.save()
            #expect(await RunFailureCache(file: file).failure(of: RunID("d/r2"), endedAt: nil) == .some(withConnection))
        }
    }
}
