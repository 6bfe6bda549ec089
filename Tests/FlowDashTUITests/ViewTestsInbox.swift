import FlowDashCore
import FlowDashScreen
import FlowDashService
import Foundation
import Testing
@testable import FlowDashTUI

/// The grouped view, a group's runs, the dry-run dialog, the progress screen and the ledger.
struct ViewTestsInbox {
    private static let now = ViewFixtures.now
    private static let crm = FailureCause(basis: .connection, name: "crm", kind: .authentication, code: nil)

    private static func group(_ cause: FailureCause = crm, runs: Int = 14, flows: Int = 5) -> FailureGroup {
        FailureGroup(cause: cause, runCount: runs, flows: (0..<flows).map { "flow\($0)" }, codes: ["401", "403"],
                     firstFailedAt: now.addingTimeInterval(-3600), lastFailedAt: now.addingTimeInterval(-180),
                     latestMessage: "Unauthorized")
    }

    private static func inbox(_ groups: [FailureGroup], partial: Bool = false,
                              size: (width: Int, height: Int) = (100, 30)) -> AppState {
        var state = ViewFixtures.activity(size: size)
        state.stack = [.activity, .inbox]
        state.inbox.groups.items = groups
        state.inbox.groups.loaded = true
        state.inbox.isPartial = partial
        return state
    }

    private static let failed: [RunSummary] = [
        ViewFixtures.run("3", flow: "a", status: .failed, minutesAgo: 5, failure: ViewFixtures.authFailure,
                         inputs: ["account": "1"]),
        ViewFixtures.run("4", flow: "b", status: .failed, minutesAgo: 4, failure: ViewFixtures.authFailure,
                         inputs: ["account": "2"]),
    ]

    private static func dialog(_ refusal: BulkResubmitDialog.Refusal? = nil, stillUnauthorized: [String] = [],
                               size: (width: Int, height: Int) = (100, 30)) -> AppState {
        var state = ViewFixtures.activity(size: size)
        var plan = BulkResubmitPlan(selection: failed + [ViewFixtures.runs[2]])
        plan.stillUnauthorized = stillUnauthorized
        var dialog = BulkResubmitDialog(plan: plan)
        dialog.typed = "2"
        dialog.refusal = refusal
        state.modal = .bulkResubmit(dialog)
        return state
    }

    private static func progress(size: (width: Int, height: Int) = (100, 30)) -> AppState {
        var state = ViewFixtures.activity(size: size)
        state.stack = [.activity, .bulkResubmit]
        var bulk = BulkProgressState(plan: BulkResubmitPlan(selection: failed))
        bulk.record(.submitted(original: RunID("3"), run: RunID("10")))
        bulk.record(.finished(original: RunID("3"), run: ViewFixtures.run("10", flow: "a", status: .succeeded,
                                                                        minutesAgo: 0)))
        bulk.record(.refused(original: RunID("4"), reason: "run 4 is gone"))
        state.bulk = bulk
        return state
    }

    private static func ledger(size: (width: Int, height: Int) = (100, 30)) -> AppState {
        var state = ViewFixtures.activity(size: size)
        state.stack = [.activity, .ledger]
        state.ledger.items = [LedgerEntry(original: failed[0], resubmitted: ViewFixtures.run(
            "10", flow: "a", status: .succeeded, minutesAgo: 1, resubmittedFrom: "3"))]
        state.ledger.loaded = true
        return state
    }

    @Test("a group row reads as one sentence with its glyph, codes and when it last failed")
    func groupRow() {
        let probe = ViewFixtures.draw(Self.inbox([Self.group(), Self.group(
            FailureCause(basis: .step, name: "create-invoice", kind: .configuration, code: "404"), runs: 1, flows: 1)]))
        #expect(probe.contains("14 runs in 5 flows: connection crm unauthorized"), "\(probe)")
        #expect(probe.contains("1 run in 1 flow: step create-invoice 404 (configuration)"), "\(probe)")
        #expect(probe.contains("401, 403"))
        #expect(probe.contains("last 3m ago"))
        #expect(probe.contains("Open failures by root cause: 2 groups, 15 runs"))
        #expect(probe.style(of: "⊘")?.foreground == Theme.defaultDark[.unauthorized].foreground)
        #expect(probe.contains("Failure inbox"))
    }

    @Test("the group row is in the operator's language", arguments: [
        ("fr", "14 exécutions dans 5 flux : connexion crm non autorisée"),
        ("nl", "14 runs in 5 stromen: verbinding crm niet geautoriseerd"),
    ])
    func groupRowLocalised(language: String, expected: String) {
        let probe = ViewFixtures.draw(Self.inbox([Self.group()]), language: language)
        #expect(probe.contains(expected), "\(probe)")
    }

    @Test("an empty inbox says so; a partial one says its counts are lower bounds")
    func emptyAndPartial() {
        #expect(ViewFixtures.draw(Self.inbox([])).contains("No open failures."))
        #expect(ViewFixtures.draw(Self.inbox([Self.group()], partial: true)).contains("partial: newest runs only"))
    }

    @Test("remote names are sanitised before they reach a cell")
    func sanitised() {
        let evil = FailureCause(basis: .connection, name: "crm\u{1B}[31mred", kind: .authentication, code: nil)
        let probe = ViewFixtures.draw(Self.inbox([Self.group(evil)]))
        #expect(!probe.buffer.lines.joined().contains("\u{1B}"))
        #expect(probe.contains("connection crm"))
    }

    @Test("picked runs show a mark and the count on the activity list")
    func marks() {
        var state = ViewFixtures.activity()
        state.picked.toggle(ViewFixtures.runs[1])
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("1 selected"))
        guard let row = probe.find("sync-customers") else {
            Issue.record("no row")
            return
        }
        #expect(probe.contains("●  !  12"), "\(probe)")
        #expect(row.y >= 2)
    }

    @Test("the dry run lists the count, the flows, the inputs and the skipped runs, and asks for the count")
    func dryRun() {
        let probe = ViewFixtures.draw(Self.dialog())
        #expect(probe.contains("Resubmit 2 runs"), "\(probe)")
        #expect(probe.flowing.contains("2 failed runs will be resubmitted"), "\(probe)")
        #expect(probe.flowing.contains("Flows: a (1), b (1)"), "\(probe)")
        #expect(probe.flowing.contains("Inputs (2 different): account=1; account=2"), "\(probe)")
        #expect(probe.flowing.contains("Skipped (1): 13 (the run is still going)"), "\(probe)")
        #expect(probe.flowing.contains("Type 2 and press Enter"), "\(probe)")
        #expect(probe.contains("Count: 2"), "\(probe)")
        let refused = ViewFixtures.draw(Self.dialog(.wrongCount))
        #expect(refused.flowing.contains("That is not 2: nothing was resubmitted."), "\(refused)")
        #expect(!probe.flowing.contains("still refuses"))
    }

    @Test("the dry run warns, in the error colour, while a connection the runs failed through still refuses them")
    func dryRunWarnsOfAnUnverifiedConnection() {
        let probe = ViewFixtures.draw(Self.dialog(stillUnauthorized: ["crm"]))
        #expect(probe.contains("Connection crm still refuses its credentials"), "\(probe)")
        #expect(probe.contains("Verify it first (v on a run, or c)."), "\(probe)")
        #expect(probe.style(of: "still refuses")?.foreground == Theme.defaultDark[.statusError].foreground)
        #expect(probe.contains("Count: 2"), "the field still shows: \(probe)")
    }

    @Test("as many distinct inputs as fit are named; the count says how many there are")
    func manyInputs() {
        let runs = (1...40).map { index in
            ViewFixtures.run(String(index), status: .failed, minutesAgo: Double(index), failure: ViewFixtures.authFailure,
                             inputs: ["account": String(1000 + index)])
        }
        let line = BulkDialogView.inputsLine(BulkResubmitPlan(selection: runs), strings: Strings(language: "en"), room: 80)
        #expect(line.hasPrefix("Inputs (40 different): account=1040; account=1039"), "\(line)")
        #expect(line.hasSuffix("; …"))
        #expect(DisplayWidth.of(line) <= 80)
    }

    @Test("one run reads in the singular")
    func dryRunOfOne() {
        var state = ViewFixtures.activity()
        state.modal = .bulkResubmit(BulkResubmitDialog(plan: BulkResubmitPlan(selection: [Self.failed[0]])))
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("Resubmit 1 run "), "\(probe)")
        #expect(probe.flowing.contains("1 failed run will be resubmitted with its own inputs."), "\(probe)")
    }

    @Test("the progress screen shows each run original → new → outcome and the tally")
    func progress() {
        let probe = ViewFixtures.draw(Self.progress())
        #expect(probe.contains("Bulk resubmit"))
        #expect(probe.contains("3  →  10"), "\(probe)")
        #expect(probe.contains("succeeded"))
        #expect(probe.contains("refused: run 4 is gone"))
        #expect(probe.contains("1/2 resubmitted · 1 refused · 1 succeeded · 0 failed · 0 still running"), "\(probe)")
        #expect(probe.contains("Esc leaves this screen; the resubmits go on."))
    }

    @Test("the ledger lists original → resubmitted with flow, code and outcome")
    func ledger() {
        let probe = ViewFixtures.draw(Self.ledger())
        #expect(probe.contains("Original"), "\(probe)")
        #expect(probe.find("→  10")?.y != nil && probe.find("→  10")?.y == probe.find("✔  3")?.y, "\(probe)")
        #expect(probe.contains("401"))
        #expect(probe.contains("succeeded"))
    }

    @Test("the new screens and the dialog draw at 20×5 and 200×60 without crashing", arguments: [(20, 5), (200, 60), (40, 10)])
    func sizes(width: Int, height: Int) {
        let size = (width: width, height: height)
        var group = Self.inbox([Self.group()], size: size)
        group.stack = [.activity, .inbox, .inboxGroup(Self.crm)]
        group.inbox.groupRuns.items = Self.failed
        group.inbox.groupRuns.loaded = true
        group.picked.toggle(Self.failed[0])
        for state in [Self.inbox([Self.group()], size: size), Self.inbox([], size: size), group, Self.dialog(size: size),
                      Self.dialog(.wrongCount, size: size), Self.progress(size: size), Self.ledger(size: size)] {
            let probe = ViewFixtures.draw(state)
            #expect(probe.buffer.width == width && probe.buffer.height == height)
        }
    }
}
