@testable import FlowDashCurses
import FlowDashScreen
import Testing

struct MouseDecodingTests {
    let masks = MouseMasks.curses

    @Test func buttonStatesMapToKinds() {
        #expect(masks.kinds(for: masks.wheelUp) == [.wheelUp])
        #expect(masks.kinds(for: masks.wheelDown) == [.wheelDown])
        #expect(masks.kinds(for: masks.pressed) == [.press])
        #expect(masks.kinds(for: masks.released) == [.release])
        #expect(masks.kinds(for: masks.clicked) == [.press, .release])
        #expect(masks.kinds(for: masks.doubleClicked) == [.doubleClick])
        #expect(masks.kinds(for: 0).isEmpty)
    }

    @Test func theMasksAreDistinctBits() {
        let all = [masks.pressed, masks.released, masks.clicked, masks.doubleClicked, masks.wheelUp, masks.wheelDown]
        #expect(Set(all).count == all.count)
        #expect(all.allSatisfy { $0 != 0 && $0 & ($0 - 1) == 0 })
    }

    @Test func twoQuickPressesOnOneCellAreADoubleClick() {
        var detector = DoubleClickDetector()
        let start = ContinuousClock.now
        let first = detector.classify(MouseEvent(kind: .press, x: 3, y: 4), at: start)
        _ = detector.classify(MouseEvent(kind: .release, x: 3, y: 4), at: start + .milliseconds(50))
        let second = detector.classify(MouseEvent(kind: .press, x: 3, y: 4), at: start + .milliseconds(200))
        let third = detector.classify(MouseEvent(kind: .press, x: 3, y: 4), at: start + .milliseconds(300))
        #expect(first.kind == .press)
        #expect(second == MouseEvent(kind: .doubleClick, x: 3, y: 4))
        #expect(third.kind == .press)  // a third press starts a new pair
    }

    @Test func slowPressesOrPressesOnOtherCellsStayPresses() {
        var detector = DoubleClickDetector()
        let start = ContinuousClock.now
        _ = detector.classify(MouseEvent(kind: .press, x: 1, y: 1), at: start)
        #expect(detector.classify(MouseEvent(kind: .press, x: 1, y: 1), at: start + .milliseconds(401)).kind == .press)
        #expect(detector.classify(MouseEvent(kind: .press, x: 2, y: 1), at: start + .milliseconds(450)).kind == .press)
        _ = detector.classify(MouseEvent(kind: .wheelDown, x: 2, y: 1), at: start + .milliseconds(460))
        #expect(detector.classify(MouseEvent(kind: .press, x: 2, y: 1), at: start + .milliseconds(470)).kind == .press)
    }

    @Test func timeoutsConvertToWholeMillisecondsRoundingUp() {
        #expect(CursesTerminal.milliseconds(in: .milliseconds(200)) == 200)
        #expect(CursesTerminal.milliseconds(in: .microseconds(1)) == 1)
        #expect(CursesTerminal.milliseconds(in: .seconds(2)) == 2000)
        #expect(CursesTerminal.milliseconds(in: .zero) == 0)
        #expect(CursesTerminal.milliseconds(in: .seconds(-1)) == 0)
        #expect(CursesTerminal.milliseconds(in: .seconds(Int64.max)) == Int32.max)
    }
}
