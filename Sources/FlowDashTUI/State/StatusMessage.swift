import FlowDashCore

/// What the status line says, as data: views put it into the user's language.
public enum StatusMessage: Sendable, Equatable {
    case none
    case loading
    /// A service call failed; `ErrorText` is already one sanitised line.
    case failed(ErrorText)
    case verified(connection: String)
    case verifyRejected(connection: String, code: String, message: String)
    case verifyInconclusive(connection: String, code: String, message: String)
    case resubmitting(RunID)
    case resubmitted(from: RunID, to: RunID)
    case runFinished(RunID, RunStatus)
    case definitionValid(flow: String)
    case definitionUnchanged(flow: String)
    /// The edit is kept; the first problem is shown (file:line: message).
    case definitionInvalid(flow: String, firstProblem: String, count: Int)
    case definitionReadOnly(flow: String, reason: String)
    /// The action is off; why (read-only mode, run still going, no failing step…).
    case actionDisabled(Action, reason: DisabledReason)
    case unknownCommand(String)
    case themeChanged(String)
    case cancelled
    /// Shown when the demo opens: which connection to verify, and with what.
    case demoReady(connection: String, token: String)
}

/// Why a key does nothing right now; shown in the status line and in help.
public enum DisabledReason: Sendable, Equatable {
    case readOnly
    case runNotFinished
    case nothingSelected
    case noConnection
}
