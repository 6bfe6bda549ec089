import FlowDashAirflow
import FlowDashCore
import Foundation
import Testing

/// Flows, connections, definitions and import errors against the real Airflow.
@Suite("Airflow live: flows, connections, definitions")
struct FlowsAndDefinitionsLiveTests {
    static let dags = ["flowdash_bad_gateway", "flowdash_bad_request", "flowdash_no_manager",
                       "flowdash_not_found", "flowdash_ok", "flowdash_unauthorized"]
    /// Deleted and re-parsed by DeletedDAGLiveTests meanwhile, so present or not.
    static let throwaway = "flowdash_throwaway"

    @Test func flowsListsTheSixDAGsWithTheirTasks() async throws {
        let live = try LiveEnvironment.load()
        let flows = try await live.backend().flows().filter { $0.name != Self.throwaway }
        #expect(flows.map(\.name).filter { $0.hasPrefix("flowdash_") } == Self.dags)
        for flow in flows where flow.name.hasPrefix("flowdash_") {
            #expect(flow.stepCount == 3, "\(flow.name)")
            #expect(flow.description?.isEmpty == false, "\(flow.name): doc_md should describe it")
        }
        let ok = try #require(flows.first { $0.name == "flowdash_ok" })
        #expect(ok.description == "Succeeds: load the customer, create an invoice, notify.")
    }

    @Test func connectionsListsBothHTTPConnections() async throws {
        let live = try LiveEnvironment.load()
        let connections = try await live.backend().connections()
        let names = connections.map(\.name)
        #expect(names.contains("flowdash_api"))
        #expect(names.contains("flowdash_billing_api"))
        let api = try #require(connections.first { $0.name == "flowdash_api" })
        #expect(api.target.contains("127.0.0.1"), "\(api)")
        #expect(api.auth == "http", "\(api)") // the connection type, as ConnectionMapping documents
        for connection in connections {
            #expect(!"\(connection)".contains(live.connectionPassword))
        }
    }

    @Test func importFailuresIncludeTheBrokenFile() async throws {
        let live = try LiveEnvironment.load()
        let failures = try await live.backend().importFailures()
        let broken = try #require(failures.first { $0.file.hasSuffix("flowdash_broken.py") }, "\(failures.map(\.file))")
        #expect(broken.problem.message.contains("ModuleNotFoundError"), "\(broken.problem)")
        #expect(broken.problem.message.contains("flowdash_module_that_does_not_exist"))
        #expect(broken.problem.line != nil)
        #expect(broken.failure.kind == .configuration)
    }

    @Test func definitionOfALocalDAGGivesItsPath() async throws {
        let live = try LiveEnvironment.load()
        let definition = try await live.backend().definition(of: "flowdash_ok")
        let path = try #require(definition.path, "\(definition)")
        #expect(path.hasSuffix("Tests/Airflow/dags/flowdash_ok.py"))
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(definition.readOnlyText == nil)
    }

    @Test func validDAGHasNoDefinitionProblems() async throws {
        let live = try LiveEnvironment.load()
        #expect(try await live.backend().validateDefinition(of: "flowdash_ok").isEmpty)
    }

    @Test func unknownFlowIsFlowNotFound() async throws {
        let live = try LiveEnvironment.load()
        await #expect(throws: BackendError.flowNotFound("flowdash_nope")) {
            try await live.backend().definition(of: "flowdash_nope")
        }
    }
}
