import Foundation
import Testing

/// The operator's whole loop through the CLI, as subprocesses, against the real demo API.
@Suite(.timeLimit(.minutes(5)))
final class TroubleshootingLoopTests {
    let sandbox: CLISandbox
    let demo: DemoProcess

    init() throws {
        sandbox = try CLISandbox()
        demo = try DemoProcess(sandbox: sandbox)
        try demo.waitUntilServing()
    }

    deinit {
        _ = demo.stop()
        sandbox.remove()
    }

    private func failedRuns() throws -> [[String: Any]] {
        try sandbox.json(["activity", "--failed"]) as? [[String: Any]] ?? []
    }

    private func failedRun(kind: String, flow: String) throws -> String {
        let run = try failedRuns().first {
            ($0["failure"] as? [String: Any])?["kind"] as? String == kind && $0["flow"] as? String == flow
        }
        return try #require(run?["runId"] as? String)
    }

    private func connectionStatus(_ name: String) throws -> String? {
        let connections = try sandbox.json(["connections"]) as? [[String: Any]] ?? []
        return connections.first { $0["name"] as? String == name }?["status"] as? String
    }

    @Test func theDemoHoldsOneFailureOfEachKind() throws {
        #expect(demo.value(after: "Demo API: ")?.hasPrefix("http://127.0.0.1:") == true)
        let kinds = try failedRuns().compactMap { ($0["failure"] as? [String: Any])?["kind"] as? String }
        #expect(Set(kinds) == ["authentication", "configuration", "transient", "other"])
        #expect(kinds.filter { $0 == "configuration" }.count == 2)
        let all = try sandbox.json(["activity"]) as? [[String: Any]] ?? []
        #expect(all.contains { $0["status"] as? String == "succeeded" })
    }

    @Test func authenticationFailureIsFixedByVerifyingThenResubmitting() throws {
        let runID = try failedRun(kind: "authentication", flow: "sync-customers")
        let report = try #require(try sandbox.json(["run", "show", runID]) as? [String: Any])
        let steps = try #require(report["steps"] as? [[String: Any]])
        let failing = try #require(steps.first { $0["failing"] as? Bool == true })
        #expect(failing["name"] as? String == "fetch-customer")
        #expect(failing["connection"] as? String == "crm")
        #expect((failing["error"] as? [String: Any])?["code"] as? String == "401")
        #expect(steps.filter { $0["failing"] as? Bool == true }.count == 1)
        #expect((report["diagnosis"] as? [String: Any])?["kind"] as? String == "authentication")

        let wrong = try sandbox.run(["connections", "verify", "crm", "--password-stdin"], stdin: "not-the-token\n")
        #expect(wrong.status != 0)
        #expect(wrong.stdout.contains("NOT verified"))
        #expect(try connectionStatus("crm") == "unauthorized")

        let right = try sandbox.run(["connections", "verify", "crm", "--password-stdin"], stdin: "flowdash-demo\n")
        #expect(right.status == 0, "\(right.stderr)")
        #expect(try connectionStatus("crm") == "connected")

        let resubmitted = try #require(try sandbox.json(["resubmit", runID, "--wait"]) as? [String: Any])
        #expect(resubmitted["status"] as? String == "succeeded")
        #expect(resubmitted["resubmittedFrom"] as? String == runID)
        let originalInputs = try #require((report["run"] as? [String: Any])?["inputs"] as? [String: String])
        #expect(["c-1001", "c-1002"].contains(originalInputs["customer"] ?? ""))
        #expect(resubmitted["inputs"] as? [String: String] == originalInputs)
    }

    @Test func configurationFailureIsFixedByEditingThenResubmitting() throws {
        let runID = try failedRun(kind: "configuration", flow: "bill-customers")
        let fixer = try script("fix-path", "sed -i 's#/v1/invoice$#/v1/invoices#' \"$1\"")
        let edit = try sandbox.run(["flows", "edit", "bill-customers"], extraEnvironment: ["EDITOR": fixer])
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(edit.stdout.contains("is valid"))
        let resubmitted = try sandbox.run(["resubmit", runID, "--wait"])
        #expect(resubmitted.status == 0, "\(resubmitted.stderr)")
        #expect(resubmitted.stdout.contains("succeeded"))
    }

    @Test func anInvalidEditIsReportedWithFileAndLineAndKept() throws {
        let breaker = try script("break-yaml", "printf 'steps: [\\n' >> \"$1\"")
        let edit = try sandbox.run(["flows", "edit", "place-order"], extraEnvironment: ["EDITOR": breaker])
        #expect(edit.status == 1)
        #expect(edit.stderr.range(of: #"place-order\.yaml:\d+"#, options: .regularExpression) != nil, "\(edit.stderr)")
        let file = sandbox.workspace.appendingPathComponent("flows/place-order.yaml")
        #expect(try String(contentsOf: file, encoding: .utf8).hasSuffix("steps: [\n"))
    }

    @Test func transientFailureSucceedsWhenResubmitted() throws {
        let runID = try failedRun(kind: "transient", flow: "nightly-report")
        let resubmitted = try #require(try sandbox.json(["resubmit", runID, "--wait"]) as? [String: Any])
        #expect(resubmitted["status"] as? String == "succeeded")
    }

    @Test func secretsNeverShowInOutputOrLogs() throws {
        let runID = try failedRun(kind: "configuration", flow: "bill-customers")
        var everything = try sandbox.run(["run", "show", runID, "--json"]).stdout
        everything += try sandbox.run(["activity", "--json"]).stdout
        everything += try sandbox.run(["connections", "--json"]).stdout
        everything += (try? String(contentsOf: sandbox.logFile, encoding: .utf8)) ?? ""
        #expect(!everything.contains("billing-demo-key"))
        #expect(!everything.contains("demo-directory"))
        #expect(everything.contains("bill-customers"))
    }

    @Test func badInputGetsAOneLineReason() throws {
        let missing = try sandbox.run(["run", "show", "999999"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no run with id 999999"))
        let unknownFlow = try sandbox.run(["run", "no-such-flow", "--wait"])
        #expect(unknownFlow.status != 0)
        #expect(unknownFlow.stderr.contains("no-such-flow"))
        let badInput = try sandbox.run(["run", "health-check", "--input", "novalue"])
        #expect(badInput.status != 0)
        #expect(badInput.stderr.contains("key=value"))
    }

    private func script(_ name: String, _ body: String) throws -> String {
        let url = sandbox.root.appendingPathComponent(name)
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }
}
