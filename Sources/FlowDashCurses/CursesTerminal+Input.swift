import CNcursesw
import CTermSupport
import Dispatch
import FlowDashScreen

extension CursesTerminal {
    /// Returns the input that is ready; if none, waits up to `timeout` (off the main actor, so
    /// other main-actor work keeps running) and returns what arrived by then.
    public func nextEvents(timeout: Duration) async -> [InputEvent] {
        guard isActive else {
            try? await Task.sleep(for: timeout)  // still a wait, so a caller's loop cannot spin
            return []
        }
        let ready = drainInput()
        if !ready.isEmpty || terminationRequested { return ready }
        await Self.waitForInput(milliseconds: Self.milliseconds(in: timeout))
        guard isActive else { return [] }
        return drainInput()
    }

    public nonisolated func wake() { ct_wake() }

    /// Blocks a background thread in poll() on stdin and the self-pipe; a signal, a resize or
    /// task cancellation (which writes to the pipe) ends the wait early.
    nonisolated static func waitForInput(milliseconds: Int32) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                DispatchQueue.global(qos: .userInteractive).async {
                    _ = ct_wait_for_input(milliseconds)
                    continuation.resume()
                }
            }
        } onCancel: {
            ct_wake()
        }
    }

    nonisolated static func milliseconds(in duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 0 }
        let total = seconds.multipliedReportingOverflow(by: 1000)
        guard !total.overflow else { return Int32.max }
        let rounded = total.partialValue + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(0, rounded))
    }

    /// Reads everything curses has without waiting (a lone Esc still waits ESCDELAY, 25 ms).
    func drainInput() -> [InputEvent] {
        guard let window = fd_stdscr() else { return [] }
        wtimeout(window, 0)
        var events: [InputEvent] = []
        var value: wint_t = 0
        // Bounded so a flood of pasted text cannot keep the main actor here forever; the rest
        // stays queued for the next call.
        for _ in 0..<1024 {
            let status = wget_wch(window, &value)
            if status == ERR { break }
            if status == KEY_CODE_YES {
                events += inputEvents(forKeyCode: Int32(bitPattern: value))
            } else if let key = KeyDecoding.key(forCharacter: UInt32(value)) {
                events.append(.key(key))
            }
        }
        return events
    }

    private func inputEvents(forKeyCode code: Int32) -> [InputEvent] {
        switch code {
        case KEY_RESIZE:
            let now = size
            return [.resize(width: now.width, height: now.height)]
        case KEY_MOUSE:
            return mouseEvents()
        default:
            return KeyDecoding.key(forKeyCode: code).map { [.key($0)] } ?? []
        }
    }

    private func mouseEvents() -> [InputEvent] {
        var report = MEVENT()
        guard getmouse(&report) == OK else { return [] }
        let now = ContinuousClock.now
        return MouseMasks.curses.kinds(for: UInt32(report.bstate)).map { kind in
            let event = MouseEvent(kind: kind, x: Int(report.x), y: Int(report.y))
            return .mouse(doubleClicks.classify(event, at: now))
        }
    }
}
