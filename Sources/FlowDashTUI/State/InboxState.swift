import FlowDashCore
import FlowDashService

/// The failure inbox (`G`): open failures grouped by root cause, and the group drilled into.
public struct InboxState: Sendable {
    /// One row per group, biggest first, as the service ordered them.
    public var groups = ListState<FailureGroup>()
    /// The inbox was worked out from recent runs only; counts are lower bounds.
    public var isPartial = false
    /// The open failures of the group on screen (`.inboxGroup`), newest first.
    public var groupRuns = ListState<RunSummary>()
    /// Which cause `groupRuns` belongs to; a late answer for another group is dropped.
    public var groupCause: FailureCause?

    public init() {}
}

/// Runs picked with space for a bulk resubmit, across the activity list and the inbox.
public struct RunSelection: Sendable, Equatable {
    /// Picked runs by id; only failed runs are ever added.
    public private(set) var runs: [RunID: RunSummary] = [:]
    /// Groups picked whole (space on a group row), so their rows show the mark.
    public private(set) var groups: Set<FailureCause> = []

    public init() {}

    public var count: Int { runs.count }
    public var isEmpty: Bool { runs.isEmpty }
    public func contains(_ id: RunID) -> Bool { runs[id] != nil }
    public func contains(group cause: FailureCause) -> Bool { groups.contains(cause) }
    /// The picked runs, oldest id first (the plan orders them again by creation).
    public var list: [RunSummary] { runs.values.sorted { $0.id < $1.id } }

    /// Adds the run, or removes it when already picked; returns whether it is picked now.
    @discardableResult
    public mutating func toggle(_ run: RunSummary) -> Bool {
        if runs.removeValue(forKey: run.id) != nil {
            if let cause = FailureCause(of: run.failure) { groups.remove(cause) }
            return false
        }
        runs[run.id] = run
        return true
    }

    /// Picks every run of the group, or drops them all when every one is already picked.
    /// Returns whether the group is picked now.
    @discardableResult
    public mutating func toggle(group cause: FailureCause, runs members: [RunSummary]) -> Bool {
        let allPicked = !members.isEmpty && members.allSatisfy { runs[$0.id] != nil }
        if allPicked || (members.isEmpty && groups.contains(cause)) {
            for member in members { runs[member.id] = nil }
            groups.remove(cause)
            return false
        }
        for member in members where member.status == .failed { runs[member.id] = member }
        groups.insert(cause)
        return true
    }

    public mutating func clear() { self = RunSelection() }
}

extension FailureCause {
    /// The cause of `failure`, nil without one.
    init?(of failure: RunFailure?) {
        guard let failure else { return nil }
        self.init(of: failure)
    }
}

/// The dry run of a bulk resubmit on screen: the operator types the count to go ahead.
public struct BulkResubmitDialog: Sendable, Equatable {
    public var plan: BulkResubmitPlan
    /// What the operator typed so far.
    public var typed = ""
    /// Why the last Enter was refused, shown under the field.
    public var refusal: Refusal?

    public enum Refusal: Sendable, Equatable {
        case wrongCount
        case nothingToResubmit
    }

    public init(plan: BulkResubmitPlan) { self.plan = plan }
}
