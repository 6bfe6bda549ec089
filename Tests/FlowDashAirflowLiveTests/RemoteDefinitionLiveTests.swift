import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// A DAG file that is not on this machine: its source as Airflow stored it, read-only.
@Suite("Airflow live: remote definition")
struct RemoteDefinitionLiveTests {
    @Test func aDAGFileNotOnThisMachineShowsAirflowsSourceReadOnly() async throws {
        let live = try LiveEnvironment.load()
        let backend = AirflowBackend(
            configuration: AirflowConfiguration(
                baseURL: live.url, credentials: .password(username: live.user, Secret(live.password))),
            transport: URLSessionTransport(), fileExists: { _ in false })
        let definition = try await backend.definition(of: "flowdash_ok")
        #expect(definition.path == nil)
        let text = try #require(definition.readOnlyText)
        #expect(text.contains("dag_id=\"flowdash_ok\""), "\(text.prefix(200))")
        #expect(definition.readOnlyReason?.contains("flowdash_ok.py") == true)
    }
}
