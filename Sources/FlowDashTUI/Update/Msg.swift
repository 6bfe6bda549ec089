import FlowDashCore
import FlowDashKnowledge
import FlowDashScreen
import FlowDashService

/// Everything that can change the state: input, time, and the results of effects.
public enum Msg: Sendable {
    case input(InputEvent)
    /// A periodic tick: advances the spinner and refreshes the visible list.
    case tick
    /// The runs, and the definition files that do not load (asked for in the same refresh; its
    /// own failure never hides the runs).
    case activityLoaded(Result<[RunSummary], ErrorText>,
                        definitionFailures: Result<[DefinitionFailure], ErrorText> = .success([]))
    case reportLoaded(RunID, Result<RunReport, ErrorText>)
    case connectionsLoaded(Result<[ConnectionInfo], ErrorText>)
    /// The flows, and which have repair tips off (its own failure never hides the flows).
    case flowsLoaded(Result<[FlowSummary], ErrorText>, tipsOff: Result<Set<String>, ErrorText> = .success([]))
    case tipsLoaded(Result<[RepairTip], ErrorText>)
    /// The repair tip of the flow of run detail's run; nil when the flow is not failing.
    case flowTipLoaded(RunID, Result<RepairTip?, ErrorText>)
    /// The flow's repair tips were switched: `enabled` is the new setting.
    case tipsSwitched(flow: String, enabled: Bool, Result<Bool, ErrorText>)
    case verifyFinished(connection: String, Result<VerificationOutcome, ErrorText>)
    case resubmitted(from: RunID, Result<RunID, ErrorText>)
    /// The editor closed; the problems found in the saved definition (empty when valid).
    case editFinished(flow: String, Result<[DefinitionProblem], ErrorText>)
    /// The definition cannot be edited on this machine (no local file); nothing was opened.
    /// `text` is the source to show read-only, when the backend gave it.
    case definitionReadOnly(flow: String, reason: String, text: String? = nil)
    /// The dry run of rerunning a run's failed steps: how many would rerun.
    case failedStepsCounted(RunID, Result<Int, ErrorText>)
    /// The failed steps were cleared to run again: how many.
    case failedStepsRerun(RunID, Result<Int, ErrorText>)
    /// Self-help for the run's failure, with what its steps' placeholders stand for.
    case solutionsLoaded(RunID, Result<RunSolutions, ErrorText>)
    /// "Show solutions" for a described problem.
    case requestSolutionsFound(HelpRequest, Result<[Solution], ErrorText>)
    /// The run's support bundle was written: the file's path.
    case supportBundleWritten(RunID, Result<String, ErrorText>)
    /// The failure inbox, grouped by root cause.
    case inboxLoaded(Result<FailureInbox, ErrorText>)
    /// The open failures of a group, to show them (Enter on a group).
    case openFailuresLoaded(FailureCause, Result<[RunSummary], ErrorText>)
    /// The open failures of a group, to pick or drop them all (space on a group).
    case groupPicked(FailureCause, Result<[RunSummary], ErrorText>)
    /// The dry run of resubmitting a group (`r` on a group row).
    case bulkPlanned(Result<BulkResubmitPlan, ErrorText>)
    /// The picked runs' plan, with the connections that still refuse their credentials.
    case bulkPlanChecked(BulkResubmitPlan)
    /// One event of the bulk resubmit under way; many arrive for one effect.
    case bulkResubmitEvent(BulkResubmitEvent)
    /// The bulk resubmit's stream ended.
    case bulkResubmitEnded
    case ledgerLoaded(Result<[LedgerEntry], ErrorText>)
}

/// Work `update` asks for; the runtime performs it off the render loop and answers with a `Msg`.
public enum Effect: Sendable, Equatable {
    case loadActivity
    case loadReport(RunID)
    case loadConnections
    case loadFlows
    case loadTips
    /// The repair tip of `flow`, for run `run`'s detail.
    case loadFlowTip(flow: String, run: RunID)
    case setTips(flow: String, enabled: Bool)
    case verify(connection: String, secret: Secret)
    case resubmit(RunID)
    /// Reruns the run's failed steps in place; a dry run only counts them.
    case rerunFailedSteps(RunID, dryRun: Bool)
    /// Suspends the interface, opens the flow's definition in $VISUAL/$EDITOR, validates it.
    case editDefinition(flow: String)
    /// Self-help solutions for the run's failure.
    case loadSolutions(RunID)
    /// Ranks the knowledge entries for a described problem.
    case findSolutions(HelpRequest)
    /// Writes the run's support bundle (secrets removed) to the file `path`.
    case writeSupportBundle(RunID, path: String)
    case loadInbox
    case loadOpenFailures(FailureCause)
    /// Loads a group's open failures to pick (or drop) them all.
    case pickGroup(FailureCause)
    /// The dry run of resubmitting every open failure of a group.
    case planBulkResubmit(FailureCause)
    /// Checks a plan made here from picked runs for connections that still refuse them.
    case checkBulkPlan(BulkResubmitPlan)
    /// Resubmits the plan's runs at the default pace; answers with one message per event, then
    /// `.bulkResubmitEnded`.
    case bulkResubmit(BulkResubmitPlan)
    case loadLedger
}

extension Effect {
    /// Whether the effect streams for long (a bulk resubmit follows its runs for minutes): it is
    /// not counted in flight, so the spinner and the live refresh are not held up by it.
    var isLongRunning: Bool {
        if case .bulkResubmit = self { return true }
        return false
    }
}

/// An error already turned into one sanitised line for the status line.
public struct ErrorText: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
