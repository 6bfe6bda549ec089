import Foundation
import Testing

/// `flowdash inbox`, `flowdash ledger` and bulk `flowdash resubmit` as subprocesses, on the demo
/// workspace plus two more flows that call the crm connection with its expired stored token, so
/// that one root cause fails several flows at once.
@Suite(.timeLimit(.minutes(5)))
final class InboxCLITests {
    let sandbox: CLISandbox
    let demo: DemoProcess
    /// The flows failing 401 through crm: the demo's own and the two added here.
    static let crmFlows: Set<String> = ["sync-customers", "sync-contacts", "crm-audit"]

    init() throws {
        sandbox = try CLISandbox()
        demo = try DemoProcess(sandbox: sandbox)
        try demo.waitUntilServing()
        for (flow, customer) in [("sync-contacts", "c-1001"), ("crm-audit", "c-3003")] {
            try Self.crmFlow(customer: customer).write(
                to: sandbox.workspace.appendingPathComponent("flows/\(flow).yaml"), atomically: true, encoding: .utf8)
            try runFlowExpectingFailure(flow)
        }
    }

    deinit {
        _ = demo.stop()
        sandbox.remove()
    }

    /// The same failing step as the demo's sync-customers, so it shares its root cause.
    private static func crmFlow(customer: String) -> String {
        """
        description: Read a customer from the CRM
        owner: ops@example.com
        inputs:
          customer: \(customer)
        steps:
          - name: fetch-customer
            connection: crm
            method: GET
            path: /v1/customers/{{inputs.customer}}

        """
    }

    private func runFlowExpectingFailure(_ flow: String) throws {
        let result = try sandbox.run(["run", flow, "--wait"])
        guard result.status == 2 else { throw Failure("\(flow) should fail 401: \(result.status) \(result.stdout) \(result.stderr)") }
    }

    private func inbox() throws -> [String: Any] {
        try #require(try sandbox.json(["inbox"]) as? [String: Any])
    }

    /// The group holding the crm 401s (by connection, or by their shared step where the
    /// backend does not record the failing step's connection).
    private func crmGroup() throws -> [String: Any] {
        let groups = try #require(try inbox()["groups"] as? [[String: Any]])
        let group = try #require(groups.first { ($0["flows"] as? [String]).map(Set.init)?.isSuperset(of: Self.crmFlows) == true })
        let id = try #require(group["id"] as? String)
        #expect(id == "connection:crm:authentication" || id == "step:fetch-customer:401")
        return group
    }

    private func runCount() throws -> Int {
        try #require(try sandbox.json(["activity", "--limit", "1000"]) as? [[String: Any]]).count
    }

    private func ledger() throws -> [[String: Any]] {
        try #require(try sandbox.json(["ledger"]) as? [[String: Any]])
    }

    private func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
        }
    }

    private func verifyCRM() throws {
        let verified = try sandbox.run(["connections", "verify", "crm", "--password-stdin"], stdin: "flowdash-demo\n")
        #expect(verified.status == 0, "\(verified.stderr)")
    }

    @Test func theInboxGroupsTheExpiredTokenFailuresAcrossFlows() throws {
        let inbox = try inbox()
        #expect(inbox["partial"] as? Bool == false)
        let group = try crmGroup()
        let id = try #require(group["id"] as? String)
        let count = try #require(group["runCount"] as? Int)
        #expect(count >= 3)
        #expect(group["kind"] as? String == "authentication")
        #expect(group["codes"] as? [String] == ["401"])
        #expect((group["title"] as? String)?.hasPrefix("\(count) runs in \((group["flows"] as? [String])?.count ?? 0) flows: ") == true)
        let groups = try #require(inbox["groups"] as? [[String: Any]])
        #expect(groups.first?["id"] as? String == id, "the biggest group comes first")

        let text = try sandbox.run(["inbox"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains(id) && text.stdout.contains("\(count) runs in"), "\(text.stdout)")
        let flowLines = text.stdout.split(separator: "\n").filter { $0.hasPrefix("  flows: ") }
        #expect(flowLines.contains { line in Self.crmFlows.allSatisfy { line.contains($0) } }, "its flows: \(text.stdout)")
        #expect(!text.stdout.contains("From the newest"), "not partial: \(text.stdout)")

        let members = try #require(try sandbox.json(["inbox", id]) as? [String: Any])
        let runs = try #require(members["runs"] as? [[String: Any]])
        #expect(runs.count == count)
        #expect(runs.allSatisfy { ($0["failure"] as? [String: Any])?["code"] as? String == "401" })
        let ids = runs.compactMap { ($0["runId"] as? String).flatMap(Int.init) }
        #expect(ids == ids.sorted(by: >), "newest first")
        let groupText = try sandbox.run(["inbox", id, "--limit", "1"])
        #expect(groupText.stdout.contains("customer="), "\(groupText.stdout)")
        #expect(groupText.stdout.split(separator: "\n").count == 3, "a title, a header, one run: \(groupText.stdout)")
    }

    @Test func anUnknownOrInvalidGroupIsAClearError() throws {
        for group in ["step:no-such-step:401", "not-a-group"] {
            let result = try sandbox.run(["inbox", group])
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("Error: ") && result.stderr.contains(group), "\(result.stderr)")
        }
        let resubmit = try sandbox.run(["resubmit", "--group", "step:no-such-step:401", "--dry-run"])
        #expect(resubmit.status == 1)
        #expect(resubmit.stderr.contains("no open failures"), "\(resubmit.stderr)")
    }

    @Test func theDryRunAndTheRefusalsChangeNothing() throws {
        let group = try crmGroup()
        let id = try #require(group["id"] as? String)
        let count = try #require(group["runCount"] as? Int)
        let runsBefore = try runCount()
        let ledgerBefore = try ledger().count

        let dryRun = try sandbox.run(["resubmit", "--group", id, "--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.contains("\(count) runs to resubmit"), "\(dryRun.stdout)")
        for text in ["crm-audit 1", "sync-contacts 1", "customer=c-3003", "--confirm \(count)", "nothing changed"] {
            #expect(dryRun.stdout.contains(text), "missing \(text): \(dryRun.stdout)")
        }
        let plan = try #require(try sandbox.json(["resubmit", "--group", id, "--dry-run"]) as? [String: Any])
        #expect(plan["dryRun"] as? Bool == true)
        #expect(plan["count"] as? Int == count)
        #expect(plan["stillUnauthorized"] as? [String] == ["crm"], "crm was not verified yet")
        #expect(dryRun.stdout.contains("Warning: connection crm still refuses its credentials"), "\(dryRun.stdout)")
        let planned = try #require(plan["runs"] as? [[String: Any]])
        let distinct = Set(planned.map { "\($0["flow"] ?? "") \(($0["inputs"] as? [String: String])?.sorted { $0.key < $1.key } ?? [])" })
        #expect(plan["distinctRuns"] as? Int == distinct.count)
        #expect((plan["runs"] as? [[String: Any]])?.count == count)

        let unconfirmed = try sandbox.run(["resubmit", "--group", id])
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.stderr.contains("--confirm \(count)"), "\(unconfirmed.stderr)")
        let wrongCount = try sandbox.run(["resubmit", "--group", id, "--confirm", "\(count + 1)"])
        #expect(wrongCount.status == 1)
        #expect(wrongCount.stderr.contains("does not match"), "\(wrongCount.stderr)")

        #expect(try runCount() == runsBefore)
        #expect(try ledger().count == ledgerBefore)
        #expect(try crmGroup()["runCount"] as? Int == count)
    }

    @Test func theDryRunSaysWhenRunsRepeatAnothersFlowAndInputs() throws {
        try runFlowExpectingFailure("crm-audit")
        let id = try #require(try crmGroup()["id"] as? String)
        let plan = try #require(try sandbox.json(["resubmit", "--group", id, "--dry-run"]) as? [String: Any])
        let count = try #require(plan["count"] as? Int)
        let distinct = try #require(plan["distinctRuns"] as? Int)
        #expect(distinct < count, "crm-audit failed twice with c-3003")
        let text = try sandbox.run(["resubmit", "--group", id, "--dry-run"])
        #expect(text.stdout.contains("\(count - distinct) repeat"), "\(text.stdout)")
    }

    @Test func afterVerifyingTheConnectionTheGroupIsResubmittedAndSucceeds() throws {
        let group = try crmGroup()
        let id = try #require(group["id"] as? String)
        let count = try #require(group["runCount"] as? Int)
        let originals = Set(try #require(try sandbox.json(["inbox", id]) as? [String: Any])["runs"]
            .flatMap { $0 as? [[String: Any]] }?.compactMap { $0["runId"] as? String } ?? [])
        try verifyCRM()

        let result = try sandbox.run(["resubmit", "--group", id, "--confirm", "\(count)", "--wait", "--json"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        let events = try jsonLines(result.stdout)
        #expect(events.first?["event"] as? String == "plan")
        #expect(events.first?["stillUnauthorized"] as? [String] == [], "verified: no warning")
        let submitted = events.filter { $0["event"] as? String == "submitted" }
        let finished = events.filter { $0["event"] as? String == "finished" }
        #expect(Set(submitted.compactMap { $0["originalRunId"] as? String }) == originals)
        #expect(finished.count == count && finished.allSatisfy { $0["status"] as? String == "succeeded" })
        let summary = try #require(events.last)
        #expect(summary["event"] as? String == "summary")
        #expect(summary["submitted"] as? Int == count && summary["succeeded"] as? Int == count && summary["ok"] as? Bool == true)

        let groups = try #require(try inbox()["groups"] as? [[String: Any]])
        #expect(!groups.contains { $0["id"] as? String == id }, "the group is gone")
        // why: only this command's entries; a demo may seed resubmissions of its own.
        let ledger = try ledger().filter { originals.contains($0["originalRunId"] as? String ?? "") }
        #expect(ledger.count == count)
        #expect(Set(ledger.compactMap { $0["runId"] as? String }) == Set(submitted.compactMap { $0["runId"] as? String }))
        #expect(ledger.allSatisfy { $0["outcome"] as? String == "succeeded" })
        let text = try sandbox.run(["ledger"])
        #expect(text.stdout.contains("→") && text.stdout.contains("succeeded"), "\(text.stdout)")
    }

    @Test func withoutWaitTheResubmittedRunsStillExecute() throws {
        let group = try crmGroup()
        let id = try #require(group["id"] as? String)
        let count = try #require(group["runCount"] as? Int)
        try verifyCRM()
        let ledgerBefore = try ledger().count

        let result = try sandbox.run(["resubmit", "--group", id, "--confirm", "\(count)", "--rate", "50"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix("resubmitted ") && $0.contains(" → ") }.count == count)
        #expect(result.stdout.contains("resubmitted \(count) of \(count), refused 0"), "\(result.stdout)")

        // why: the runs outlive the command (detached workers); wait for them, without timing them.
        var outcomes: [String] = []
        for _ in 0..<300 {
            outcomes = try ledger().dropLast(ledgerBefore).compactMap { $0["outcome"] as? String }
            if outcomes.count == count, outcomes.allSatisfy({ $0 != "queued" && $0 != "running" }) { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(outcomes == Array(repeating: "succeeded", count: count))
    }

    /// Runs `flowdash` on a pseudo-terminal (util-linux `script`), typing `typed` at its prompt.
    private func runOnTerminal(_ arguments: [String], typed: String) throws -> CLISandbox.Result {
        let command = ([CLISandbox.executable.path] + arguments + ["--workspace", sandbox.workspace.path])
            .map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = sandbox.environment
        let output = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(typed.utf8))
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try input.fileHandleForWriting.close()
        return CLISandbox.Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: "")
    }

    @Test
    func onATerminalTheCountMustBeTyped() throws {
        let group = try crmGroup()
        let id = try #require(group["id"] as? String)
        let count = try #require(group["runCount"] as? Int)
        try verifyCRM()
        let ledgerBefore = try ledger().count

        let wrong = try runOnTerminal(["resubmit", "--group", id], typed: "\(count + 1)\n")
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("Type \(count) to resubmit \(count) runs:") && wrong.stdout.contains("not confirmed"), "\(wrong.stdout)")
        #expect(try ledger().count == ledgerBefore)

        let typed = try runOnTerminal(["resubmit", "--group", id, "--wait"], typed: "\(count)\n")
        #expect(typed.status == 0, "\(typed.stdout)")
        #expect(typed.stdout.contains("resubmitted \(count) of \(count), refused 0; \(count) succeeded"), "\(typed.stdout)")
        #expect(try ledger().count == ledgerBefore + count)
    }

    @Test func failedSinceSelectsByTheTimeARunFailed() throws {
        let inbox = try inbox()
        let open = try #require(inbox["runCount"] as? Int)
        let lastHour = try #require(try sandbox.json(["resubmit", "--failed-since", "1h", "--dry-run"]) as? [String: Any])
        #expect(lastHour["count"] as? Int == open)

        let runs = try #require(try sandbox.json(["activity", "--limit", "1000"]) as? [[String: Any]])
        let latest = try #require(runs.compactMap { $0["finishedAt"] as? String }.max())
        let after = try #require(ISO8601DateFormatter().date(from: latest)).addingTimeInterval(1)
        // why: dates print to the second; the next failure must end in a later second than `after`.
        while Date() < after.addingTimeInterval(0.2) { Thread.sleep(forTimeInterval: 0.1) }
        try runFlowExpectingFailure("crm-audit")
        let since = after.formatted(.iso8601)
        let recent = try #require(try sandbox.json(["resubmit", "--failed-since", since, "--dry-run"]) as? [String: Any])
        let selected = try #require(recent["runs"] as? [[String: Any]])
        #expect(selected.count == 1 && selected.first?["flow"] as? String == "crm-audit", "\(selected)")

        let id = try #require(try crmGroup()["id"] as? String)
        let both = try #require(try sandbox.json(["resubmit", "--group", id, "--failed-since", "1d", "--dry-run"]) as? [String: Any])
        #expect(both["count"] as? Int == (try crmGroup()["runCount"] as? Int))
    }
}

/// Bulk resubmit's flags are checked before any backend is reached.
struct BulkResubmitFlagsCLITests {
    @Test(arguments: [
        (["--failed-since", "yesterday"], "--failed-since"),
        (["--failed-since", "1h", "--rate", "0"], "--rate"),
        (["--group", "step:x:404", "--rate=-2"], "--rate"),
        (["7", "--group", "step:x:404"], "not both"),
        (["--dry-run"], "give the RUN"),
        (["7", "--confirm", "3"], "apply to --group"),
    ])
    func aWrongCombinationIsAClearError(arguments: [String], mention: String) throws {
        let sandbox = try CLISandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["resubmit"] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains("Error: ") && result.stderr.contains(mention), "\(result.stderr)")
    }
}
