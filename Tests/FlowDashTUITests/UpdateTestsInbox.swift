import FlowDashCore
import FlowDashScreen
import FlowDashService
@testable import FlowDashTUI
import Foundation
import Testing

private typealias F = UpdateFixture

/// Inbox fixtures: runs failing through connection crm (401), and a step failing with 404.
enum InboxFixture {
    static let crm = FailureCause(basis: .connection, name: "crm", kind: .authentication, code: nil)
    static let invoice = FailureCause(basis: .step, name: "create-invoice", kind: .configuration, code: "404")

    static func crmFailure(_ id: String, flow: String = "crm-sync", minutesAgo: Double = 1) -> RunSummary {
        F.run(id, flow: flow, status: .failed, minutesAgo: minutesAgo,
              failure: RunFailure(kind: .authentication, code: "401", message: "Unauthorized", step: "push",
                                  connection: "crm"))
    }

    static func group(_ cause: FailureCause, runs: Int, flows: [String], codes: [String]) -> FailureGroup {
        FailureGroup(cause: cause, runCount: runs, flows: flows, codes: codes,
                     firstFailedAt: F.now.addingTimeInterval(-3600), lastFailedAt: F.now.addingTimeInterval(-180),
                     latestMessage: "Unauthorized")
    }

    static let inbox = FailureInbox(groups: [
        group(invoice, runs: 2, flows: ["billing"], codes: ["404"]),
        group(crm, runs: 14, flows: ["a", "b", "c", "d", "e"], codes: ["401", "403"]),
    ], isPartial: false)

    /// The activity list, then `G` and the inbox's answer.
    static func inboxState(_ inbox: FailureInbox = inbox, readOnly: Bool = false) -> AppState {
        var state = F.state([crmFailure("3"), F.run("2")], readOnly: readOnly)
        F.press(&state, .character("G"))
        _ = update(&state, .inboxLoaded(.success(inbox)), now: F.now)
        return state
    }

    /// Drilled into the crm group, its three open failures loaded.
    static func groupState() -> AppState {
        var state = inboxState()
        F.press(&state, .enter)
        _ = update(&state, .openFailuresLoaded(crm, .success([crmFailure("7"), crmFailure("5"), crmFailure("4")])),
                   now: F.now)
        return state
    }
}

private typealias I = InboxFixture

struct UpdateTestsInbox {
    @Test func gOnTheActivityListOpensTheInboxAndLoadsItThenGoesBack() {
        var state = F.state([I.crmFailure("3")])
        #expect(F.press(&state, .character("G")) == [.loadInbox])
        #expect(state.route == .inbox)
        _ = update(&state, .inboxLoaded(.success(I.inbox)), now: F.now)
        #expect(state.inbox.groups.items.map(\.cause) == [I.crm, I.invoice])
        #expect(state.inbox.groups.loaded)
        #expect(F.press(&state, .character("G")) == [.loadActivity])
        #expect(state.route == .activity)
    }

    @Test func endStillJumpsToTheLastRunOnTheActivityList() {
        var state = F.state([F.run("1"), F.run("2"), F.run("3")])
        F.press(&state, .end)
        #expect(state.activity.list.selection == 2)
    }

    @Test func theLiveRefreshReloadsTheInboxOnItsScreen() {
        var state = I.inboxState()
        let later = F.now.addingTimeInterval(UpdateTick.activityInterval + 1)
        #expect(update(&state, .tick, now: later) == [.loadInbox])
    }

    @Test func enterDrillsIntoTheGroupAndOpensItsRunsEscGoesBack() {
        var state = I.inboxState()
        #expect(F.press(&state, .enter) == [.loadOpenFailures(I.crm)])
        #expect(state.route == .inboxGroup(I.crm))
        _ = update(&state, .openFailuresLoaded(I.crm, .success([I.crmFailure("7"), I.crmFailure("5")])), now: F.now)
        #expect(state.inbox.groupRuns.items.map(\.id) == [RunID("7"), RunID("5")])
        F.press(&state, .character("j"))
        #expect(F.press(&state, .enter) == [.loadReport(RunID("5"))])
        #expect(state.route == .runDetail(RunID("5")))
        F.press(&state, .escape)
        #expect(state.route == .inboxGroup(I.crm))
        F.press(&state, .escape)
        #expect(state.route == .inbox)
    }

    @Test func anAnswerForAnotherGroupIsDropped() {
        var state = I.groupState()
        _ = update(&state, .openFailuresLoaded(I.invoice, .success([I.crmFailure("99")])), now: F.now)
        #expect(state.inbox.groupRuns.items.map(\.id) == [RunID("7"), RunID("5"), RunID("4")])
    }

    @Test func spacePicksAFailedRunAndAgainDropsIt() {
        var state = F.state([I.crmFailure("3"), F.run("2")])
        F.press(&state, .character(" "))
        #expect(state.picked.contains(RunID("3")))
        #expect(state.status.message == .picked(count: 1))
        F.press(&state, .character("k"), .character(" "))
        #expect(state.picked.isEmpty)
        #expect(state.status.message == .selectionCleared)
    }

    @Test func spaceRefusesARunThatDidNotFail() {
        var state = F.state([I.crmFailure("3"), F.run("2", status: .running)])
        F.press(&state, .character("j"), .character(" "))
        #expect(state.picked.isEmpty)
        #expect(state.status.message == .actionDisabled(.toggleSelection, reason: .runDidNotFail))
    }

    @Test func spaceRefusesARunThatWasAlreadyResubmittedNamingItsResubmit() {
        let again = RunSummary(id: RunID("9"), flow: "crm-sync", status: .running, startedAt: F.now, resubmittedFrom: RunID("3"))
        var state = F.state([again, I.crmFailure("3")])
        #expect(ActionTargets.runToPick(in: state)?.id == RunID("3"), "needs attention comes first")
        F.press(&state, .character(" "))
        #expect(state.picked.isEmpty)
        #expect(state.status.message == .actionDisabled(.toggleSelection, reason: .alreadyResubmitted(as: RunID("9"))))
        let text = Strings(language: "en").message(state.status.message)
        #expect(text.contains("already resubmitted, as run 9"), "\(text)")
    }

    @Test func spacePicksInAGroupsRunList() {
        var state = I.groupState()
        F.press(&state, .character(" "), .character(" "))
        #expect(state.picked.list.map(\.id) == [RunID("5"), RunID("7")])
    }

    @Test func spaceOnAGroupPicksAllItsOpenFailuresThenDropsThem() {
        var state = I.inboxState()
        #expect(F.press(&state, .character(" ")) == [.pickGroup(I.crm)])
        let members = [I.crmFailure("7"), I.crmFailure("5")]
        _ = update(&state, .groupPicked(I.crm, .success(members)), now: F.now)
        #expect(state.picked.count == 2)
        #expect(state.picked.contains(group: I.crm))
        _ = update(&state, .groupPicked(I.crm, .success(members)), now: F.now)
        #expect(state.picked.isEmpty)
        #expect(!state.picked.contains(group: I.crm))
    }

    @Test func escClearsThePickedRunsBeforeGoingBack() {
        var state = I.groupState()
        F.press(&state, .character(" "))
        F.press(&state, .escape)
        #expect(state.picked.isEmpty)
        #expect(state.route == .inboxGroup(I.crm))
        #expect(state.status.message == .selectionCleared)
        F.press(&state, .escape)
        #expect(state.route == .inbox)
    }

    @Test func lAndTheLedgerCommandListResubmissionsEnterOpensTheResubmittedRun() {
        var state = F.state([])
        #expect(F.press(&state, .character("L")) == [.loadLedger])
        #expect(state.route == .ledger)
        let entry = LedgerEntry(original: I.crmFailure("4"), resubmitted: F.run("9", flow: "crm-sync"))
        _ = update(&state, .ledgerLoaded(.success([entry])), now: F.now)
        #expect(F.press(&state, .enter) == [.loadReport(RunID("9"))])
        var typed = F.state([])
        F.press(&typed, .character(":"))
        F.type(&typed, "ledger")
        #expect(F.press(&typed, .enter) == [.loadLedger])
        #expect(typed.route == .ledger)
    }

    @Test func theNewKeysAreInTheKeymapForHelpAndHints() {
        let onActivity = KeyMap.bindings(for: .activity).map(\.action)
        #expect(onActivity.contains(.toggleGrouped))
        #expect(onActivity.contains(.toggleSelection))
        #expect(KeyMap.action(for: .character("G"), on: .activity) == .toggleGrouped)
        #expect(KeyMap.action(for: .character("G"), on: .inbox) == .toggleGrouped)
        #expect(KeyMap.action(for: .character("G"), on: .flows) == .bottom)
        #expect(KeyMap.action(for: .character(" "), on: .inboxGroup(I.crm)) == .toggleSelection)
        #expect(KeyMap.action(for: .character("r"), on: .inbox) == .resubmit)
        #expect(KeyMap.bindings(for: .inbox).contains { $0.action == .resubmit && $0.changesRemoteState })
    }

    @Test func aClickSelectsAGroupAndADoubleClickDrillsIn() {
        var state = I.inboxState()
        let list = ScreenLayout(state).list(for: .inbox)
        F.mouse(&state, .press, y: list.y + 1)
        #expect(state.inbox.groups.selected?.cause == I.invoice)
        #expect(F.mouse(&state, .doubleClick, y: list.y + 1) == [.loadOpenFailures(I.invoice)])
        #expect(state.route == .inboxGroup(I.invoice))
        F.mouse(&state, .wheelDown, y: list.y)
        #expect(state.inbox.groupRuns.selection == 0)
    }

    @Test func theInboxAndProgressCommandsOpenTheirScreens() {
        var state = F.state([])
        F.press(&state, .character(":"))
        F.type(&state, "inbox")
        #expect(F.press(&state, .enter) == [.loadInbox])
        #expect(state.route == .inbox)
        F.press(&state, .character(":"))
        F.type(&state, "progress")
        #expect(F.press(&state, .enter).isEmpty)
        #expect(state.route == .bulkResubmit)
    }

    @Test func theLiveRefreshReloadsTheGroupOnItsScreen() {
        var state = I.groupState()
        let later = F.now.addingTimeInterval(UpdateTick.activityInterval + 1)
        #expect(update(&state, .tick, now: later) == [.loadOpenFailures(I.crm)])
    }
}
