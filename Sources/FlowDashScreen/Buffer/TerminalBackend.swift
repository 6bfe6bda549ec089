/// What the interface needs from a terminal; curses is one implementation, the recording one in
/// tests is another.
@MainActor
public protocol TerminalBackend: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Shows `buffer`, writing only what changed since the last frame.
    func draw(_ buffer: ScreenBuffer)
    /// Waits up to `timeout` for input; returns every event that is ready (empty on timeout).
    func nextEvents(timeout: Duration) async -> [InputEvent]
    /// Hands the terminal to another program (e.g. `$EDITOR`) and takes it back afterwards.
    func suspend(while body: () throws -> Void) rethrows
    /// Whether a terminating signal (SIGINT, SIGTERM, SIGHUP) has arrived.
    var terminationRequested: Bool { get }
    /// Ends a pending `nextEvents` wait early, from any thread: work finished off the loop
    /// shows at once instead of after the wait's timeout.
    nonisolated func wake()
}
