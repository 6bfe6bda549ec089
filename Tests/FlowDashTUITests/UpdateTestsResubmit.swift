import FlowDashCore
import FlowDashScreen
@testable import FlowDashTUI
import Foundation
import Testing

/// Resubmit goes through a confirmation, is refused with a reason, and follows the new run live.
struct UpdateTestsResubmit {
    typealias F = UpdateFixture

    @Test func rAsksForConfirmationBeforeAnything() {
        var state = F.detailState(F.failedReport("7"))
        #expect(F.press(&state, .character("r")).isEmpty)
        #expect(state.modal?.confirmRequest == ConfirmRequest(action: .resubmit(RunID("7"))))
    }

    @Test func yesResubmits() {
        var state = F.detailState(F.failedReport("7"))
        state.status.inFlight = 0
        F.press(&state, .character("r"))
        #expect(F.press(&state, .character("y")) == [.resubmit(RunID("7"))])
        #expect(state.modal == nil)
        #expect(state.status.message == .resubmitting(RunID("7")))
        #expect(state.status.inFlight == 1)
    }

    @Test func enterAlsoConfirms() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character("r"))
        #expect(F.press(&state, .enter) == [.resubmit(RunID("7"))])
    }

    @Test func noAndEscCancel() {
        for key in [Key.character("n"), .escape] {
            var state = F.detailState(F.failedReport("7"))
            F.press(&state, .character("r"))
            #expect(F.press(&state, key).isEmpty)
            #expect(state.modal == nil)
            #expect(state.status.message == .cancelled)
            #expect(state.route == .runDetail(RunID("7")))
        }
    }

    @Test func otherKeysNeitherConfirmNorCancel() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character("r"))
        #expect(F.press(&state, .character("j"), .character("q")).isEmpty)
        #expect(state.modal?.confirmRequest != nil)
    }

    @Test func onTheActivityListRResubmitsTheSelectedRun() {
        var state = F.state([F.run("1", minutesAgo: 1), F.failedRun("2", minutesAgo: 5)])
        F.press(&state, .character("j"), .character("r"))
        #expect(state.modal?.confirmRequest == ConfirmRequest(action: .resubmit(RunID("1"))))
    }

    @Test func readOnlyRefusesWithTheReason() {
        var state = F.detailState(F.failedReport("7"), readOnly: true)
        #expect(F.press(&state, .character("r")).isEmpty)
        #expect(state.modal == nil)
        #expect(state.status.message == .actionDisabled(.resubmit, reason: .readOnly))
        #expect(state.status.kind == .error)
    }

    @Test func aRunStillGoingCannotBeResubmitted() {
        var state = F.state([F.run("3", status: .running)])
        F.press(&state, .character("r"))
        #expect(state.modal == nil)
        #expect(state.status.message == .actionDisabled(.resubmit, reason: .runNotFinished))
    }

    @Test func theNewRunOpensAndTheListReloads() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character("r"), .character("y"))
        let effects = update(&state, .resubmitted(from: RunID("7"), .success(RunID("8"))), now: F.now)
        #expect(effects == [.loadReport(RunID("8")), .loadActivity])
        #expect(state.stack == [.activity, .runDetail(RunID("7")), .runDetail(RunID("8"))])
        #expect(state.runDetail?.runID == RunID("8"))
        #expect(state.runDetail?.report == nil)
        #expect(state.status.message == .resubmitted(from: RunID("7"), to: RunID("8")))
        #expect(state.status.inFlight == 2)
    }

    @Test func goingBackFromTheNewRunReloadsTheOriginal() {
        var state = F.detailState(F.failedReport("7"))
        _ = update(&state, .resubmitted(from: RunID("7"), .success(RunID("8"))), now: F.now)
        #expect(F.press(&state, .escape) == [.loadReport(RunID("7"))])
        #expect(state.runDetail?.runID == RunID("7"))
    }

    @Test func aFailedResubmitSaysWhy() {
        var state = F.detailState(F.failedReport("7"))
        _ = update(&state, .resubmitted(from: RunID("7"), .failure(ErrorText("run 7 has not finished"))), now: F.now)
        #expect(state.status.message == .failed(ErrorText("run 7 has not finished")))
        #expect(state.route == .runDetail(RunID("7")))
    }

    @Test func aLiveRunIsPolledUntilItFinishes() {
        var state = F.detailState(F.report("8", status: .running, steps: [.succeeded, .running]))
        state.status.inFlight = 0
        let later = F.now.addingTimeInterval(5)
        #expect(update(&state, .tick, now: later) == [.loadReport(RunID("8"))])
        #expect(update(&state, .tick, now: later).isEmpty)
        let finished = F.report("8", status: .failed, steps: [.succeeded, .failed])
        _ = update(&state, .reportLoaded(RunID("8"), .success(finished)), now: later)
        #expect(state.status.message == .runFinished(RunID("8"), .failed))
        #expect(state.runDetail?.selection == 1)
        #expect(update(&state, .tick, now: later.addingTimeInterval(10)).isEmpty)
    }

    @Test func aRunAlreadyFinishedOnFirstLoadAnnouncesNothing() {
        let state = F.detailState(F.report("8", status: .succeeded))
        #expect(state.status.message == .none)
    }
}
