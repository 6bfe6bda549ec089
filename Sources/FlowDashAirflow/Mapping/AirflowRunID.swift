import FlowDashCore

/// A DAG run's address. Airflow's run ids are unique only within their DAG, so FlowDash's
/// `RunID` holds both as `dag_id/dag_run_id`: `etl/manual__2026-11-25T08:00:00+00:00`.
///
/// A DAG id never contains `/` (Airflow allows letters, digits, `_`, `.`, `-`), so the first
/// `/` splits, and a run id may itself contain `/`.
public struct AirflowRunID: Hashable, Sendable, CustomStringConvertible {
    /// The DAG, i.e. the flow.
    public let dagID: String
    /// The run within that DAG.
    public let dagRunID: String

    /// Nil when either part could not address one run (empty, `~` which means "all", `.`/`..`).
    public init?(dagID: String, dagRunID: String) {
        guard Self.isSingleName(dagID), !dagID.contains("/"), Self.isSingleName(dagRunID) else { return nil }
        self.dagID = dagID
        self.dagRunID = dagRunID
    }

    /// Reads `dag_id/dag_run_id` back; nil for anything else.
    public init?(_ id: RunID) {
        guard let slash = id.rawValue.firstIndex(of: "/") else { return nil }
        self.init(dagID: String(id.rawValue[..<slash]),
                  dagRunID: String(id.rawValue[id.rawValue.index(after: slash)...]))
    }

    /// The id the rest of FlowDash uses.
    public var runID: RunID { RunID("\(dagID)/\(dagRunID)") }

    /// `dag_id/dag_run_id`, as the run id reads everywhere.
    public var description: String { runID.rawValue }

    /// Whether `name` names one thing in a path segment: `~` means "every DAG" or "every run"
    /// there, and `.`/`..` could be resolved away before reaching Airflow.
    static func isSingleName(_ name: String) -> Bool {
        !name.isEmpty && name != "~" && name != "." && name != ".."
    }
}

/// Checks a flow name before it goes into a URL path as a DAG id.
enum DAGName {
    /// `flow` when it can name one DAG; otherwise `flowNotFound`, as no DAG can have that id.
    static func validated(_ flow: String) throws -> String {
        guard AirflowRunID.isSingleName(flow), !flow.contains("/") else { throw BackendError.flowNotFound(flow) }
        return flow
    }
}
