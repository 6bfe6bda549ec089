import FlowDashCore
import FlowDashService
import Foundation
import Testing
@testable import flowdash

/// The inbox's and the ledger's text, from the core model (no backend).
struct InboxTextOutputTests {
    let now = Date(timeIntervalSince1970: 1_795_600_800)

    private func failed(_ id: String, flow: String, minutesAgo: Double, inputs: TriggerInputs = [:]) -> RunSummary {
        let ended = now.addingTimeInterval(-minutesAgo * 60)
        return RunSummary(
            id: RunID(id), flow: flow, status: .failed, startedAt: ended, finishedAt: ended, inputs: inputs,
            failure: RunFailure(kind: .authentication, code: "401", message: "Unauthorized\u{1b}[2J", step: "fetch", connection: "crm"))
    }

    @Test func aPartialInboxSaysSoAboveItsGroups() {
        let inbox = FailureInbox.make(from: [failed("1", flow: "a", minutesAgo: 5), failed("2", flow: "b", minutesAgo: 2)], isPartial: true)
        let lines = TextOutput(now: now).inbox(inbox).split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("From the newest 500 runs") == true)
        #expect(lines[1].hasPrefix("connection:crm:authentication  2 runs in 2 flows: connection crm unauthorized  401  last failed "))
        #expect(lines[1].hasSuffix("(2m ago)"))
        #expect(lines[2] == "  flows: a, b")
        #expect(!lines.joined().contains("\u{1b}[2J"), "remote text is sanitised")
    }

    @Test func anEmptyInboxAndAnEmptyLedgerSaySo() {
        let output = TextOutput(now: now)
        #expect(output.inbox(FailureInbox(groups: [], isPartial: false)) == "No open failures.")
        #expect(output.ledger([]) == "No resubmissions yet.")
    }

    @Test func theLedgerShowsOriginalToNewRunAndTheOutcome() {
        let original = failed("7", flow: "sync", minutesAgo: 10)
        let again = RunSummary(id: RunID("31"), flow: "sync", status: .succeeded, startedAt: now, finishedAt: now, resubmittedFrom: RunID("7"))
        let lines = TextOutput(now: now).ledger([LedgerEntry(original: original, resubmitted: again)]).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix("7 → 31") && lines[1].contains("sync") && lines[1].contains("401") && lines[1].contains("succeeded"))
    }

    @Test func thePlanCountsRunsThatRepeatAnothersFlowAndInputs() {
        let plan = BulkResubmitPlan(selection: [
            failed("1", flow: "a", minutesAgo: 3, inputs: ["c": "1"]), failed("2", flow: "a", minutesAgo: 2, inputs: ["c": "1"]),
            failed("3", flow: "b", minutesAgo: 1, inputs: ["c": "1"]),
        ])
        #expect(TextOutput.distinctRuns(plan) == 2)
        let text = TextOutput(now: now).bulkResubmitPlan(plan)
        #expect(text.hasPrefix("3 runs to resubmit (1 repeats another's flow and inputs), oldest first, in 2 flows: a 2, b 1"), "\(text)")
    }
}
