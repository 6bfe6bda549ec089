import Foundation
import Testing

/// What happens around the loop: refreshing the demo, a killed process, two writers at once.
@Suite(.timeLimit(.minutes(5)))
struct RobustnessTests {
    @Test func runningTheDemoAgainRefreshesItWithoutDuplicates() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let first = try DemoProcess(sandbox: sandbox)
        try first.waitUntilServing()
        let firstCount = try runIDs(sandbox).count
        #expect(first.stop() == 0)

        let second = try DemoProcess(sandbox: sandbox)
        try second.waitUntilServing()
        defer { _ = second.stop() }
        #expect(try runIDs(sandbox).count == firstCount)
        #expect(firstCount >= 8)
    }

    @Test func theDemoRefusesToOverwriteAFolderThatIsNotADemo() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        try FileManager.default.createDirectory(at: sandbox.workspace, withIntermediateDirectories: true)
        let precious = sandbox.workspace.appendingPathComponent("precious.txt")
        try Data("keep me".utf8).write(to: precious)
        let result = try sandbox.run(["demo", "--headless"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a demo workspace"))
        #expect(try String(contentsOf: precious, encoding: .utf8) == "keep me")
    }

    @Test func aRunWhoseProcessIsKilledBecomesInterrupted() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let demo = try DemoProcess(sandbox: sandbox)
        try demo.waitUntilServing()
        defer { _ = demo.stop() }
        let slowFlow = """
        steps:
          - name: wait-for-upstream
            connection: reports
            path: /v1/slow?ms=20000
            timeout: 60
        """
        try Data(slowFlow.utf8).write(to: sandbox.workspace.appendingPathComponent("flows/slow.yaml"))

        let runner = try sandbox.spawn(["run", "slow", "--wait"])
        let running = try waitFor { try runs(sandbox).first { $0["flow"] as? String == "slow" && $0["status"] as? String == "running" } }
        kill(runner.processIdentifier, SIGKILL)
        runner.waitUntilExit()

        let runID = try #require(running["runId"] as? String)
        let after = try runs(sandbox).first { $0["runId"] as? String == runID }
        #expect(after?["status"] as? String == "interrupted")
        let report = try #require(try sandbox.json(["run", "show", runID]) as? [String: Any])
        let steps = report["steps"] as? [[String: Any]] ?? []
        #expect(steps.first?["status"] as? String == "interrupted")
    }

    @Test func processesWritingTheSameStoreAtOnceAllSucceed() throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let demo = try DemoProcess(sandbox: sandbox)
        try demo.waitUntilServing()
        defer { _ = demo.stop() }
        let before = try runIDs(sandbox).count

        let writers = try (0..<6).map { _ in try sandbox.spawn(["run", "daily-echo", "--wait"]) }
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let after = try runs(sandbox)
        #expect(after.count == before + 6)
        #expect(after.prefix(6).allSatisfy { $0["status"] as? String == "succeeded" })
    }

    private func runs(_ sandbox: CLISandbox) throws -> [[String: Any]] {
        try sandbox.json(["activity", "--limit", "1000"]) as? [[String: Any]] ?? []
    }

    private func runIDs(_ sandbox: CLISandbox) throws -> [String] {
        try runs(sandbox).compactMap { $0["runId"] as? String }
    }

    private func waitFor<T>(timeout: TimeInterval = 20, _ probe: () throws -> T?) throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let value = try probe() { return value }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure("condition not met in \(timeout) s")
    }
}
