import FlowDashCore
import FlowDashService
import Foundation

/// Everything the interface shows, as plain data. `update` changes it; views only read it.
public struct AppState: Sendable {
    /// Navigation stack; the last route is on screen. Never empty: the first is `.activity`.
    public var stack: [Route] = [.activity]
    public var activity = ActivityState()
    public var runDetail: RunDetailState?
    public var connections = ListState<ConnectionInfo>()
    public var flows = ListState<FlowSummary>()
    /// Flows whose repair tips are switched off (`t` on the flows screen).
    public var flowsWithTipsOff: Set<String> = []
    /// `:tips`: the repair tip of every failing flow.
    public var tips = ListState<RepairTip>()
    /// The failure inbox grouped by root cause (`G`), and the group drilled into.
    public var inbox = InboxState()
    /// Runs picked with space for a bulk resubmit; Esc clears it.
    public var picked = RunSelection()
    /// The bulk resubmit under way or last finished (its progress screen).
    public var bulk: BulkProgressState?
    /// `:ledger`: resubmissions, newest first.
    public var ledger = ListState<LedgerEntry>()
    /// The Help screen (`h` on a run): self-help solutions for it or for a described problem.
    public var help: HelpState?
    /// Where `b` on the Help screen writes support bundles; the launcher sets it
    /// (`$XDG_DATA_HOME/flowdash/support`). Nil: the key says there is no folder.
    public var supportFolder: String?
    /// A dialog or prompt on top of the screen; it takes the keys while it is open.
    public var modal: Modal?
    public var status = StatusLine()
    /// Actions that change remote state are refused, with the reason, when true.
    public var readOnly: Bool
    /// Whether the backend reruns a run's failed steps in place (Airflow); the runtime sets it
    /// from the service at start. Without it `x` is off and says to resubmit instead.
    public var canRerunFailedSteps: Bool
    /// The read-only source on screen when the route is `.source`.
    public var source: SourceViewState?
    public var size: (width: Int, height: Int)
    public var shouldQuit = false
    /// The theme in use, by name; `:theme NAME` changes it and the runtime resolves it.
    public var themeName = "default"
    /// Theme names `:theme` completes against; the runtime fills it from the themes it knows.
    public var availableThemes: [String] = []
    /// When the on-screen data was last requested or received; paces the live refresh.
    public var lastRefresh: Date?

    public init(readOnly: Bool = false, size: (width: Int, height: Int) = (80, 24), canRerunFailedSteps: Bool = false) {
        self.readOnly = readOnly
        self.size = size
        self.canRerunFailedSteps = canRerunFailedSteps
    }

    public var route: Route { stack.last ?? .activity }
}

public enum Route: Hashable, Sendable {
    case activity
    case runDetail(RunID)
    case connections
    case flows
    /// A definition file that does not load, by its file as the backend names it.
    case definitionFailure(file: String)
    /// A flow's definition shown read-only (it is not a file on this machine).
    case source(flow: String)
    /// Every failing flow with its repair tip.
    case tips
    /// Self-help for a run: matching solutions, "ask for help", the support bundle.
    case help(RunID)
    /// The failure inbox: one row per root cause, biggest first.
    case inbox
    /// One group's open failures.
    case inboxGroup(FailureCause)
    /// A bulk resubmit's progress.
    case bulkResubmit
    /// Resubmissions: original → resubmitted → outcome.
    case ledger
}

/// A selectable list and its scroll position.
public struct ListState<Item: Sendable>: Sendable {
    public var items: [Item] = []
    public var selection = 0
    /// First visible row; views keep the selection in sight.
    public var offset = 0
    public var loaded = false

    public init() {}

    public var selected: Item? { items.indices.contains(selection) ? items[selection] : nil }
}

public enum StatusFilter: String, CaseIterable, Sendable {
    case all, failed, succeeded, running
}

public struct ActivityState: Sendable {
    /// The runs; the selection indexes `visibleItems`, which puts definition failures first.
    public var list = ListState<RunSummary>()
    /// Definition files that do not load, newest first, as the last refresh found them.
    public var definitionFailures: [DefinitionFailure] = []
    /// Why the last refresh could not list them; kept so that the status line says it once.
    public var definitionFailuresError: ErrorText?
    /// Text typed after `/`; matches flow, status, failure kind, code and message.
    public var filterText = ""
    public var statusFilter = StatusFilter.all

    public init() {}
}

public struct RunDetailState: Sendable {
    public let runID: RunID
    public var report: RunReport?
    /// Selected step index; on entry the failing step.
    public var selection = 0
    /// First visible step row; kept by `update` so mouse hit-testing matches what is drawn.
    public var offset = 0
    /// Step whose inputs/outputs are shown (Enter on a step).
    public var expandedStep: Int?
    /// The repair tip of the run's flow, when it is failing: adds "When" and the streak count.
    public var tip: RepairTip?

    public init(runID: RunID) { self.runID = runID }
}

public enum Modal: Sendable {
    case confirm(ConfirmRequest)
    case verify(VerifyDialog)
    /// Several connections may have failed the step: the operator picks the one to verify.
    case pickConnection(ConnectionPicker)
    case help
    case commandLine(PromptState)
    case filter(PromptState)
    /// "Ask for help" on the Help screen.
    case askHelp(HelpForm)
    /// A bulk resubmit's dry run; the operator types the count to go ahead.
    case bulkResubmit(BulkResubmitDialog)
}

/// A remote-changing action waiting for y/Enter or n/Esc.
public struct ConfirmRequest: Sendable, Equatable {
    public let action: PendingAction
    public init(action: PendingAction) { self.action = action }
}

public enum PendingAction: Sendable, Equatable {
    case resubmit(RunID)
    /// Rerun in place the `count` failed steps a dry run found.
    case rerunFailedSteps(RunID, count: Int)
}

public struct VerifyDialog: Sendable {
    public enum Phase: Sendable, Equatable {
        case typing
        case probing
        /// The last attempt failed; the field is cleared for another try.
        case rejected(String)
    }

    public let connection: String
    /// The secret being typed. Views draw it masked; it never leaves this struct except in the
    /// `.verify` effect.
    public var secret = ""
    public var phase = Phase.typing
    /// When opened from a failed run: return there and offer resubmit after success.
    public let returnTo: RunID?

    public init(connection: String, returnTo: RunID?) {
        self.connection = connection
        self.returnTo = returnTo
    }
}

/// The connections a failed step may have gone through, best first, one of them selected.
public struct ConnectionPicker: Sendable, Equatable {
    public let step: String
    public let leads: [ConnectionLead]
    public var selection = 0
    /// As for the verify dialog it opens: the failed run to return to.
    public let returnTo: RunID?

    public init(step: String, leads: [ConnectionLead], returnTo: RunID?) {
        self.step = step
        self.leads = leads
        self.returnTo = returnTo
    }
}

public struct PromptState: Sendable, Equatable {
    public var text = ""
    public init(text: String = "") { self.text = text }
}

public struct StatusLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case info, success, error }

    public var message = StatusMessage.none
    public var kind = Kind.info
    /// Effects still running; the spinner shows while it is above zero.
    public var inFlight = 0
    /// Advanced by `.tick`; picks the spinner frame.
    public var spinnerFrame = 0

    public init() {}
}
