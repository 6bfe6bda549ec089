/// What every engine FlowDash drives must offer. The service layer is its only caller.
public protocol FlowBackend: Sendable {
    /// A short name for messages, e.g. `embedded` or `airflow`.
    var kind: String { get }

    /// Runs, newest first.
    func activity(_ query: ActivityQuery) async throws -> [RunSummary]
    func run(_ id: RunID) async throws -> RunDetail
    func flows() async throws -> [FlowSummary]
    func connections() async throws -> [ConnectionInfo]

    /// Proves `secret` with a real request; stores it only when the server accepts it.
    func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome
    /// Starts a run and returns at once; the run goes on in the background.
    func startRun(flow: String, inputs: TriggerInputs, resubmittedFrom: RunID?) async throws -> RunID

    func definition(of flow: String) async throws -> DefinitionSource
    /// Problems in the flow's definition as it is now; empty when it is valid.
    func validateDefinition(of flow: String) async throws -> [DefinitionProblem]
    /// Definition files that do not load now, newest first, at most `limit`.
    func definitionFailures(limit: Int) async throws -> [DefinitionFailure]
}

/// A backend that can rerun only a run's failed steps, in the same run (Airflow: clear the
/// failed task instances). The embedded engine cannot: its resubmit starts a new run instead.
public protocol FailedStepsRerunning: FlowBackend {
    /// Clears the run's failed steps so that they run again; a dry run changes nothing.
    /// Returns how many steps are (or would be) rerun.
    func rerunFailedSteps(of run: RunID, dryRun: Bool) async throws -> Int
}

/// Which runs the activity list wants.
public struct ActivityQuery: Hashable, Sendable {
    public var failedOnly: Bool
    public var flow: String?
    public var limit: Int

    public init(failedOnly: Bool = false, flow: String? = nil, limit: Int = 50) {
        self.failedOnly = failedOnly
        self.flow = flow
        self.limit = limit
    }
}

/// Errors a backend reports; each reads as one clear line.
public enum BackendError: Error, Sendable, Equatable, CustomStringConvertible {
    case runNotFound(RunID)
    case flowNotFound(String)
    case connectionNotFound(String)
    case invalidDefinition([DefinitionProblem])
    case unreachable(String)
    case malformedResponse(String)
    case storage(String)

    public var description: String {
        switch self {
        case .runNotFound(let id): "no run with id \(id)"
        case .flowNotFound(let name): "no flow named '\(name)'"
        case .connectionNotFound(let name): "no connection named '\(name)'"
        case .invalidDefinition(let problems):
            problems.map(\.description).joined(separator: "\n")
        case .unreachable(let detail): "cannot reach the backend: \(detail)"
        case .malformedResponse(let detail): "the backend answered something unreadable: \(detail)"
        case .storage(let detail): "the run store failed: \(detail)"
        }
    }
}
