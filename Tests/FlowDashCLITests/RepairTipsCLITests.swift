import Foundation
import Testing

/// `flowdash tips` and `flowdash flows tips on|off` as subprocesses, on the demo workspace.
@Suite(.timeLimit(.minutes(5)))
final class RepairTipsCLITests {
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

    private func tips() throws -> [[String: Any]] {
        try sandbox.json(["tips"]) as? [[String: Any]] ?? []
    }

    @Test func everyFailingFlowHasItsFourSections() throws {
        let failedFlows = Set((try sandbox.json(["activity", "--failed"]) as? [[String: Any]] ?? []).compactMap { $0["flow"] as? String })
        let tips = try tips()
        #expect(Set(tips.compactMap { $0["flow"] as? String }) == failedFlows)

        let sync = try #require(tips.first { $0["flow"] as? String == "sync-customers" })
        #expect(sync["tipsOff"] as? Bool == false)
        #expect((sync["when"] as? [String: Any])?["firstFailedAt"] is String)
        let what = try #require(sync["whatHappened"] as? [String: Any])
        #expect(what["kind"] as? String == "authentication")
        #expect(what["step"] as? String == "fetch-customer")
        #expect(what["code"] as? String == "401")
        let fix = try #require(sync["howToFix"] as? [[String: Any]])
        #expect(fix.compactMap { $0["command"] as? String }.first == "flowdash connections verify crm")
        #expect(fix.compactMap { $0["key"] as? String } == ["v", "r"])
        let trouble = try #require(sync["troubleshooting"] as? [String: Any])
        let lastRun = try #require(trouble["lastRunId"] as? String)
        #expect(trouble["failureCount"] as? Int ?? 0 >= 1)
        #expect(trouble["rerunCommand"] as? String == "flowdash resubmit \(lastRun)")
        #expect(trouble["rerunKey"] as? String == "r")
        #expect((trouble["lastInputs"] as? [String: String])?["customer"] == "c-1002", "the newest failed run's inputs")

        let text = try sandbox.run(["tips"])
        #expect(text.status == 0, "\(text.stderr)")
        for section in ["When: first failed", "What happened:", "How to fix:", "Troubleshooting:", "flowdash resubmit \(lastRun)"] {
            #expect(text.stdout.contains(section), "missing \(section)")
        }
        #expect(text.stdout.contains("flowdash resubmit \(lastRun) --workspace \(sandbox.workspace.path)"),
                "the printed rerun reaches the same workspace: \(text.stdout)")
        #expect(text.stdout.contains("flowdash connections verify crm --workspace \(sandbox.workspace.path) [key v]"),
                "so does each fix step's command: \(text.stdout)")
        #expect(text.stdout.contains("flowdash flows edit bill-customers --workspace \(sandbox.workspace.path) [key e]"),
                "\(text.stdout)")
    }

    @Test func aFailingFlowWithTipsOffIsStillListedMarkedOff() throws {
        let off = try sandbox.run(["flows", "tips", "off", "sync-customers"])
        #expect(off.status == 0, "\(off.stderr)")
        #expect(off.stdout.contains("are off"))
        let sync = try #require(try tips().first { $0["flow"] as? String == "sync-customers" })
        #expect(sync["tipsOff"] as? Bool == true)
        #expect(try sandbox.run(["tips"]).stdout.contains("repair tips off for this flow"))
        let failed = try sandbox.json(["activity", "--failed"]) as? [[String: Any]] ?? []
        #expect(failed.contains { $0["flow"] as? String == "sync-customers" }, "it still fails visibly")

        #expect(try sandbox.run(["flows", "tips", "on", "sync-customers"]).status == 0)
        #expect(try tips().first { $0["flow"] as? String == "sync-customers" }?["tipsOff"] as? Bool == false)
    }

    @Test func switchingAnUnknownFlowFails() throws {
        let result = try sandbox.run(["flows", "tips", "off", "no-such-flow"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no-such-flow"))
    }

    @Test func aFlowThatSucceedsAgainLeavesTheTips() throws {
        let transient = try #require(try tips().first { ($0["whatHappened"] as? [String: Any])?["kind"] as? String == "transient" })
        let flow = try #require(transient["flow"] as? String)
        let lastRun = try #require((transient["troubleshooting"] as? [String: Any])?["lastRunId"] as? String)
        let resubmitted = try #require(try sandbox.json(["resubmit", lastRun, "--wait"]) as? [String: Any])
        #expect(resubmitted["status"] as? String == "succeeded")
        #expect(try tips().contains { $0["flow"] as? String == flow } == false)
    }
}
