import FlowDashCore

/// The answers to rerunning a run's failed steps in place: the dry run's count opens the
/// confirmation, the real rerun reports and refreshes what shows the run.
enum UpdateRerunResult {
    /// Nothing to rerun or a failed count only says so; a count asks for confirmation, unless
    /// another dialog opened meanwhile (it is not covered: the status line says to ask again).
    static func counted(_ id: RunID, _ result: Result<Int, ErrorText>, _ state: inout AppState) {
        guard let count = UpdateResults.value(of: result, &state) else { return }
        guard count > 0 else {
            state.status.show(.noFailedStepsToRerun(id))
            return
        }
        guard state.modal == nil else {
            state.status.show(.failedStepsReady(id, count: count))
            return
        }
        state.status.show(.none)
        state.modal = .confirm(ConfirmRequest(action: .rerunFailedSteps(id, count: count)))
    }

    /// The run runs again under the same id: reload its detail when it is shown (ticks then
    /// follow it live, as after a resubmit) and the activity list.
    static func rerun(_ id: RunID, _ result: Result<Int, ErrorText>, _ state: inout AppState) -> [Effect] {
        guard let count = UpdateResults.value(of: result, &state) else { return [] }
        state.status.show(.failedStepsRerun(id, count: count))
        guard state.runDetail?.runID == id else { return [.loadActivity] }
        return [.loadReport(id), .loadActivity]
    }
}
