import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// Which connection a failed task went through, for DAGs written the usual ways: the failing
/// request's address against the connections', the DAG's source, and both together.
@Suite("Airflow: the connection a failed task went through")
struct ConnectionFinderTests {
    private static func connection(_ id: String, host: String?, port: Int? = nil, schema: String? = nil,
                                   type: String = "http") -> ConnectionDTO {
        ConnectionDTO(connectionID: id, connType: type, description: nil, host: host, login: "svc", schema: schema,
                      port: port, extra: nil)
    }

    private static let connections = [
        connection("billing_api", host: "127.0.0.1", port: 28099),
        connection("crm_api", host: "localhost", port: 28097),
        connection("ledger", host: "http://127.0.0.1:28096/ledger"),
        connection("ledger_admin", host: "http://127.0.0.1:28096/ledger/admin"),
        connection("warehouse_eu", host: "127.0.0.1", port: 28095),
        connection("warehouse_us", host: "127.0.0.1", port: 28095),
        connection("public_api", host: "api.example.com", schema: "https"),
        connection("sales_db", host: "db.internal", port: 5432, type: "postgres"),
        connection("no_host", host: nil),
    ]

    /// A resolver that knows one name, so no test depends on the machine's DNS.
    private static func resolve(_ host: String) -> Set<String> {
        switch host {
        case "localhost": ["127.0.0.1", "::1"]
        case "api.example.com": ["93.184.215.14"]
        default: HostAddresses.isAddress(host) ? [host] : []
        }
    }

    private let finder = ConnectionFinder(connections: connections, resolve: resolve)

    private func task(_ id: String, fields: [String: JSONValue]? = nil) throws -> TaskInstanceDTO {
        var object: [String: JSONValue] = ["task_id": .string(id), "operator_name": .string("@task"), "state": .string("failed")]
        if let fields { object["rendered_fields"] = .object(fields) }
        return try JSONDecoder().decode(TaskInstanceDTO.self, from: JSONEncoder().encode(JSONValue.object(object)))
    }

    private func log(_ exception: String, lines: [String] = []) -> LogFailure {
        LogFailure.from(lines.map { TaskLogEntry(event: $0) } + [TaskLogEntry(event: "Task failed with exception", errorDetail: [
            LoggedException(excType: "requests.exceptions.HTTPError", excValue: exception, isCause: false),
        ])])
    }

    private func names(_ leads: [ConnectionLead]) -> [String] { leads.map(\.name) }

    @Test func theFailingRequestsAddressNamesTheConnectionOnThatHostAndPort() throws {
        let leads = finder.leads(of: try task("fetch"), log: log("401 Client Error: Unauthorized for url: http://127.0.0.1:28099/v1/customers/c-1"), source: nil)
        #expect(leads == [ConnectionLead(name: "billing_api", evidence: .hostMatch)])
    }

    @Test func aHostNameMatchesItsAddressAndAnAddressItsName() throws {
        let byAddress = finder.leads(of: try task("t"), log: log("401 Client Error: for url: http://127.0.0.1:28097/people"), source: nil)
        #expect(names(byAddress) == ["crm_api"], "the connection says localhost, the error 127.0.0.1")
        let byName = finder.leads(of: try task("t"), log: log("403 Client Error: for url: https://93.184.215.14/v2/x"), source: nil)
        #expect(names(byName) == ["public_api"], "https without a port is 443 on both sides")
    }

    @Test func defaultPortsCountAndADifferentPortDoesNotMatch() throws {
        #expect(finder.hostMatches(of: ["https://api.example.com:443/x"]) == ["public_api"])
        #expect(finder.hostMatches(of: ["http://api.example.com/x"]).isEmpty, "port 80 is not 443")
        #expect(finder.hostMatches(of: ["http://127.0.0.1:9/x"]).isEmpty)
    }

    @Test func aPathPrefixPicksTheMostSpecificConnection() {
        #expect(finder.hostMatches(of: ["http://127.0.0.1:28096/ledger/admin/close"]) == ["ledger_admin"])
        #expect(finder.hostMatches(of: ["http://127.0.0.1:28096/ledger/entries"]) == ["ledger"])
        #expect(finder.hostMatches(of: ["http://127.0.0.1:28096/other"]).isEmpty, "a prefix the path does not start with")
    }

    @Test func aLoggedRequestLineIsUsedWhenTheExceptionNamesNoAddress() throws {
        // HttpOperator: `AirflowException: 401:Unauthorized`, and the hook logged where it sent the request.
        let failure = LogFailure.from([
            TaskLogEntry(event: "Calling HTTP method"),
            TaskLogEntry(event: "Sending 'GET' to url: http://localhost:28097/v1/accounts/7"),
            TaskLogEntry(event: "Task failed with exception", errorDetail: [
                LoggedException(excType: "airflow.exceptions.AirflowException", excValue: "401:Unauthorized", isCause: false),
            ]),
        ])
        #expect(failure.error.code == "401")
        #expect(finder.leads(of: try task("get_account"), log: failure, source: nil)
            == [ConnectionLead(name: "crm_api", evidence: .hostMatch)])
    }

    @Test func twoConnectionsOnOneServerAreBothOfferedWhenNothingTellsThemApart() throws {
        let source = #"""
            @task
            def export_orders(region):
                conn = BaseHook.get_connection(f"warehouse_{region}")
            """#
        let leads = finder.leads(of: try task("export_orders"), log: log("401 Client Error: for url: http://127.0.0.1:28095/orders"), source: source)
        #expect(names(leads) == ["warehouse_eu", "warehouse_us"])
        #expect(leads.soleConnection == nil)
    }

    @Test func theSourceTellsWhichOfTheConnectionsOnTheServerTheDAGOpens() throws {
        let source = #"""
            WAREHOUSE_CONN = "warehouse_us"

            @task
            def export_orders():
                conn = BaseHook.get_connection(WAREHOUSE_CONN)
            """#
        let leads = finder.leads(of: try task("export_orders"), log: log("401 Client Error: for url: http://127.0.0.1:28095/orders"), source: source)
        #expect(leads == [ConnectionLead(name: "warehouse_us", evidence: .definitionSource)])
    }

    @Test func withoutAnAddressTheSourceNamesTheConnectionNearestTheTask() throws {
        // urllib's `HTTP Error 401: Unauthorized` names no URL.
        let source = #"""
            from airflow.providers.http.hooks.http import HttpHook

            @task
            def load_customers():
                return HttpHook(http_conn_id="billing_api", method="GET").run("/v1/customers").json()

            @task
            def push_invoices(customers):
                hook = HttpHook(http_conn_id='ledger', method="POST")
                hook.run("/ledger/entries", json=customers)
            """#
        let leads = finder.leads(of: try task("push_invoices"), log: log("HTTP Error 401: Unauthorized"), source: source)
        #expect(leads.first == ConnectionLead(name: "ledger", evidence: .definitionSource))
        #expect(names(leads) == ["ledger", "billing_api"], "both are offered, the nearest first")
    }

    @Test func aConnectionTheServerCannotListIsNamedAsSuchNeverInvented() throws {
        let source = #"""
            @task
            def sync_partner():
                conn = BaseHook.get_connection("partner_api")
                requests.get(f"http://{conn.host}:{conn.port}/sync", auth=(conn.login, conn.password)).raise_for_status()
            """#
        let leads = finder.leads(of: try task("sync_partner"), log: log("401 Client Error: for url: http://127.0.0.1:28099/sync"), source: source)
        #expect(leads == [ConnectionLead(name: "partner_api", evidence: .definitionSource, isListed: false)])
    }

    @Test func opKwargsAndModuleConstantsAndHelperDefaultsAreRead() {
        let source = #"""
            CRM = 'crm_api'
            def crm_session(conn_id="ledger"):
                pass
            fetch = PythonOperator(task_id="fetch", python_callable=fetch_accounts, op_kwargs={"conn_id": "billing_api"})
            other = BaseHook.get_connection(CRM)
            """#
        let scan = DAGSourceScan(source: source, knownConnections: [])
        #expect(Set(scan.names(nearTask: "fetch")) == ["crm_api", "ledger", "billing_api"])
        #expect(scan.names(nearTask: "fetch").first == "billing_api")
    }

    @Test func nothingFoundIsNothingNotAGuess() throws {
        let leads = finder.leads(of: try task("t"), log: log("HTTP Error 401: Unauthorized"), source: "print('hello')")
        #expect(leads.isEmpty)
        #expect(ConnectionFinder(connections: nil).leads(
            of: try task("t"), log: log("401 Client Error: for url: http://127.0.0.1:28099/x"), source: nil).isEmpty,
            "a viewer cannot read the connections: no address can be matched")
        #expect(finder.hostMatches(of: ["http://10.1.2.3:28099/x"]).isEmpty, "a host no connection has")
    }

    @Test func aHugeSourceIsReadOnlyUpToItsLimit() throws {
        let padding = String(repeating: "# generated\n", count: DAGSourceScan.scannedCharacters / 12 + 1)
        let scan = DAGSourceScan(source: padding + "x = BaseHook.get_connection('late')", knownConnections: [])
        #expect(scan.names(nearTask: "t").isEmpty)
    }

    @Test func urlsAreReadOutOfTheirSentence() {
        #expect(LogFailure.urls(in: "GET http://127.0.0.1:28099/v1/x failed: HTTP 401.")
            == ["http://127.0.0.1:28099/v1/x"])
        #expect(LogFailure.urls(in: "for url: https://h.example/a?b=1, then (http://[::1]:80/p)")
            == ["https://h.example/a?b=1", "http://[::1]:80/p"])
    }
}
