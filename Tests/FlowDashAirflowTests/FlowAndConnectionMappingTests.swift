import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

@Suite("DAGs as flows, connections as connections")
struct FlowAndConnectionMappingTests {
    @Test func aDAGBecomesAFlowWithOwnersTasksAndParamDefaults() throws {
        let dag = try decode(DAGPage.self, AirflowFixtures.dags).dags[0]
        let details = try decode(DAGDetailsDTO.self, AirflowFixtures.dagDetails)
        let tasks = try decode(DAGTasksDTO.self, AirflowFixtures.dagTasks)
        let flow = FlowMapping.summary(of: dag, details: details, taskCount: tasks.count)
        #expect(flow == FlowSummary(
            name: "flowdash_failures", description: "Calls the loopback server in each failing way", owner: "ops, data",
            stepCount: 3, inputs: ["customer": "c-1001", "count": "3", "dry_run": "false", "region": ""]))
    }

    @Test func aDAGWithoutDescriptionOwnersOrParamsHasNone() throws {
        let dag = try decode(DAGPage.self, AirflowFixtures.dags).dags[1]
        let flow = FlowMapping.summary(of: dag, details: nil, taskCount: 0)
        #expect(flow.description == nil)
        #expect(flow.owner == nil)
        #expect(flow.inputs == [:])
    }

    /// Seen on Airflow 3.3.2: `@dag(doc_md=__doc__)` without `description` gives
    /// `"description": null` and the docstring in the details' `doc_md`.
    @Test func aDAGWithOnlyDocMDIsDescribedByItsFirstLine() throws {
        let dag = try decode(DAGPage.self, AirflowFixtures.dags).dags[1]
        let details = DAGDetailsDTO(dagID: dag.dagID, params: [:],
                                    docMD: "\n# Succeeds: load the customer, notify.\n\nconf: {\"customer\": \"c-1000\"}")
        let flow = FlowMapping.summary(of: dag, details: details, taskCount: 3)
        #expect(flow.description == "Succeeds: load the customer, notify.")
        #expect(FlowMapping.firstLine(of: " \n\n") == nil)
    }

    @Test func bareParamValuesAreTheirOwnDefaults() {
        let inputs = FlowMapping.inputs(fromParams: ["limit": .integer(10), "mode": .string("fast")])
        #expect(inputs == ["limit": "10", "mode": "fast"])
    }

    @Test func connectionsShowTypeAndTargetButNeverCredentials() throws {
        let page = try decode(ConnectionPage.self, AirflowFixtures.connections)
        let infos = page.connections.map { ConnectionMapping.info(of: $0, record: nil) }
        #expect(infos.map(\.name) == ["flowdash_http", "sales_db", "slack"])
        #expect(infos.map(\.auth) == ["http", "postgres", "http"])
        #expect(infos.map(\.target) == ["http://127.0.0.1:8099", "postgres://db.internal:5432/sales", "https://hooks.example.com"])
        #expect(infos.allSatisfy { $0.status == .unknown && $0.lastVerifiedAt == nil })
        #expect(!infos.map(\.target).joined().contains("svc"), "the login is not part of the target")
    }

    @Test func aKnownTestResultGivesTheStatus() throws {
        let connection = try decode(ConnectionPage.self, AirflowFixtures.connections).connections[0]
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let info = ConnectionMapping.info(of: connection, record: VerificationRecord(status: .unauthorized, at: at, lastError: "401 Unauthorized"))
        #expect(info.status == .unauthorized && info.lastVerifiedAt == at && info.lastError == "401 Unauthorized")
    }

    @Test func theTestBodyIsTheStoredConnectionWithTheNewPassword() throws {
        let page = try decode(ConnectionPage.self, AirflowFixtures.connections)
        let body = ConnectionBodies.test(of: page.connections[0], password: Secret("s3cret"))
        #expect(body == [
            "connection_id": .string("flowdash_http"), "conn_type": .string("http"), "host": .string("127.0.0.1"),
            "login": .string("svc"), "schema": .string("http"), "port": .integer(8099),
            "extra": .string(#"{"timeout": 5}"#), "password": .string("s3cret"),
        ])
        let masked = ConnectionBodies.test(of: page.connections[2], password: Secret("s3cret"))
        #expect(masked["extra"] == nil, "a masked extra would test `***` instead of the stored value")
        #expect(ConnectionBodies.passwordUpdate(of: page.connections[0], password: Secret("s3cret")).keys.sorted()
            == ["conn_type", "connection_id", "password"])
    }

    @Test(arguments: [
        (true, "Connection successfully tested", "verified", ""),
        (false, "401:Unauthorized", "rejected", "401"),
        (false, #"connection to server failed: FATAL:  password authentication failed for user "etl""#, "rejected", "test_failed"),
        (false, "HTTPConnectionPool(host='127.0.0.1', port=1): Max retries exceeded … Connection refused", "inconclusive", "connection_refused"),
        (false, "502:Bad Gateway", "inconclusive", "502"),
        (false, #"Unknown hook type "http""#, "inconclusive", "test_failed"),
        (false, "", "inconclusive", "test_failed"),
    ])
    func connectionTestResultsMapToOutcomes(status: Bool, message: String, outcome: String, code: String) {
        switch VerificationMapping.outcome(status: status, message: message) {
        case .verified: #expect(outcome == "verified")
        case .rejected(let error):
            #expect(outcome == "rejected")
            #expect(error.code == code)
        case .inconclusive(let error):
            #expect(outcome == "inconclusive")
            #expect(error.code == code)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func disabledTestingIsInconclusiveAndNamesTheSetting() {
        let outcome = VerificationMapping.forbidden(
            detail: "Testing connections is disabled in Airflow configuration. Contact your deployment admin to enable it.")
        guard case .inconclusive(let error) = outcome else {
            Issue.record("expected inconclusive, got \(outcome)")
            return
        }
        #expect(error.code == "403")
        #expect(error.message.contains("AIRFLOW__CORE__TEST_CONNECTION=Enabled"))
        #expect(!outcome.isVerified)
    }
}
