import FlowDashCore
import FlowDashService

/// What the status line says, as data: views put it into the user's language.
public enum StatusMessage: Sendable, Equatable {
    case none
    case loading
    /// A service call failed; `ErrorText` is already one sanitised line.
    case failed(ErrorText)
    case verified(connection: String)
    case verifyRejected(connection: String, code: String, message: String)
    case verifyInconclusive(connection: String, code: String, message: String)
    /// Nothing tells which connection the failing step used; the connections list is open.
    case connectionUnknown(step: String)
    /// The connection is defined where the backend cannot list it, so it cannot be verified here.
    case connectionUnlisted(String)
    case resubmitting(RunID)
    case resubmitted(from: RunID, to: RunID)
    case runFinished(RunID, RunStatus)
    case definitionValid(flow: String)
    case definitionUnchanged(flow: String)
    /// The edit is kept; the first problem is shown (file:line: message).
    case definitionInvalid(flow: String, firstProblem: String, count: Int)
    case definitionReadOnly(flow: String, reason: String)
    /// A definition failure has no flow FlowDash can open; where to edit it (file:line).
    case editDefinitionElsewhere(location: String)
    /// Listing the definition files that do not load failed; the runs are still shown.
    case definitionFailuresUnavailable(ErrorText)
    case countingFailedSteps(RunID)
    case noFailedStepsToRerun(RunID)
    /// The dry run found steps but a dialog was open; pressing the key again asks.
    case failedStepsReady(RunID, count: Int)
    case rerunningFailedSteps(RunID)
    case failedStepsRerun(RunID, count: Int)
    /// The action is off; why (read-only mode, run still going, no failing step…).
    case actionDisabled(Action, reason: DisabledReason)
    case unknownCommand(String)
    case themeChanged(String)
    /// The flow's repair tips are now on (`enabled`) or off.
    case tipsSwitched(flow: String, enabled: Bool)
    case cancelled
    /// Looking up self-help solutions (for a run, or for a described problem).
    case findingSolutions
    case writingSupportBundle(RunID)
    /// The bundle is at `path`, secrets removed; the operator should check it before sending it.
    case supportBundleWritten(path: String)
    /// Shown when the demo opens: which connection to verify, and with what.
    case demoReady(connection: String, token: String)
    /// How many runs are picked for a bulk resubmit.
    case picked(count: Int)
    case selectionCleared
    /// Loading a group's open failures (to pick them, or to plan their resubmit).
    case loadingGroup
    /// The group has no open failures any more.
    case groupEmpty
    case bulkResubmitStarted(count: Int)
    case bulkResubmitFinished(BulkResubmitTally)
    /// The operator left the progress screen; the resubmits go on.
    case bulkResubmitGoesOn
    /// Another bulk resubmit is still going; one at a time.
    case bulkResubmitStillGoing
}

/// Why a key does nothing right now; shown in the status line and in help.
public enum DisabledReason: Sendable, Equatable {
    case readOnly
    case runNotFinished
    case nothingSelected
    case noConnection
    /// The engine cannot rerun steps in place; resubmitting is its way to run again.
    case rerunsByResubmitting
    /// The run did not fail, so it has no failed steps.
    case runDidNotFail
    /// No folder to write support bundles to was given.
    case noSupportFolder
    /// The run was resubmitted already (as the run named); resubmitting it again would replay it twice.
    case alreadyResubmitted(as: RunID)
}
