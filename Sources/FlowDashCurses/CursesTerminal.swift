import CNcursesw
import CTermSupport
import FlowDashScreen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ncurses terminal backend. All curses calls happen on the main actor; only the wait for
/// input runs on a background thread (a plain `poll()` on stdin and a self-pipe).
@MainActor
public final class CursesTerminal: TerminalBackend {
    /// What to turn on; colours are the caller's decision (off when NO_COLOR is set).
    public struct Options: Sendable {
        public var colors: Bool
        public var mouse: Bool

        /// Defaults: colours and mouse on.
        public init(colors: Bool = true, mouse: Bool = true) {
            self.colors = colors
            self.mouse = mouse
        }
    }

    let options: Options
    var screen: OpaquePointer?
    var isActive = false
    var styles: CursesStyles = .monochrome
    /// The last frame drawn; nil forces the next draw to repaint everything.
    var previousFrame: ScreenBuffer?
    var doubleClicks = DoubleClickDetector()
    var lastKnownSize: (width: Int, height: Int) = (0, 0)
    var lastDrawnWindowSize: (width: Int, height: Int) = (0, 0)

    /// Installs signal handlers + crash guard, then sets up curses. Throws when stdin/stdout is
    /// not a terminal or TERM is unusable.
    public init(options: Options) throws {
        self.options = options
        guard isatty(STDIN_FILENO) == 1 else { throw CursesTerminalError.notATerminal(stream: "standard input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw CursesTerminalError.notATerminal(stream: "standard output") }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else {
            throw CursesTerminalError.terminalTypeMissing
        }
        // curses keeps one global screen; the installed handlers mark that someone owns it.
        guard ct_installed() == 0 else { throw CursesTerminalError.alreadyActive }
        guard fd_terminal_is_usable(term) != 0 else { throw CursesTerminalError.unusableTerminal(term: term) }
        Self.chooseLocale()
        // Before newterm: ncurses only installs its own INT/TERM handlers over SIG_DFL, and the
        // crash guard must save the shell's termios, not curses' raw ones.
        guard ct_install() == 0 else { throw CursesTerminalError.signalSetupFailed(errno: errno) }
        // newterm, not initscr: initscr prints an error and exits the process on a bad TERM.
        guard let screen = newterm(nil, fd_stdout(), fd_stdin()), let window = fd_stdscr() else {
            ct_uninstall()
            throw CursesTerminalError.unusableTerminal(term: term)
        }
        self.screen = screen
        isActive = true
        ct_set_screen_active(1)
        configure(window)
        lastKnownSize = currentSize(of: window)
    }

    private func configure(_ window: UnsafeMutablePointer<WINDOW>) {
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)  // the cursor is hidden, so curses need not park it after updates
        set_escdelay(25)
        curs_set(0)
        styles = CursesStyles.start(wanted: options.colors)
        if options.mouse {
            // No REPORT_MOUSE_POSITION: motion reports would flood the queue for no use.
            mousemask(FD_ALL_MOUSE_EVENTS, nil)
            mouseinterval(0)  // report presses at once instead of waiting to detect clicks
        }
        ct_chain_sigwinch()
    }

    /// Ends curses and restores the terminal and signal handlers. Safe to call more than once.
    /// The user's locale, but always a UTF-8 character set: a LANG naming a locale the machine
    /// lacks (common over SSH) or an ASCII one would otherwise garble every wide character.
    private static func chooseLocale() {
        if setlocale(LC_ALL, "") == nil { setlocale(LC_ALL, "C.UTF-8") }
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        if codeset.uppercased().filter({ $0 != "-" }) != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    public func shutdown() {
        guard isActive else { return }
        isActive = false
        endwin()
        ct_set_screen_active(0)
        ct_uninstall()
        if let screen { delscreen(screen) }
        screen = nil
        previousFrame = nil
    }

    deinit {
        // Not on the main actor (and `isolated deinit` needs a newer macOS runtime): only give
        // the terminal back if the owner forgot shutdown(); delscreen is left to process exit.
        guard isActive else { return }
        endwin()
        ct_set_screen_active(0)
        ct_uninstall()
    }

    /// Columns and rows now (the last known size after shutdown).
    public var size: (width: Int, height: Int) {
        guard isActive, let window = fd_stdscr() else { return lastKnownSize }
        lastKnownSize = currentSize(of: window)
        return lastKnownSize
    }

    func currentSize(of window: UnsafeMutablePointer<WINDOW>) -> (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Whether SIGINT, SIGTERM or SIGHUP arrived (or the terminal went away).
    public var terminationRequested: Bool {
        ct_termination_requested() != 0
    }

    /// Gives the terminal to another program (e.g. `$EDITOR`) while `body` runs, then takes it
    /// back and repaints everything on the next draw. Ctrl-C meanwhile belongs to that program.
    public func suspend(while body: () throws -> Void) rethrows {
        guard isActive else { return try body() }
        def_prog_mode()
        endwin()
        ct_set_screen_active(0)
        ct_set_suspended(1)
        defer {
            ct_set_suspended(0)
            reset_prog_mode()
            ct_set_screen_active(1)
            if let window = fd_stdscr() { clearok(window, true) }  // the other program drew over us
            refresh()
            previousFrame = nil
        }
        try body()
    }
}
