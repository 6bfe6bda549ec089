import CNcursesw
import FlowDashScreen

/// The curses mouse button bits this backend reads, gathered so decoding is testable.
struct MouseMasks: Sendable {
    var pressed: UInt32
    var released: UInt32
    var clicked: UInt32
    var doubleClicked: UInt32
    var wheelUp: UInt32
    var wheelDown: UInt32

    /// The values of this ncurses build.
    static let curses = MouseMasks(
        pressed: UInt32(FD_BUTTON1_PRESSED), released: UInt32(FD_BUTTON1_RELEASED),
        clicked: UInt32(FD_BUTTON1_CLICKED), doubleClicked: UInt32(FD_BUTTON1_DOUBLE_CLICKED),
        wheelUp: UInt32(FD_BUTTON4_PRESSED), wheelDown: UInt32(FD_BUTTON5_PRESSED))

    /// What one `getmouse` report means, in order. A click (press and release in one report,
    /// which curses only sends when mouseinterval is not 0) becomes both.
    func kinds(for buttonState: UInt32) -> [MouseEvent.Kind] {
        if buttonState & wheelUp != 0 { return [.wheelUp] }
        if buttonState & wheelDown != 0 { return [.wheelDown] }
        if buttonState & doubleClicked != 0 { return [.doubleClick] }
        if buttonState & clicked != 0 { return [.press, .release] }
        if buttonState & pressed != 0 { return [.press] }
        if buttonState & released != 0 { return [.release] }
        return []
    }
}

/// With mouseinterval(0) curses reports raw presses and never a double click, so a second
/// press on the same cell soon after the first is turned into `.doubleClick` here.
struct DoubleClickDetector: Sendable {
    var window: Duration = .milliseconds(400)
    private var lastPress: (x: Int, y: Int, at: ContinuousClock.Instant)?

    init(window: Duration = .milliseconds(400)) {
        self.window = window
    }

    /// `event` as the interface should see it; a press that completes a double click is
    /// replaced by `.doubleClick` (a third press starts over).
    mutating func classify(_ event: MouseEvent, at now: ContinuousClock.Instant) -> MouseEvent {
        switch event.kind {
        case .press:
            if let last = lastPress, last.x == event.x, last.y == event.y, now - last.at <= window {
                lastPress = nil
                return MouseEvent(kind: .doubleClick, x: event.x, y: event.y)
            }
            lastPress = (event.x, event.y, now)
            return event
        case .doubleClick, .wheelUp, .wheelDown:
            lastPress = nil
            return event
        case .release:
            return event
        }
    }
}
