import FlowDashCore
import FlowDashScreen
@testable import FlowDashTUI
import Foundation
import Testing

/// The activity list, drilling in and out, quitting, and the bookkeeping every message shares.
struct UpdateTests {
    typealias F = UpdateFixture

    @Test func startupLoadsTheActivityList() {
        #expect(initialEffects(AppState()) == [.loadActivity])
    }

    @Test func failuresComeFirstThenTheRestNewestFirst() {
        let state = F.state([
            F.run("1", minutesAgo: 30), F.failedRun("2", minutesAgo: 20), F.run("3", minutesAgo: 10),
            F.failedRun("4", minutesAgo: 5), F.run("5", status: .interrupted, minutesAgo: 50),
        ])
        #expect(F.visibleIDs(state) == ["4", "2", "5", "3", "1"])
        #expect(state.activity.list.loaded)
    }

    @Test func enterDrillsIntoTheSelectedRunAndLoadsItsReport() {
        var state = F.state([F.run("1", minutesAgo: 5), F.failedRun("2", minutesAgo: 9)])
        let effects = F.press(&state, .enter)
        #expect(state.route == .runDetail(RunID("2")))
        #expect(state.runDetail?.runID == RunID("2"))
        #expect(effects == [.loadReport(RunID("2"))])
        #expect(state.status.inFlight == 1)
    }

    @Test func theFailingStepIsSelectedWhenTheReportFirstArrives() {
        let state = F.detailState(F.failedReport("7"))
        #expect(state.runDetail?.selection == 1)
        #expect(state.runDetail?.report?.detail.steps[1].status == .failed)
    }

    @Test func aReloadKeepsTheStepTheOperatorMovedTo() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character("j"))
        _ = update(&state, .reportLoaded(RunID("7"), .success(F.failedReport("7"))), now: F.now)
        #expect(state.runDetail?.selection == 2)
    }

    @Test func aReportForAnotherRunIsIgnored() {
        var state = F.detailState(F.failedReport("7"))
        _ = update(&state, .reportLoaded(RunID("8"), .success(F.failedReport("8"))), now: F.now)
        #expect(state.runDetail?.report?.detail.summary.id == RunID("7"))
    }

    @Test func liveRefreshKeepsTheCursorOnTheSameRun() {
        var state = F.state([F.run("1", minutesAgo: 3), F.run("2", minutesAgo: 2), F.run("3", minutesAgo: 1)])
        F.press(&state, .character("j"))
        #expect(selectedRun(state)?.id == RunID("2"))
        let refreshed = [F.run("4", minutesAgo: 0), F.failedRun("5", minutesAgo: 9),
                         F.run("1", minutesAgo: 3), F.run("2", minutesAgo: 2), F.run("3", minutesAgo: 1)]
        _ = update(&state, .activityLoaded(.success(refreshed)), now: F.now)
        #expect(selectedRun(state)?.id == RunID("2"))
        #expect(state.activity.list.selection == 3)
    }

    @Test func aVanishedRunLeavesTheCursorClamped() {
        var state = F.state([F.run("1", minutesAgo: 3), F.run("2", minutesAgo: 2), F.run("3", minutesAgo: 1)])
        F.press(&state, .end)
        _ = update(&state, .activityLoaded(.success([F.run("3", minutesAgo: 1)])), now: F.now)
        #expect(state.activity.list.selection == 0)
        #expect(selectedRun(state)?.id == RunID("3"))
    }

    @Test func movementKeysMoveAndStopAtTheEnds() {
        var state = F.state((1...5).map { F.run(String($0), minutesAgo: Double($0)) })
        F.press(&state, .down, .character("j"))
        #expect(state.activity.list.selection == 2)
        F.press(&state, .up)
        #expect(state.activity.list.selection == 1)
        F.press(&state, .end)
        #expect(state.activity.list.selection == 4)
        F.press(&state, .down)
        #expect(state.activity.list.selection == 4)
        F.press(&state, .character("g"))
        #expect(state.activity.list.selection == 0)
        F.press(&state, .character("k"))
        #expect(state.activity.list.selection == 0)
    }

    @Test func pagingMovesByTheVisibleRowsAndScrolls() {
        var state = F.state((1...100).map { F.run(String($0), minutesAgo: Double($0)) })
        let rows = ScreenLayout(state).list(for: .activity).height
        F.press(&state, .pageDown)
        #expect(state.activity.list.selection == rows)
        #expect(state.activity.list.offset == 1)
        F.press(&state, .pageUp)
        #expect(state.activity.list.selection == 0)
        #expect(state.activity.list.offset == 0)
    }

    @Test func escGoesBackAndNeverBelowTheActivityList() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .escape)
        #expect(state.stack == [.activity])
        F.press(&state, .escape, .backspace)
        #expect(state.stack == [.activity])
        #expect(!state.shouldQuit)
    }

    @Test func escClosesAnOpenModalBeforeGoingBack() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character("v"))
        F.press(&state, .escape)
        #expect(state.modal == nil)
        #expect(state.route == .runDetail(RunID("7")))
        #expect(state.status.message == .cancelled)
    }

    @Test func qQuitsOnTheActivityListAndGoesBackElsewhere() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character("q"))
        #expect(state.route == .activity)
        #expect(!state.shouldQuit)
        F.press(&state, .character("q"))
        #expect(state.shouldQuit)
    }

    @Test func ctrlCQuitsFromAnywhereEvenInsideADialog() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character("v"), .control("c"))
        #expect(state.shouldQuit)
    }

    @Test func resizeUpdatesTheSizeAndKeepsTheSelectionInSight() {
        var state = F.state((1...50).map { F.run(String($0), minutesAgo: Double($0)) })
        F.press(&state, .end)
        _ = update(&state, .input(.resize(width: 120, height: 10)), now: F.now)
        #expect(state.size == (120, 10))
        let rows = ScreenLayout(state).list(for: .activity).height
        #expect(state.activity.list.offset == 49 - rows + 1)
    }

    @Test func questionMarkTogglesHelpAndAnyKeyClosesIt() {
        var state = F.state([F.run("1")])
        F.press(&state, .character("?"))
        #expect(state.modal?.isHelp == true)
        F.press(&state, .character("j"))
        #expect(state.modal == nil)
        #expect(state.activity.list.selection == 0)
    }

    @Test func aFailedLoadShowsTheErrorAndEndsTheCall() {
        var state = AppState()
        state.status.inFlight = 1
        _ = update(&state, .activityLoaded(.failure(ErrorText("cannot reach the backend"))), now: F.now)
        #expect(state.status.message == .failed(ErrorText("cannot reach the backend")))
        #expect(state.status.kind == .error)
        #expect(state.status.inFlight == 0)
        _ = update(&state, .connectionsLoaded(.success([])), now: F.now)
        #expect(state.status.inFlight == 0)
    }

    @Test func cAndFOpenConnectionsAndFlowsWithoutGrowingTheStack() {
        var state = F.detailState(F.failedReport("7"))
        #expect(F.press(&state, .character("c")) == [.loadConnections])
        #expect(F.press(&state, .character("F")) == [.loadFlows])
        F.press(&state, .character("c"))
        #expect(state.stack == [.activity, .runDetail(RunID("7")), .connections])
        F.press(&state, .escape)
        #expect(state.route == .runDetail(RunID("7")))
        #expect(state.runDetail?.report != nil)
    }

    @Test func refreshReloadsWhatIsOnScreen() {
        var state = F.detailState(F.failedReport("7"))
        #expect(F.press(&state, .character("R")) == [.loadReport(RunID("7"))])
    }

    @Test func enterOnAStepShowsAndHidesItsDetails() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .enter)
        #expect(state.runDetail?.expandedStep == 1)
        F.press(&state, .enter)
        #expect(state.runDetail?.expandedStep == nil)
    }
}

extension UpdateTests {
    @Test func startingDeeperAlsoLoadsTheScreenOnTop() {
        var state = AppState()
        state.stack = [.activity, .flows]
        #expect(initialEffects(state) == [.loadActivity, .loadFlows])
    }
}
