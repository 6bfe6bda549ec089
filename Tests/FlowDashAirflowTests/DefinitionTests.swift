import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

@Suite("Airflow backend: DAG files")
struct DefinitionTests {
    static let dag = #"{"dag_id":"flowdash_broken","fileloc":"/srv/airflow/dags/flowdash_broken.py","relative_fileloc":"flowdash_broken.py","bundle_name":"dags-folder","is_stale":true,"has_import_errors":true}"#

    static func transport() -> ScriptedTransport {
        ScriptedTransport(routes: [
            "GET /api/v2/dags/flowdash_broken": dag,
            "GET /api/v2/dagSources/flowdash_broken": #"{"content":"from airflow.sdk import dag\n","dag_id":"flowdash_broken","version_number":2}"#,
            "GET /api/v2/importErrors": AirflowFixtures.importErrors,
        ])
    }

    @Test func aDAGFileOnThisMachineIsEditableInPlace() async throws {
        let backend = TestServer.backend(Self.transport(), fileExists: { $0 == "/srv/airflow/dags/flowdash_broken.py" })
        #expect(try await backend.definition(of: "flowdash_broken")
            == DefinitionSource(flow: "flowdash_broken", path: "/srv/airflow/dags/flowdash_broken.py"))
    }

    @Test func aDAGFileElsewhereIsShownReadOnlyWithTheReason() async throws {
        let source = try await TestServer.backend(Self.transport()).definition(of: "flowdash_broken")
        #expect(source.path == nil)
        #expect(source.readOnlyText == "from airflow.sdk import dag\n")
        #expect(source.readOnlyReason?.contains("/srv/airflow/dags/flowdash_broken.py") == true)
    }

    @Test func validationListsTheImportErrorsOfThatFileOnly() async throws {
        let transport = Self.transport()
        let problems = try await TestServer.backend(transport).validateDefinition(of: "flowdash_broken")
        #expect(problems == [DefinitionProblem(file: "/srv/airflow/dags/flowdash_broken.py", line: 4,
                                               message: "ModuleNotFoundError: No module named 'flowdash_missing_helper'")])
        #expect(await transport.requests(to: "GET /api/v2/importErrors").first?.query["filename"] == ["flowdash_broken.py"])
        await #expect(throws: BackendError.flowNotFound("other")) {
            try await TestServer.backend(transport).validateDefinition(of: "other")
        }
    }

    @Test func importFailuresAreListedNewestFirst() async throws {
        let transport = Self.transport()
        let failures = try await TestServer.backend(transport).importFailures(limit: 10)
        #expect(failures.map(\.file) == ["flowdash_broken.py", "flowdash_syntax.py"])
        #expect(failures.allSatisfy { $0.failure.kind == .configuration })
        let request = await transport.requests(to: "GET /api/v2/importErrors").first
        #expect(request?.query["order_by"] == ["-timestamp"] && request?.query["limit"] == ["10"])
    }
}
