import Foundation
import FlowDashCore

/// The activity list as drawn: definition files that do not load first (they block every run of
/// their flow), then runs that need attention (failed or interrupted), newest first, then the
/// rest newest first; narrowed by the `/` text and the `f` status filter. The activity
/// selection indexes this array.
public func visibleItems(_ state: AppState) -> [ActivityItem] {
    let filter = state.activity.statusFilter
    let text = state.activity.filterText.trimmingCharacters(in: .whitespaces).lowercased()
    let failures = state.activity.definitionFailures.filter { failure in
        ActivityOrder.matches(failure, filter) && (text.isEmpty || ActivityOrder.matches(failure, text: text))
    }
    let runs = ActivityOrder.sorted(state.activity.list.items).filter { run in
        ActivityOrder.matches(run, filter) && (text.isEmpty || ActivityOrder.matches(run, text: text))
    }
    return failures.map(ActivityItem.definition) + runs.map(ActivityItem.run)
}

/// The runs of the activity list as drawn, without the definition failures.
public func visibleRuns(_ state: AppState) -> [RunSummary] {
    visibleItems(state).compactMap(\.run)
}

/// The item under the activity cursor.
public func selectedItem(_ state: AppState) -> ActivityItem? {
    let items = visibleItems(state)
    let selection = state.activity.list.selection
    return items.indices.contains(selection) ? items[selection] : nil
}

/// The run under the activity cursor; nil when a definition failure is selected.
public func selectedRun(_ state: AppState) -> RunSummary? { selectedItem(state)?.run }

/// Ordering and matching rules for the activity list.
public enum ActivityOrder {
    /// Failed and interrupted runs: the operator has something to fix.
    public static func needsAttention(_ run: RunSummary) -> Bool {
        run.status == .failed || run.status == .interrupted
    }

    /// Needs-attention runs first, each group newest first; ties broken by id, newest first.
    public static func sorted(_ runs: [RunSummary]) -> [RunSummary] {
        // why: sorting small keys, not the runs themselves, keeps a frame's re-sort of a few
        // hundred runs from copying (and retaining) every field of every run at each comparison.
        let keys = runs.map { (attention: needsAttention($0), started: $0.startedAt, id: $0.id) }
        let order = keys.indices.sorted { leftIndex, rightIndex in
            let left = keys[leftIndex], right = keys[rightIndex]
            if left.attention != right.attention { return left.attention }
            if left.started != right.started { return left.started > right.started }
            return left.id > right.id
        }
        return order.map { runs[$0] }
    }

    /// Whether `run` passes the status filter; "failed" means needs attention, "running"
    /// includes queued runs.
    public static func matches(_ run: RunSummary, _ filter: StatusFilter) -> Bool {
        switch filter {
        case .all: true
        case .failed: needsAttention(run)
        case .succeeded: run.status == .succeeded
        case .running: !run.status.isFinished
        }
    }

    /// Whether lowercased `text` occurs in the run's id, flow, status or failure kind, code or
    /// message.
    public static func matches(_ run: RunSummary, text: String) -> Bool {
        var fields = [run.id.rawValue, run.flow, run.status.rawValue]
        if let failure = run.failure {
            fields += [failure.kind.rawValue, failure.code, failure.message]
        }
        return fields.contains { $0.lowercased().contains(text) }
    }

    /// A definition that does not load is a failure: it shows with all and with failed.
    public static func matches(_ failure: DefinitionFailure, _ filter: StatusFilter) -> Bool {
        filter == .all || filter == .failed
    }

    /// Whether lowercased `text` occurs in the file, the flow, or the failure's kind, code or
    /// message, as for a failed run.
    public static func matches(_ failure: DefinitionFailure, text: String) -> Bool {
        let summary = failure.failure
        let fields = [failure.file, failure.flow ?? "", RunStatus.failed.rawValue, summary.kind.rawValue,
                      summary.code, summary.message]
        return fields.contains { $0.lowercased().contains(text) }
    }
}
