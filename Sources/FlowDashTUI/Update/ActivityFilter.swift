import Foundation
import FlowDashCore

/// The activity list as drawn: definition files that do not load first (they block every run of
/// their flow), then runs that need attention (failed or interrupted), newest first, then the
/// rest newest first; narrowed by the `/` text and the `f` status filter. The activity
/// selection indexes this array.
public func visibleItems(_ state: AppState) -> [ActivityItem] {
    let rows = ActivityRows(state)
    return rows.failures.map(ActivityItem.definition) + rows.runs.map(ActivityItem.run)
}

/// How many rows the activity list has; without a filter it needs no sort.
public func visibleItemCount(_ state: AppState) -> Int {
    let activity = state.activity
    guard activity.statusFilter != .all || !activity.filterText.trimmingCharacters(in: .whitespaces).isEmpty else {
        return activity.definitionFailures.count + activity.list.items.count
    }
    return ActivityRows(state).count
}

/// The runs of the activity list as drawn, without the definition failures.
public func visibleRuns(_ state: AppState) -> [RunSummary] { ActivityRows(state).runs }

/// The item under the activity cursor.
public func selectedItem(_ state: AppState) -> ActivityItem? {
    let rows = ActivityRows(state)
    let selection = state.activity.list.selection
    return rows.indices.contains(selection) ? rows[selection] : nil
}

/// The run under the activity cursor; nil when a definition failure is selected.
public func selectedRun(_ state: AppState) -> RunSummary? { selectedItem(state)?.run }

/// The activity list's rows, failures then runs, filtered and ordered; an item is made only for
/// the rows asked for.
/// why: a frame asks for the list several times (rows, hints); wrapping each of a few hundred
/// runs in an item every time cost about a tenth of the frame budget.
struct ActivityRows {
    let failures: [DefinitionFailure]
    let runs: [RunSummary]

    init(_ state: AppState) {
        let filter = state.activity.statusFilter
        let text = state.activity.filterText.trimmingCharacters(in: .whitespaces).lowercased()
        failures = state.activity.definitionFailures.filter { failure in
            ActivityOrder.matches(failure, filter) && (text.isEmpty || ActivityOrder.matches(failure, text: text))
        }
        runs = ActivityOrder.sorted(state.activity.list.items).filter { run in
            ActivityOrder.matches(run, filter) && (text.isEmpty || ActivityOrder.matches(run, text: text))
        }
    }

    var count: Int { failures.count + runs.count }
    var indices: Range<Int> { 0..<count }

    subscript(index: Int) -> ActivityItem {
        index < failures.count ? .definition(failures[index]) : .run(runs[index - failures.count])
    }

    /// Whether row `index` is in the needs-attention part.
    func needsAttention(_ index: Int) -> Bool {
        index < failures.count || ActivityOrder.needsAttention(runs[index - failures.count])
    }

    /// Rows in the needs-attention part.
    var attentionCount: Int { failures.count + runs.filter(ActivityOrder.needsAttention).count }
}

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
        func precedes(_ leftIndex: Int, _ rightIndex: Int) -> Bool {
            let left = keys[leftIndex], right = keys[rightIndex]
            if left.attention != right.attention { return left.attention }
            if left.started != right.started { return left.started > right.started }
            return left.id > right.id
        }
        // why: the list is stored in this order (`activityLoaded` sorts it), and a frame asks for
        // it several times (rows, hints); one pass that finds it sorted is cheaper than a sort.
        if keys.indices.dropFirst().allSatisfy({ !precedes($0, $0 - 1) }) { return runs }
        return keys.indices.sorted(by: precedes).map { runs[$0] }
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
