import FlowDashCore
import FlowDashScreen
import FlowDashService

/// Everything that can change the state: input, time, and the results of effects.
public enum Msg: Sendable {
    case input(InputEvent)
    /// A periodic tick: advances the spinner and refreshes the visible list.
    case tick
    case activityLoaded(Result<[RunSummary], ErrorText>)
    case reportLoaded(RunID, Result<RunReport, ErrorText>)
    case connectionsLoaded(Result<[ConnectionInfo], ErrorText>)
    case flowsLoaded(Result<[FlowSummary], ErrorText>)
    case verifyFinished(connection: String, Result<VerificationOutcome, ErrorText>)
    case resubmitted(from: RunID, Result<RunID, ErrorText>)
    /// The editor closed; the problems found in the saved definition (empty when valid).
    case editFinished(flow: String, Result<[DefinitionProblem], ErrorText>)
    /// The definition cannot be edited on this machine (no local file); nothing was opened.
    case definitionReadOnly(flow: String, reason: String)
}

/// Work `update` asks for; the runtime performs it off the render loop and answers with a `Msg`.
public enum Effect: Sendable, Equatable {
    case loadActivity
    case loadReport(RunID)
    case loadConnections
    case loadFlows
    case verify(connection: String, secret: Secret)
    case resubmit(RunID)
    /// Suspends the interface, opens the flow's definition in $VISUAL/$EDITOR, validates it.
    case editDefinition(flow: String)
}

/// An error already turned into one sanitised line for the status line.
public struct ErrorText: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
