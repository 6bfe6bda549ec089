import FlowDashCore
import FlowDashScreen
@testable import FlowDashTUI
import Foundation
import Testing

/// Rerun failed steps in place: a dry run counts them, the dialog shows the count, `y` reruns,
/// and the key says why it is off on an engine that cannot, in read-only mode, or on a run
/// that did not fail.
struct UpdateTestsRerun {
    typealias F = UpdateFixture

    static func detail(_ id: String = "7", readOnly: Bool = false, canRerun: Bool = true) -> AppState {
        var state = F.detailState(F.failedReport(id), readOnly: readOnly)
        state.canRerunFailedSteps = canRerun
        state.status.inFlight = 0
        return state
    }

    @Test func xOnAFailedRunAsksForADryRunFirst() {
        var state = Self.detail()
        #expect(F.press(&state, .character("x")) == [.rerunFailedSteps(RunID("7"), dryRun: true)])
        #expect(state.modal == nil)
        #expect(state.status.message == .countingFailedSteps(RunID("7")))
        #expect(state.status.inFlight == 1)
    }

    @Test func theDryRunsCountOpensTheConfirmation() {
        var state = Self.detail()
        F.press(&state, .character("x"))
        let effects = update(&state, .failedStepsCounted(RunID("7"), .success(2)), now: F.now)
        #expect(effects.isEmpty)
        #expect(state.status.inFlight == 0)
        #expect(state.modal?.confirmRequest == ConfirmRequest(action: .rerunFailedSteps(RunID("7"), count: 2)))
    }

    @Test func confirmingRunsTheRealRerunAndNoOtherKeyDoes() {
        var state = Self.detail()
        F.press(&state, .character("x"))
        _ = update(&state, .failedStepsCounted(RunID("7"), .success(2)), now: F.now)
        #expect(F.press(&state, .character("j")).isEmpty)
        #expect(F.press(&state, .character("y")) == [.rerunFailedSteps(RunID("7"), dryRun: false)])
        #expect(state.modal == nil)
        #expect(state.status.message == .rerunningFailedSteps(RunID("7")))
    }

    @Test func cancellingSendsNothing() {
        var state = Self.detail()
        F.press(&state, .character("x"))
        _ = update(&state, .failedStepsCounted(RunID("7"), .success(1)), now: F.now)
        #expect(F.press(&state, .escape).isEmpty)
        #expect(state.status.message == .cancelled)
        #expect(state.route == .runDetail(RunID("7")))
    }

    @Test func noFailedStepsOrAFailedDryRunOnlySaySo() {
        var state = Self.detail()
        F.press(&state, .character("x"))
        _ = update(&state, .failedStepsCounted(RunID("7"), .success(0)), now: F.now)
        #expect(state.modal == nil)
        #expect(state.status.message == .noFailedStepsToRerun(RunID("7")))
        F.press(&state, .character("x"))
        _ = update(&state, .failedStepsCounted(RunID("7"), .failure(ErrorText("cannot reach the backend"))), now: F.now)
        #expect(state.modal == nil)
        #expect(state.status.message == .failed(ErrorText("cannot reach the backend")))
        #expect(state.status.kind == .error)
    }

    @Test func aDialogOpenedMeanwhileIsNotCovered() {
        var state = Self.detail()
        F.press(&state, .character("x"), .character("?"))
        _ = update(&state, .failedStepsCounted(RunID("7"), .success(3)), now: F.now)
        #expect(state.modal?.isHelp == true)
        #expect(state.status.message == .failedStepsReady(RunID("7"), count: 3))
    }

    @Test func theRerunReloadsTheRunShownAndTheList() {
        var state = Self.detail()
        let effects = update(&state, .failedStepsRerun(RunID("7"), .success(2)), now: F.now)
        #expect(effects == [.loadReport(RunID("7")), .loadActivity])
        #expect(state.status.message == .failedStepsRerun(RunID("7"), count: 2))
        #expect(state.status.kind == .success)
        #expect(state.route == .runDetail(RunID("7")))
    }

    @Test func theRerunRunIsFollowedLiveUntilItFinishesAgain() {
        var state = Self.detail()
        _ = update(&state, .failedStepsRerun(RunID("7"), .success(1)), now: F.now)
        state.status.inFlight = 0
        let queued = F.report("7", status: .queued, steps: [.succeeded, .pending])
        _ = update(&state, .reportLoaded(RunID("7"), .success(queued)), now: F.now)
        let later = F.now.addingTimeInterval(5)
        #expect(update(&state, .tick, now: later) == [.loadReport(RunID("7"))])
        _ = update(&state, .reportLoaded(RunID("7"), .success(F.report("7", status: .succeeded))), now: later)
        #expect(state.status.message == .runFinished(RunID("7"), .succeeded))
    }

    @Test func onTheActivityListTheSelectedRunIsCountedAndOnlyTheListReloads() {
        var state = F.state([F.run("1", minutesAgo: 1), F.failedRun("2", minutesAgo: 5)])
        state.canRerunFailedSteps = true
        #expect(F.press(&state, .character("x")) == [.rerunFailedSteps(RunID("2"), dryRun: true)])
        _ = update(&state, .failedStepsCounted(RunID("2"), .success(1)), now: F.now)
        #expect(F.press(&state, .enter) == [.rerunFailedSteps(RunID("2"), dryRun: false)])
        #expect(update(&state, .failedStepsRerun(RunID("2"), .success(1)), now: F.now) == [.loadActivity])
    }

    @Test func theEmbeddedEngineSaysToResubmitInstead() {
        var state = Self.detail(canRerun: false)
        #expect(F.press(&state, .character("x")).isEmpty)
        #expect(state.modal == nil)
        #expect(state.status.message == .actionDisabled(.rerunFailed, reason: .rerunsByResubmitting))
        #expect(Strings(language: "en").message(state.status.message)
            == "rerun failed is off: this engine reruns by resubmitting: press r")
    }

    @Test func readOnlyRefusesFirst() {
        for canRerun in [true, false] {
            var state = Self.detail(readOnly: true, canRerun: canRerun)
            #expect(F.press(&state, .character("x")).isEmpty)
            #expect(state.status.message == .actionDisabled(.rerunFailed, reason: .readOnly))
        }
    }

    @Test func onlyAFinishedFailedRunHasStepsToRerun() {
        var state = F.state([F.run("3", status: .running), F.run("4", status: .succeeded, minutesAgo: 2)])
        state.canRerunFailedSteps = true
        #expect(KeyMap.disabledReason(.rerunFailed, in: state) == .runNotFinished)
        F.press(&state, .character("j"))
        #expect(F.press(&state, .character("x")).isEmpty)
        #expect(state.status.message == .actionDisabled(.rerunFailed, reason: .runDidNotFail))
        state = F.state([])
        state.canRerunFailedSteps = true
        #expect(KeyMap.disabledReason(.rerunFailed, in: state) == .nothingSelected)
    }

    @Test func xIsBoundOnlyWhereThereIsARun() {
        #expect(KeyMap.action(for: .character("x"), on: .activity) == .rerunFailed)
        #expect(KeyMap.action(for: .character("x"), on: .runDetail(RunID("1"))) == .rerunFailed)
        for route in [Route.connections, .flows, .definitionFailure(file: "a.py"), .source(flow: "a")] {
            #expect(KeyMap.action(for: .character("x"), on: route) == nil)
        }
    }
}
