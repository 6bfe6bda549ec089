import FlowDashCore
import FlowDashDemoAPI
import Foundation
import Testing
@testable import FlowDashEmbedded

/// A fresh folder under the system temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-engine-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    var storeFile: URL { WorkspaceLayout(root: url).storeFile }
}

/// A workspace whose connections point at a live demo API on loopback, plus the backend over it.
struct EngineFixture {
    let folder: TemporaryFolder
    let server: DemoAPIServer
    let baseURL: String
    let backend: EmbeddedBackend

    var root: URL { folder.url }

    /// A port nothing listens on: requests there are refused at once.
    static let closedPortURL = "http://127.0.0.1:1"

    static func connectionsYAML(baseURL: String) -> String {
        """
        crm:
          baseURL: \(baseURL)
          auth: bearer
          verify: /v1/me
        billing:
          baseURL: \(baseURL)
          auth: apiKey
          header: X-API-Key
          verify: /v1/billing/me
        directory:
          baseURL: \(baseURL)
          auth: basic
          username: \(DemoCredentials.directoryUser)
          verify: /v1/directory/me
        open:
          baseURL: \(baseURL)
          auth: none
          verify: /v1/health
        nowhere:
          baseURL: \(closedPortURL)
          auth: none

        """
    }

    /// Starts a demo API, writes `flows` (name → YAML) beside the test connections, opens a backend.
    static func make(flows: [String: String], launcher: RunLauncher = .inProcess) async throws -> EngineFixture {
        let folder = try TemporaryFolder()
        let server = DemoAPIServer()
        _ = try await server.start()
        let baseURL = await server.baseURL
        try write(flows: flows, connections: connectionsYAML(baseURL: baseURL), to: folder.url)
        let backend = try EmbeddedBackend(workspace: folder.url, launcher: launcher)
        return EngineFixture(folder: folder, server: server, baseURL: baseURL, backend: backend)
    }

    static func write(flows: [String: String], connections: String, to root: URL) throws {
        let flowsFolder = root.appendingPathComponent("flows", isDirectory: true)
        try FileManager.default.createDirectory(at: flowsFolder, withIntermediateDirectories: true)
        try Data(connections.utf8).write(to: root.appendingPathComponent("connections.yaml"))
        for (name, yaml) in flows {
            try Data(yaml.utf8).write(to: flowsFolder.appendingPathComponent("\(name).yaml"))
        }
    }

    /// Runs `body` with a fixture and always stops the server and removes the folder.
    static func with(
        flows: [String: String], launcher: RunLauncher = .inProcess, _ body: (EngineFixture) async throws -> Void
    ) async throws {
        let fixture = try await make(flows: flows, launcher: launcher)
        do {
            try await body(fixture)
        } catch {
            await fixture.tearDown()
            throw error
        }
        await fixture.tearDown()
    }

    func tearDown() async {
        await backend.waitForQuiescence()
        await server.stop()
        folder.remove()
    }

    /// Starts a run in process and returns it once it has finished.
    func runToEnd(_ flow: String, inputs: TriggerInputs = [:], resubmittedFrom: RunID? = nil) async throws -> RunDetail {
        let id = try await backend.startRun(flow: flow, inputs: inputs, resubmittedFrom: resubmittedFrom)
        await backend.waitForQuiescence()
        return try await backend.run(id)
    }

    /// A one-step flow named `call` requesting `path` through `connection`; `stepKeys` are more
    /// `key: value` lines of the step (e.g. `timeout: 0.2`).
    static func oneStepFlow(connection: String = "open", method: String = "GET", path: String, stepKeys: [String] = []) -> String {
        let lines = ["steps:", "  - name: call", "    connection: \(connection)", "    method: \(method)", "    path: \(path)"]
            + stepKeys.map { "    " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A pid no process can have: Linux pids stop at 2^22.
let deadPid: Int32 = (1 << 22) + 4_321
