import FlowDashCore
import Foundation

/// The failure found for each failed run, so the activity list reads a failed run's log once,
/// not on every refresh. An entry holds only while the run's end date is the same: clearing and
/// rerunning a task gives the run a new one. With a file, entries outlive the process (the CLI
/// starts fresh on every command): read on first use, written by `save()`.
actor RunFailureCache {
    private struct Entry {
        let endDate: Date?
        let failure: RunFailure?
    }

    private let capacity: Int
    private let file: FailureCacheFile?
    private var entries: [RunID: Entry] = [:]
    /// Insertion order, to drop the oldest entries first.
    private var order: [RunID] = []
    private var loaded = false
    private var changed = false

    init(capacity: Int = 2_000, file: FailureCacheFile? = nil) {
        self.capacity = max(capacity, 1)
        self.file = file
    }

    /// `.some(failure)` when known for this end date (the failure itself may be nil: a run
    /// marked failed by hand has no failed task); nil when it has to be looked up.
    func failure(of run: RunID, endedAt endDate: Date?) -> RunFailure?? {
        loadIfNeeded()
        guard let entry = entries[run], entry.endDate == endDate else { return nil }
        return .some(entry.failure)
    }

    func remember(_ failure: RunFailure?, of run: RunID, endedAt endDate: Date?) {
        loadIfNeeded()
        insert(Entry(endDate: endDate, failure: failure), for: run)
        changed = true
    }

    /// Writes the entries to the file when any changed since the last write.
    func save() throws {
        guard changed, let file else { return }
        let records = order.compactMap { id in
            entries[id].map { FailureCacheFile.Record(run: id.rawValue, endDate: $0.endDate, failure: $0.failure) }
        }
        try file.write(records)
        changed = false
    }

    private func loadIfNeeded() {
        guard !loaded else { return }
        loaded = true
        for record in file?.read() ?? [] {
            insert(Entry(endDate: record.endDate, failure: record.failure), for: RunID(record.run))
        }
    }

    private func insert(_ entry: Entry, for run: RunID) {
        if entries.updateValue(entry, forKey: run) == nil {
            order.append(run)
        }
        if order.count > capacity {
            let dropped = order.prefix(order.count - capacity)
            dropped.forEach { entries[$0] = nil }
            order.removeFirst(dropped.count)
        }
    }
}
