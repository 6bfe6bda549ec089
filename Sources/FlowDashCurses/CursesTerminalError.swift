/// Why `CursesTerminal` could not take over the terminal.
public enum CursesTerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or run by CI).
    case notATerminal(stream: String)
    /// TERM is unset or empty.
    case terminalTypeMissing
    /// curses does not know TERM, or the terminal cannot address the cursor.
    case unusableTerminal(term: String)
    /// Another `CursesTerminal` owns the screen; curses has one global screen.
    case alreadyActive
    /// Installing the signal handlers failed with this errno.
    case signalSetupFailed(errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal; the dashboard needs an interactive terminal"
        case .terminalTypeMissing:
            return "TERM is not set; set it to your terminal type (e.g. xterm-256color)"
        case .unusableTerminal(let term):
            return "the terminal type '\(term)' is unknown or cannot move the cursor; try TERM=xterm-256color"
        case .alreadyActive:
            return "the terminal is already in use by another screen"
        case .signalSetupFailed(let code):
            return "could not install signal handlers (errno \(code))"
        }
    }
}
