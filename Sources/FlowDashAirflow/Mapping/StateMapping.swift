import FlowDashCore

/// Airflow's states in FlowDash's words.
enum StateMapping {
    /// DAG run states. A state a later Airflow may add reads as running: not final, so nothing
    /// treats it as done or offers to resubmit it.
    static func runStatus(_ state: String) -> RunStatus {
        switch state {
        case "queued": .queued
        case "running": .running
        case "success": .succeeded
        case "failed": .failed
        default: .running
        }
    }

    /// Task instance states. `up_for_retry` is running because Airflow will try again;
    /// `upstream_failed` is skipped because the task never ran — the failure is upstream.
    static func stepStatus(_ state: String?) -> StepStatus {
        switch state {
        case "running", "up_for_retry", "up_for_reschedule", "restarting", "deferred": .running
        case "success": .succeeded
        case "failed": .failed
        case "skipped", "upstream_failed", "removed": .skipped
        default: .pending // nil (not yet scheduled or just cleared), scheduled, queued
        }
    }
}
