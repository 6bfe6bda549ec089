import Foundation
import FlowDashCore

/// The activity list as drawn: runs that need attention (failed or interrupted) first, newest
/// first, then the rest newest first; narrowed by the `/` text and the `f` status filter. The
/// activity selection indexes this array.
public func visibleRuns(_ state: AppState) -> [RunSummary] {
    let filter = state.activity.statusFilter
    let text = state.activity.filterText.trimmingCharacters(in: .whitespaces).lowercased()
    return ActivityOrder.sorted(state.activity.list.items).filter { run in
        ActivityOrder.matches(run, filter) && (text.isEmpty || ActivityOrder.matches(run, text: text))
    }
}

/// The run under the activity cursor.
public func selectedRun(_ state: AppState) -> RunSummary? {
    let runs = visibleRuns(state)
    let selection = state.activity.list.selection
    return runs.indices.contains(selection) ? runs[selection] : nil
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
}
