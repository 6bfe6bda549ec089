import Foundation
import Testing

/// `flowdash watch --once` delivering real email over SMTP (curl) to a sink on 127.0.0.1, on the demo.
@Suite(.timeLimit(.minutes(5)))
final class WatchCLITests {
    let sandbox: CLISandbox
    let demo: DemoProcess
    let sink: SMTPSink

    init() throws {
        sandbox = try CLISandbox()
        demo = try DemoProcess(sandbox: sandbox)
        sink = try SMTPSink(folder: sandbox.root.appendingPathComponent("mail"))
        try demo.waitUntilServing()
        let config = sandbox.root.appendingPathComponent("config/flowdash")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try """
            notify:
              from: flowdash@example.com
              smtp: {host: 127.0.0.1, port: \(sink.port), starttls: false}
            """.write(to: config.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
    }

    deinit {
        sink.stop()
        _ = demo.stop()
        sandbox.remove()
    }

    private func watchOnce() throws -> [[String: Any]] {
        let result = try sandbox.run(["watch", "--once", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func eachFailingFlowOwnerGetsOneEmailWithTheTipsAndTheRerunCommand() throws {
        let tips = try sandbox.json(["tips"]) as? [[String: Any]] ?? []
        let sync = try #require(tips.first { $0["flow"] as? String == "sync-customers" })
        let lastRun = try #require((sync["troubleshooting"] as? [String: Any])?["lastRunId"] as? String)

        let events = try watchOnce()
        let sent = events.filter { $0["event"] as? String == "sent" }
        #expect(sent.count == tips.count, "\(events)")
        let messages = try sink.messages()
        #expect(messages.count == tips.count)

        let message = try #require(messages.first { ($0["subject"] as? String)?.contains("sync-customers") == true })
        #expect(message["subject"] as? String == "[FlowDash] sync-customers is failing: authentication (401)")
        #expect(message["rcptTo"] as? [String] == ["ops@example.com"])
        #expect(message["mailFrom"] as? String == "flowdash@example.com")
        #expect(message["contentType"] as? String == "multipart/alternative")
        let text = try #require(message["text"] as? String)
        let html = try #require(message["html"] as? String)
        let rerun = "flowdash resubmit \(lastRun) --workspace \(sandbox.workspace.path)"
        for section in ["When:", "What happened:", "How to fix:", "Troubleshooting:", rerun] {
            #expect(text.contains(section), "text part lacks \(section)")
        }
        for section in ["<h2>When</h2>", "<h2>What happened</h2>", "<h2>How to fix</h2>", "<h2>Troubleshooting</h2>", rerun] {
            #expect(html.contains(section), "HTML part lacks \(section)")
        }

        // The same streaks: a second pass sends nothing new.
        #expect(try watchOnce().filter { $0["event"] as? String == "sent" }.isEmpty)
        #expect(try sink.messages().count == tips.count)
    }

    @Test func aFlowWithTipsOffGetsNoEmail() throws {
        #expect(try sandbox.run(["flows", "tips", "off", "sync-customers"]).status == 0)
        let events = try watchOnce()
        #expect(events.contains { $0["event"] as? String == "skipped" && $0["flow"] as? String == "sync-customers" })
        #expect(try sink.messages().allSatisfy { ($0["subject"] as? String)?.contains("sync-customers") == false })
    }

    @Test func anUnreachableServerIsReportedAndTheEmailKeptForLater() throws {
        sink.stop()
        let result = try sandbox.run(["watch", "--once", "--json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"event\":\"failed\""))
        #expect(result.stderr.contains("failed"))
        let stateFolder = sandbox.root.appendingPathComponent("state/flowdash/notify")
        let files = try FileManager.default.contentsOfDirectory(atPath: stateFolder.path)
        let state = try String(contentsOf: stateFolder.appendingPathComponent(try #require(files.first)), encoding: .utf8)
        #expect(state.contains("\"pending\""))
        #expect(state.contains("lastError"))
    }
}
