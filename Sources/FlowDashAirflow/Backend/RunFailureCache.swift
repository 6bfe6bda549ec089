import FlowDashCore
import Foundation

/// The failure found for each failed run, so the activity list reads a failed run's log once,
/// not on every refresh. An entry holds only while the run's end date is the same: clearing and
/// rerunning a task gives the run a new one.
actor RunFailureCache {
    private struct Entry {
        let endDate: Date?
        let failure: RunFailure?
    }

    private let capacity: Int
    private var entries: [RunID: Entry] = [:]
    /// Insertion order, to drop the oldest entries first.
    private var order: [RunID] = []

    init(capacity: Int = 2_000) {
        self.capacity = max(capacity, 1)
    }

    /// `.some(failure)` when known for this end date (the failure itself may be nil: a run
    /// marked failed by hand has no failed task); nil when it has to be looked up.
    func failure(of run: RunID, endedAt endDate: Date?) -> RunFailure?? {
        guard let entry = entries[run], entry.endDate == endDate else { return nil }
        return .some(entry.failure)
    }

    func remember(_ failure: RunFailure?, of run: RunID, endedAt endDate: Date?) {
        if entries.updateValue(Entry(endDate: endDate, failure: failure), forKey: run) == nil {
            order.append(run)
        }
        if order.count > capacity {
            let dropped = order.prefix(order.count - capacity)
            dropped.forEach { entries[$0] = nil }
            order.removeFirst(dropped.count)
        }
    }
}
