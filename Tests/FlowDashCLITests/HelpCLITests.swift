import Foundation
import Testing

/// `flowdash solutions` and `flowdash support-bundle` against the real demo workspace.
@Suite(.timeLimit(.minutes(5)))
final class HelpCLITests {
    let sandbox: CLISandbox
    let demo: DemoProcess
    static let configPassword = "cfg-pa55w0rd-in-config-file"

    init() throws {
        sandbox = try CLISandbox()
        // A profile with a password the bundle must leave out; the demo's workspace stays the backend.
        let config = sandbox.root.appendingPathComponent("config/flowdash")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let file = config.appendingPathComponent("config.yaml")
        try Data("""
            theme: dark
            profiles:
              prod:
                url: https://airflow.example.com
                username: ops
                password: \(Self.configPassword)
            """.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        demo = try DemoProcess(sandbox: sandbox)
        try demo.waitUntilServing()
    }

    deinit {
        _ = demo.stop()
        sandbox.remove()
    }

    private func failedRun(flow: String) throws -> String {
        let runs = try sandbox.json(["activity", "--failed"]) as? [[String: Any]] ?? []
        return try #require(runs.first { $0["flow"] as? String == flow }?["runId"] as? String)
    }

    @Test func aMissingManagerRunFindsTheDirectoryEntryWithItsFixSteps() throws {
        let runID = try failedRun(flow: "notify-manager")
        let text = try sandbox.run(["solutions", runID, "--limit", "3"])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.components(separatedBy: "\n")
        #expect(lines.first == "Solutions for run \(runID), best first:")
        #expect(lines.contains("1. Directory lookup has no manager configured (422)  [http-422-missing-manager]"))
        #expect(text.stdout.contains("flowdash resubmit \(runID)"))

        let json = try #require(try sandbox.json(["solutions", runID, "--limit", "3"]) as? [[String: Any]])
        #expect(json.count == 3)
        #expect(json.first?["id"] as? String == "http-422-missing-manager")
        #expect(json.first?["matchedCode"] as? Bool == true)
        #expect((json.first?["steps"] as? [String])?.isEmpty == false)
    }

    @Test func anAuthenticationRunsStepsNameItsConnectionAndRun() throws {
        let runID = try failedRun(flow: "sync-customers")
        let text = try sandbox.run(["solutions", runID, "--limit", "2"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("flowdash connections verify crm"), "\(text.stdout)")
        #expect(!text.stdout.contains("CONNECTION"), "a placeholder was left: \(text.stdout)")
        #expect(!text.stdout.contains(" RUN"), "a placeholder was left: \(text.stdout)")
    }

    @Test func aDescribedProblemIsRankedWithoutARun() throws {
        let json = try #require(try sandbox.json(
            ["solutions", "--describe", "requests are throttled, quota exceeded", "--type", "transient"]) as? [[String: Any]])
        #expect(json.first?["id"] as? String == "http-429-rate-limited")
        let byCode = try #require(try sandbox.json(["solutions", "--describe", "token expired", "--code", "401"]) as? [[String: Any]])
        #expect(byCode.first?["id"] as? String == "http-401-expired-token")
    }

    @Test func aRunThatSucceededHasNothingToLookUp() throws {
        let runs = try sandbox.json(["activity"]) as? [[String: Any]] ?? []
        let succeeded = try #require(runs.first { $0["status"] as? String == "succeeded" }?["runId"] as? String)
        let result = try sandbox.run(["solutions", succeeded])
        #expect(result.status == 1)
        #expect(result.stderr.contains("run \(succeeded) did not fail"))
    }

    @Test func aRunAndADescriptionTogetherAreRefused() throws {
        let result = try sandbox.run(["solutions", "1", "--describe", "x"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("not both"))
    }

    @Test func theSupportBundleIsWrittenOnceAndHoldsNoConfigSecret() throws {
        let runID = try failedRun(flow: "sync-customers")
        let archive = sandbox.root.appendingPathComponent("bundle.tar.gz")
        let first = try sandbox.run(["support-bundle", runID, "-o", archive.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Wrote the support bundle of run \(runID)"))

        let again = try sandbox.run(["support-bundle", runID, "-o", archive.path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("--force"))
        let forced = try sandbox.run(["support-bundle", runID, "-o", archive.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")

        let out = sandbox.root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzf", archive.path, "-C", out.path]
        try tar.run()
        tar.waitUntilExit()
        let folder = out.appendingPathComponent("flowdash-support")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["README.txt", "diagnosis.json", "environment.json", "run.json", "steps.json"])
        let contents = try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
        #expect(!contents.contains(Self.configPassword))

        let environment = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("environment.json"))) as? [String: Any])
        #expect(environment["backend"] as? String == "embedded")
        #expect(environment["flowdashVersion"] as? String == "0.1.0")
        let configuration = try #require(environment["configuration"] as? [String: String])
        #expect(configuration["profiles.prod.password"] == "[redacted]")
        #expect(configuration["profiles.prod.username"] == "ops")
        let run = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("run.json"))) as? [String: Any])
        #expect(run["runId"] as? String == runID)
        #expect(run["status"] as? String == "failed")
    }
}
