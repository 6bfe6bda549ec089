import FlowDashCore
import FlowDashScreen
@testable import FlowDashTUI
import Foundation
import Testing

/// A definition that is not a local file opens read-only: the movement keys and the wheel
/// scroll it, Esc and q go back.
struct UpdateTestsSource {
    typealias F = UpdateFixture

    /// 100 numbered lines, opened from the flows screen on an 80×24 terminal (20 body rows).
    static func opened(lines: Int = 100, size: (Int, Int) = (80, 24)) -> AppState {
        var state = F.state([])
        state.size = size
        F.press(&state, .character("F"))
        let text = (1...lines).map { "line \($0)" }.joined(separator: "\n")
        let opened = Msg.definitionReadOnly(flow: "orders", reason: "on the scheduler's host", text: text)
        _ = update(&state, opened, now: F.now)
        return state
    }

    @Test func aRemoteDefinitionOpensReadOnlyWithTheReason() {
        let state = Self.opened()
        #expect(state.route == .source(flow: "orders"))
        #expect(state.stack == [.activity, .flows, .source(flow: "orders")])
        #expect(state.source?.reason == "on the scheduler's host")
        #expect(state.source?.lines.count == 100)
        #expect(state.source?.offset == 0)
        #expect(state.status.message == .definitionReadOnly(flow: "orders", reason: "on the scheduler's host"))
    }

    @Test func withoutTextOnlyTheStatusLineSpeaks() {
        var state = F.state([])
        _ = update(&state, .definitionReadOnly(flow: "orders", reason: "remote"), now: F.now)
        #expect(state.route == .activity)
        #expect(state.source == nil)
    }

    @Test func movementKeysScrollAndStopAtTheEnds() {
        var state = Self.opened()
        F.press(&state, .character("j"), .down)
        #expect(state.source?.offset == 2)
        F.press(&state, .character("k"))
        #expect(state.source?.offset == 1)
        F.press(&state, .pageDown)
        #expect(state.source?.offset == 21)
        F.press(&state, .character("G"))
        #expect(state.source?.offset == 80)
        F.press(&state, .character("j"), .pageDown)
        #expect(state.source?.offset == 80)
        F.press(&state, .pageUp)
        #expect(state.source?.offset == 60)
        F.press(&state, .character("g"))
        #expect(state.source?.offset == 0)
        F.press(&state, .up, .pageUp)
        #expect(state.source?.offset == 0)
    }

    @Test func theWheelScrollsAndClicksSelectNothing() {
        var state = Self.opened()
        F.mouse(&state, .wheelDown, y: 5)
        #expect(state.source?.offset == UpdateMouse.wheelStep)
        F.mouse(&state, .press, y: 10)
        #expect(state.source?.offset == UpdateMouse.wheelStep)
        F.mouse(&state, .wheelUp, y: 5)
        #expect(state.source?.offset == 0)
    }

    @Test func aReasonOnTwoRowsLeavesOneRowLessToScrollIn() {
        var state = F.state([])
        let text = (1...100).map { "line \($0)" }.joined(separator: "\n")
        let reason = String(repeating: "the file is elsewhere ", count: 5)
        _ = update(&state, .definitionReadOnly(flow: "orders", reason: reason, text: text), now: F.now)
        #expect(UpdateSource.pageRows(state) == 19)
        F.press(&state, .pageDown)
        #expect(state.source?.offset == 19)
        F.press(&state, .character("G"))
        #expect(state.source?.offset == 81)
    }

    @Test func aShortSourceDoesNotScroll() {
        var state = Self.opened(lines: 3)
        F.press(&state, .character("G"), .pageDown)
        #expect(state.source?.offset == 0)
    }

    @Test func escAndQGoBackAndDropTheText() {
        var state = Self.opened()
        #expect(F.press(&state, .escape).isEmpty)
        #expect(state.route == .flows)
        #expect(state.source == nil)
        state = Self.opened()
        F.press(&state, .character("q"))
        #expect(state.route == .flows)
        #expect(state.source == nil)
    }

    @Test func theTextIsSanitisedWhenItArrives() {
        var state = F.state([])
        let text = "a:\t1\u{1b}[2J\u{1b}]0;owned\u{07}\r\nb: 2"
        _ = update(&state, .definitionReadOnly(flow: "x", reason: "far\u{1b}[31m away", text: text), now: F.now)
        #expect(state.source?.lines == ["a:    1", "b: 2"])
        #expect(state.source?.reason == "far away")
    }

    @Test func aTinyTerminalAndResizingKeepTheOffsetInRange() {
        var state = Self.opened(size: (20, 5))
        F.press(&state, .character("G"), .pageDown, .character("j"))
        let offset = state.source?.offset ?? -1
        #expect(offset >= 0 && offset <= UpdateSource.rowCount(state))
        _ = update(&state, .input(.resize(width: 200, height: 60)), now: F.now)
        #expect(state.source?.offset == 44)
        _ = update(&state, .input(.resize(width: 0, height: 0)), now: F.now)
        F.press(&state, .character("G"), .character("k"))
        #expect((state.source?.offset ?? -1) >= 0)
    }

    @Test func wideLinesWrapSoScrollingCountsTheirRows() {
        var state = F.state([])
        let wide = String(repeating: "語", count: 60)
        _ = update(&state, .definitionReadOnly(flow: "x", reason: "r", text: wide + "\nend"), now: F.now)
        let rows = SourceText.rows(state.source?.lines ?? [], width: 80)
        #expect(rows.count == 3)
        #expect(rows.map(\.number) == [1, nil, 2])
        #expect(rows.allSatisfy { DisplayWidth.of($0.text) <= 80 - SourceText.gutterWidth(lineCount: 2, width: 80) })
        #expect(rows[0].text + rows[1].text == wide)
    }
}
