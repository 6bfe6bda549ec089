import FlowDashCore
import Foundation

/// DAG runs as FlowDash runs.
enum RunMapping {
    /// The run as the activity list shows it; `failure` comes from its failed task's log.
    static func summary(of run: DAGRunDTO, failure: RunFailure? = nil) -> RunSummary {
        let status = StateMapping.runStatus(run.state)
        return RunSummary(
            id: runID(of: run), flow: run.dagID, status: status,
            startedAt: startedAt(of: run),
            finishedAt: status.isFinished ? run.endDate : nil,
            inputs: inputs(from: run.conf),
            resubmittedFrom: ResubmitNote.original(in: run.note),
            failure: status == .failed ? failure : nil)
    }

    /// `dag_id/dag_run_id`.
    static func runID(of run: DAGRunDTO) -> RunID {
        // why: both parts come from Airflow, which never sends an empty or `~` id; joining them
        // directly keeps even an odd id listable rather than dropping the run.
        AirflowRunID(dagID: run.dagID, dagRunID: run.dagRunID)?.runID ?? RunID("\(run.dagID)/\(run.dagRunID)")
    }

    /// When the run started, or for a run still queued, when it was queued or due. Airflow 3
    /// always sends `run_after`, so the epoch is only for a server that sends none of them.
    static func startedAt(of run: DAGRunDTO) -> Date {
        run.startDate ?? run.queuedAt ?? run.runAfter ?? run.logicalDate ?? Date(timeIntervalSince1970: 0)
    }

    /// `conf` as trigger inputs: strings as they are, other values as compact JSON.
    static func inputs(from conf: [String: JSONValue]?) -> TriggerInputs {
        TriggerInputs((conf ?? [:]).mapValues(\.displayText))
    }
}
