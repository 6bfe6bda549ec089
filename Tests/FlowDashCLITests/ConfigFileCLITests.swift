import Foundation
import Testing

struct ConfigFileCLITests {
    @Test func theConfigFileNamesTheWorkspaceWhenNothingElseDoes() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let flows = sandbox.workspace.appendingPathComponent("flows")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        try Data("api:\n  baseURL: http://127.0.0.1:9\n".utf8).write(to: sandbox.workspace.appendingPathComponent("connections.yaml"))
        try Data("steps:\n  - name: ping\n    connection: api\n    path: /ping\n".utf8).write(to: flows.appendingPathComponent("hello.yaml"))
        let config = sandbox.root.appendingPathComponent("config/flowdash")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try Data("workspace: \(sandbox.workspace.path)\n".utf8).write(to: config.appendingPathComponent("config.yaml"))

        let listed = try sandbox.run(["flows", "--json"], workspaceFlag: false)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("\"hello\""))
    }

    @Test func aMistypedWorkspaceIsAnErrorNotANewFolder() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["activity"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no workspace at \(sandbox.workspace.path)"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.workspace.path))
    }
}
