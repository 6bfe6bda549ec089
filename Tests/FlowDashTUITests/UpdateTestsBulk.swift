import FlowDashCore
import FlowDashScreen
import FlowDashService
@testable import FlowDashTUI
import Foundation
import Testing

private typealias F = UpdateFixture
private typealias I = InboxFixture

extension Modal {
    var bulkDialog: BulkResubmitDialog? {
        if case .bulkResubmit(let dialog) = self { return dialog }
        return nil
    }
}

struct UpdateTestsBulk {
    /// Runs 3 and 4 picked on the activity list.
    private func pickedState(readOnly: Bool = false) -> AppState {
        var state = F.state([I.crmFailure("4", flow: "a"), I.crmFailure("3", flow: "b"), F.run("2")], readOnly: readOnly)
        F.press(&state, .character(" "), .character(" "))
        return state
    }

    @Test func rWithPickedRunsOpensTheDryRunAndHasItsConnectionsChecked() {
        var state = pickedState()
        let effects = F.press(&state, .character("r"))
        let plan = state.modal?.bulkDialog?.plan
        #expect(plan?.count == 2)
        #expect(plan?.runs.map(\.id) == [RunID("3"), RunID("4")])
        #expect(Set(plan?.flows.map(\.flow) ?? []) == ["a", "b"])
        guard let plan, effects == [.checkBulkPlan(plan)] else {
            Issue.record("the plan is not checked: \(effects)")
            return
        }
        F.type(&state, "2")
        var checked = plan
        checked.stillUnauthorized = ["crm"]
        _ = update(&state, .bulkPlanChecked(checked), now: F.now)
        #expect(state.modal?.bulkDialog?.plan.stillUnauthorized == ["crm"])
        #expect(state.modal?.bulkDialog?.typed == "2", "what was typed stays")
    }

    @Test func aWrongCountIsRefusedAndNothingIsResubmitted() {
        var state = pickedState()
        F.press(&state, .character("r"))
        F.type(&state, "3")
        #expect(F.press(&state, .enter).isEmpty)
        #expect(state.modal?.bulkDialog?.refusal == .wrongCount)
        #expect(state.modal?.bulkDialog?.typed == "")
        F.type(&state, "y")
        #expect(F.press(&state, .enter).isEmpty)
        #expect(state.bulk == nil)
        #expect(state.picked.count == 2)
    }

    @Test func theRightCountStartsTheBulkResubmitOnItsScreen() {
        var state = pickedState()
        F.press(&state, .character("r"))
        guard let plan = state.modal?.bulkDialog?.plan else {
            Issue.record("no dry run")
            return
        }
        F.type(&state, "2")
        let inFlight = state.status.inFlight
        #expect(F.press(&state, .enter) == [.bulkResubmit(plan)])
        #expect(state.modal == nil)
        #expect(state.route == .bulkResubmit)
        #expect(state.picked.isEmpty)
        #expect(state.bulk?.list.items.map(\.outcome) == [.waiting, .waiting])
        // why: a bulk follows its runs for minutes; it must not hold the live refresh up.
        #expect(state.status.inFlight == inFlight)
    }

    @Test func escCancelsTheDryRun() {
        var state = pickedState()
        F.press(&state, .character("r"), .character("2"), .escape)
        #expect(state.modal == nil)
        #expect(state.bulk == nil)
        #expect(state.status.message == .cancelled)
    }

    @Test func eventsUpdateTheProgressAndTheTallyAndTheEndRefreshes() {
        var state = pickedState()
        F.press(&state, .character("r"), .character("2"), .enter)
        let succeeded = F.run("10", status: .succeeded)
        _ = update(&state, .bulkResubmitEvent(.submitted(original: RunID("3"), run: RunID("10"))), now: F.now)
        _ = update(&state, .bulkResubmitEvent(.refused(original: RunID("4"), reason: "gone")), now: F.now)
        #expect(state.bulk?.list.items.map(\.outcome) == [.submitted, .refused(reason: "gone")])
        #expect(state.bulk?.list.items.first?.newRun == RunID("10"))
        _ = update(&state, .bulkResubmitEvent(.finished(original: RunID("3"), run: succeeded)), now: F.now)
        #expect(state.bulk?.list.items.first?.outcome == .finished(.succeeded))
        #expect(state.bulk?.tally.submitted == 1)
        #expect(state.bulk?.tally.refused == 1)
        #expect(state.bulk?.tally.succeeded == 1)
        #expect(update(&state, .bulkResubmitEnded, now: F.now) == [.loadActivity])
        #expect(state.bulk?.done == true)
        guard case .bulkResubmitFinished(let tally) = state.status.message else {
            Issue.record("no closing tally")
            return
        }
        #expect(tally.succeeded == 1)
    }

    @Test func escOnTheProgressScreenSaysTheResubmitsGoOn() {
        var state = pickedState()
        F.press(&state, .character("r"), .character("2"), .enter, .escape)
        #expect(state.route == .activity)
        #expect(state.status.message == .bulkResubmitGoesOn)
        F.press(&state, .character("g"), .character(" "), .character("r"))
        #expect(state.status.message == .bulkResubmitStillGoing)
        #expect(state.modal == nil)
    }

    @Test func readOnlyModeRefusesTheBulkResubmitWithTheReason() {
        var state = pickedState(readOnly: true)
        #expect(F.press(&state, .character("r")).isEmpty)
        #expect(state.modal == nil)
        #expect(state.status.message == .actionDisabled(.resubmit, reason: .readOnly))
    }

    @Test func rOnAGroupRowPlansTheWholeGroupThroughTheService() {
        var state = I.inboxState()
        #expect(F.press(&state, .character("r")) == [.planBulkResubmit(I.crm)])
        let plan = BulkResubmitPlan(selection: [I.crmFailure("7"), I.crmFailure("5")])
        _ = update(&state, .bulkPlanned(.success(plan)), now: F.now)
        #expect(state.modal?.bulkDialog?.plan == plan)
        F.type(&state, "2")
        #expect(F.press(&state, .enter) == [.bulkResubmit(plan)])
    }

    @Test func aPlanWithNothingToResubmitRefusesEveryCount() {
        var state = I.inboxState()
        F.press(&state, .character("r"))
        let plan = BulkResubmitPlan(selection: [F.run("8", status: .running)])
        _ = update(&state, .bulkPlanned(.success(plan)), now: F.now)
        F.type(&state, "0")
        #expect(F.press(&state, .enter).isEmpty)
        #expect(state.modal?.bulkDialog?.refusal == .nothingToResubmit)
    }

    @Test func rWithoutPickedRunsKeepsTheSingleRunConfirm() {
        var state = F.state([I.crmFailure("3")])
        F.press(&state, .character("r"))
        #expect(state.modal?.confirmRequest == ConfirmRequest(action: .resubmit(RunID("3"))))
        #expect(F.press(&state, .character("y")) == [.resubmit(RunID("3"))])
    }
}
