import Foundation
import Testing

/// Choosing the backend from the command line, as a user runs the binary: the errors a wrong
/// choice gives, and that no secret from the environment or the config file is ever printed.
@Suite(.timeLimit(.minutes(2)))
struct BackendCLITests {
    static let environmentPassword = "env-password-7f3a9c"
    static let profileToken = "profile-token-b81e44"

    /// A loopback port nothing listens on: bound, then released.
    private func closedPort() throws -> UInt16 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure("no socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(socket, socketAddress, length) == 0 && getsockname(socket, socketAddress, &length) == 0
            }
        }
        guard bound else { throw Failure("cannot bind a loopback port") }
        return UInt16(bigEndian: address.sin_port)
    }

    private func writeConfig(_ sandbox: CLISandbox, _ text: String, mode: Int = 0o600) throws -> URL {
        let folder = sandbox.root.appendingPathComponent("config/flowdash")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("config.yaml")
        try Data(text.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        return file
    }

    private func expectOneErrorLine(_ result: CLISandbox.Result, containing expected: String,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status != 0, sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("Warning:") }
        #expect(lines.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("Error: "), sourceLocation: sourceLocation)
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func aConfigFileWithASecretOthersCanReadIsRefused() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let file = try writeConfig(sandbox, """
            profile: ci
            profiles:
              ci:
                url: http://127.0.0.1:9
                token: \(Self.profileToken)
            """, mode: 0o644)
        let result = try sandbox.run(["activity"], workspaceFlag: false)
        expectOneErrorLine(result, containing: "chmod 600 \(file.path)")
        #expect(!result.stderr.contains(Self.profileToken) && !result.stdout.contains(Self.profileToken))
    }

    @Test func missingCredentialsWithoutATerminalNameTheVariables() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["activity", "--url", "http://127.0.0.1:\(try closedPort())"], workspaceFlag: false)
        expectOneErrorLine(result, containing: "FLOWDASH_AIRFLOW_USER")
        #expect(result.stderr.contains("FLOWDASH_AIRFLOW_PASSWORD") && result.stderr.contains("FLOWDASH_AIRFLOW_TOKEN"))
    }

    @Test func anUnknownProfileListsTheKnownOnes() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        _ = try writeConfig(sandbox, "profiles:\n  prod:\n    url: https://airflow.example.com\n  local:\n    workspace: /srv\n")
        let result = try sandbox.run(["connections", "--profile", "staging"], workspaceFlag: false)
        expectOneErrorLine(result, containing: "no profile named 'staging'; known profiles: local, prod")
    }

    @Test func aServerThatIsNotThereIsOneClearLineNotAHang() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let port = try closedPort()
        let environment = ["FLOWDASH_AIRFLOW_USER": "admin", "FLOWDASH_AIRFLOW_PASSWORD": Self.environmentPassword]
        for command in [["activity", "--failed"], ["connections", "--json"], ["run", "show", "dag/run"], ["flows", "broken"]] {
            let result = try sandbox.run(command + ["--backend", "airflow", "--url", "http://127.0.0.1:\(port)"],
                                         extraEnvironment: environment, workspaceFlag: false)
            expectOneErrorLine(result, containing: "cannot reach")
            #expect(result.stderr.contains("127.0.0.1:\(port)"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func noSecretFromTheEnvironmentOrTheConfigFileIsPrintedOrLogged() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let port = try closedPort()
        _ = try writeConfig(sandbox, """
            profile: ci
            profiles:
              ci:
                url: http://127.0.0.1:\(port)
                token: \(Self.profileToken)
            """)
        var outputs: [String] = []
        let fromProfile = try sandbox.run(["activity", "--json"], extraEnvironment: ["FLOWDASH_LOG_LEVEL": "trace"],
                                          workspaceFlag: false)
        #expect(fromProfile.stderr.contains("cannot reach"))
        outputs += [fromProfile.stdout, fromProfile.stderr]
        let environment = ["FLOWDASH_AIRFLOW_URL": "http://127.0.0.1:\(port)", "FLOWDASH_AIRFLOW_USER": "admin",
                           "FLOWDASH_AIRFLOW_PASSWORD": Self.environmentPassword, "FLOWDASH_LOG_LEVEL": "trace"]
        for command in [["activity"], ["connections", "--json"], ["run", "rerun-failed", "d/r", "--dry-run"]] {
            let result = try sandbox.run(command, extraEnvironment: environment, workspaceFlag: false)
            #expect(result.status != 0)
            outputs += [result.stdout, result.stderr]
        }
        let log = (try? String(contentsOf: sandbox.logFile, encoding: .utf8)) ?? ""
        #expect(log.contains("airflow unreachable"), "the log should record the attempts")
        for text in outputs + [log] {
            #expect(!text.contains(Self.environmentPassword) && !text.contains(Self.profileToken))
        }
    }

    @Test func theDemoAndTheWorkerRefuseAirflow() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let demo = try sandbox.run(["demo", "--headless", "--backend", "airflow"], workspaceFlag: false)
        #expect(demo.status != 0)
        #expect(demo.stderr.contains("embedded engine only"))
        #expect(demo.stderr.contains("script/airflow up"))
        let worker = try sandbox.run(["_execute", "1", "--url", "http://127.0.0.1:9"], workspaceFlag: false)
        #expect(worker.status != 0)
        #expect(worker.stderr.contains("embedded engine only"))
    }

    @Test func rerunningFailedStepsOnTheEmbeddedEngineSaysToResubmit() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(at: sandbox.workspace.appendingPathComponent("flows"), withIntermediateDirectories: true)
        try Data("api:\n  baseURL: http://127.0.0.1:9\n".utf8).write(to: sandbox.workspace.appendingPathComponent("connections.yaml"))
        let result = try sandbox.run(["run", "rerun-failed", "1", "--dry-run"])
        expectOneErrorLine(result, containing: "the embedded backend cannot rerun only the failed steps; resubmit the run instead")
    }

    @Test func brokenFlowFilesAreListedApartAndAboveTheRuns() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let flows = sandbox.workspace.appendingPathComponent("flows")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        try Data("api:\n  baseURL: http://127.0.0.1:9\n".utf8).write(to: sandbox.workspace.appendingPathComponent("connections.yaml"))
        try Data("steps:\n  - name: [unclosed\n".utf8).write(to: flows.appendingPathComponent("broken.yaml"))

        let broken = try sandbox.json(["flows", "broken"]) as? [[String: Any]] ?? []
        #expect(broken.count == 1)
        #expect((broken.first?["file"] as? String)?.hasSuffix("broken.yaml") == true)
        #expect(broken.first?["kind"] as? String == "configuration")
        #expect(broken.first?["code"] as? String == "invalid_definition")
        #expect(broken.first?["flow"] as? String == "broken")

        let activity = try sandbox.run(["activity"])
        #expect(activity.status == 0, "\(activity.stderr)")
        #expect(activity.stdout.hasPrefix("Definition files that do not load (1)"))
        #expect(activity.stdout.contains("broken.yaml"))
        #expect(activity.stdout.hasSuffix("No runs.\n"))
        let json = try sandbox.json(["activity"]) as? [Any]
        #expect(json?.isEmpty == true, "activity --json stays an array of runs")
    }
}
