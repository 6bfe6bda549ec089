import FlowDashCore
import FlowDashScreen
@testable import FlowDashTUI
import Foundation
import Testing

/// Mouse input lands on the row `ScreenLayout` says is there.
struct UpdateTestsMouse {
    typealias F = UpdateFixture

    static func manyRuns() -> AppState {
        F.state((1...40).map { F.run(String($0), minutesAgo: Double($0)) })
    }

    @Test func clickSelectsTheRowUnderTheMouse() {
        var state = Self.manyRuns()
        let top = ScreenLayout(state).list(for: .activity).y
        #expect(F.mouse(&state, .press, y: top + 3).isEmpty)
        #expect(state.activity.list.selection == 3)
        #expect(state.route == .activity)
    }

    @Test func clickCountsTheScrollOffset() {
        var state = Self.manyRuns()
        F.press(&state, .end)
        let list = ScreenLayout(state).list(for: .activity)
        F.mouse(&state, .press, y: list.y)
        #expect(state.activity.list.selection == 40 - list.height)
    }

    @Test func clicksOutsideTheListDoNothing() {
        var state = Self.manyRuns()
        F.press(&state, .character("j"))
        F.mouse(&state, .press, y: 0)
        F.mouse(&state, .press, y: state.size.height - 1)
        #expect(state.activity.list.selection == 1)
    }

    @Test func clickBelowTheLastItemDoesNothing() {
        var state = F.state([F.run("1"), F.run("2", minutesAgo: 1)])
        let top = ScreenLayout(state).list(for: .activity).y
        F.mouse(&state, .press, y: top + 1)
        F.mouse(&state, .press, y: top + 5)
        #expect(state.activity.list.selection == 1)
    }

    @Test func doubleClickSelectsAndOpens() {
        var state = Self.manyRuns()
        let top = ScreenLayout(state).list(for: .activity).y
        let effects = F.mouse(&state, .doubleClick, y: top + 2)
        #expect(state.route == .runDetail(RunID("3")))
        #expect(effects == [.loadReport(RunID("3"))])
    }

    @Test func theWheelMovesByThree() {
        var state = Self.manyRuns()
        F.mouse(&state, .wheelDown, y: 4)
        F.mouse(&state, .wheelDown, y: 4)
        #expect(state.activity.list.selection == 6)
        F.mouse(&state, .wheelUp, y: 4)
        #expect(state.activity.list.selection == 3)
    }

    @Test func clickOnAStepSelectsIt() {
        var state = F.detailState(F.failedReport("7"))
        let top = ScreenLayout(state).list(for: .runDetail).y
        F.mouse(&state, .press, y: top)
        #expect(state.runDetail?.selection == 0)
    }

    @Test func theMouseIsIgnoredUnderADialog() {
        var state = Self.manyRuns()
        F.press(&state, .character("?"))
        F.mouse(&state, .wheelDown, y: 4)
        #expect(state.activity.list.selection == 0)
    }

    @Test func theLayoutSplitsTheScreenWithoutOverlap() {
        let layout = ScreenLayout(width: 80, height: 24)
        #expect(layout.titleBar == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(layout.subheader == Rect(x: 0, y: 1, width: 80, height: 1))
        #expect(layout.list(for: .activity) == Rect(x: 0, y: 2, width: 80, height: 20))
        #expect(layout.hintBar == Rect(x: 0, y: 22, width: 80, height: 1))
        #expect(layout.statusBar == Rect(x: 0, y: 23, width: 80, height: 1))
        #expect(layout.list(for: .runDetail) == Rect(x: 0, y: 2, width: 80, height: 10))
        #expect(layout.runDetailPane == Rect(x: 0, y: 12, width: 80, height: 10))
    }

    @Test func aTinyTerminalGivesEmptyRectsNotNegativeOnes() {
        for height in 0...4 {
            let layout = ScreenLayout(width: 3, height: height)
            let rects = [layout.titleBar, layout.subheader, layout.body, layout.hintBar, layout.statusBar]
            #expect(rects.map(\.height).reduce(0, +) == height)
            #expect(layout.list(for: .runDetail).isEmpty)
            #expect(layout.listIndex(atX: 0, y: 2, on: .activity, offset: 0, count: 5) == nil)
        }
    }
}
