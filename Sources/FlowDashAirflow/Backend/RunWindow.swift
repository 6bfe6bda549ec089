import FlowDashCore
import Foundation

/// The newest runs of one activity query as last fetched, and how to bring them up to date
/// from the runs that changed since.
struct RunWindow: Sendable {
    /// Newest first by `run_after`, at most the query's limit.
    let runs: [DAGRunDTO]
    /// The server's time when it answered the first page; nil when it sent no `Date`, which
    /// leaves the next refresh a full reload.
    let serverTime: Date?
    /// When the window was last reloaded in full (this process's monotonic clock: it only
    /// decides when to reload, it never filters rows).
    let fullyLoadedAt: ContinuousClock.Instant

    /// The window after `changed` (every run of the query's flow updated since the last poll,
    /// in any state) is applied: changed runs replace their old rows, new ones come in, runs
    /// that left the filter (a failed run cleared and running again) go out, newest first,
    /// trimmed to `limit`. Nil when only a full reload can tell the answer: a full window lost
    /// a run, so an older run the window never held should now move up into it.
    static func merged(
        _ previous: [DAGRunDTO], with changed: [DAGRunDTO], limit: Int, failedOnly: Bool
    ) -> [DAGRunDTO]? {
        let changedIDs = Set(changed.map(RunMapping.runID(of:)))
        let kept = previous.filter { !changedIDs.contains(RunMapping.runID(of: $0)) }
        let incoming = failedOnly ? changed.filter { StateMapping.runStatus($0.state) == .failed } : changed
        // why: ties on run_after keep a stable order, the changed rows first as the server's
        // own order (run_after, then id, both descending) puts the newer row first.
        let ordered = (incoming + kept).enumerated().sorted { left, right in
            let leftTime = left.element.runAfter ?? .distantPast, rightTime = right.element.runAfter ?? .distantPast
            return leftTime != rightTime ? leftTime > rightTime : left.offset < right.offset
        }.map(\.element)
        if previous.count >= limit && ordered.count < limit { return nil }
        return Array(ordered.prefix(limit))
    }

    /// The oldest `run_after` a changed run can have and still belong in a full window; nil
    /// when the window is not full (every run of the query is in it, so any may change).
    /// One second early because query dates carry milliseconds and `run_after` microseconds.
    static func lowerBound(of previous: [DAGRunDTO], limit: Int) -> Date? {
        guard previous.count >= limit, let oldest = previous.last?.runAfter else { return nil }
        return oldest.addingTimeInterval(-1)
    }
}

/// The last window of each recent activity query, so that the next call asks only for what
/// changed. A few queries are kept (the interface switches between all runs, failed runs and
/// one flow); the least recently stored goes first.
actor RunWindows {
    private var windows: [ActivityQuery: RunWindow] = [:]
    private var order: [ActivityQuery] = []
    private let capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
    }

    func window(for query: ActivityQuery) -> RunWindow? { windows[query] }

    func store(_ window: RunWindow, for query: ActivityQuery) {
        windows[query] = window
        order.removeAll { $0 == query }
        order.append(query)
        while order.count > capacity { windows[order.removeFirst()] = nil }
    }
}
