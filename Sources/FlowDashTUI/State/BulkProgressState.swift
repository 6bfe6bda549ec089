import FlowDashCore
import FlowDashService

/// A bulk resubmit under way (its own screen): each run original → new run → outcome, updated as
/// the service's events arrive, and their tally.
public struct BulkProgressState: Sendable {
    public struct Row: Sendable, Equatable {
        public let original: RunID
        public let flow: String
        public var newRun: RunID?
        public var outcome: Outcome
    }

    public enum Outcome: Sendable, Equatable {
        /// Not started yet (the pace spreads the starts).
        case waiting
        /// Started; the new run is going.
        case submitted
        case refused(reason: String)
        case finished(RunStatus)
        /// Following stopped while it still ran.
        case stillRunning
    }

    public let total: Int
    public var tally = BulkResubmitTally()
    /// The stream ended: every run was started or refused and followed as long as the pace says.
    public var done = false
    /// The rows, in the plan's order (oldest original first).
    public var list = ListState<Row>()

    public init(plan: BulkResubmitPlan) {
        total = plan.count
        list.items = plan.runs.map { Row(original: $0.id, flow: $0.flow, newRun: nil, outcome: .waiting) }
        list.loaded = true
    }

    /// Applies one event of the stream.
    public mutating func record(_ event: BulkResubmitEvent) {
        tally.record(event)
        switch event {
        case .submitted(let original, let run):
            update(original) { $0.newRun = run; $0.outcome = .submitted }
        case .refused(let original, let reason):
            update(original) { $0.outcome = .refused(reason: reason) }
        case .finished(let original, let run):
            update(original) { $0.newRun = run.id; $0.outcome = .finished(run.status) }
        case .stillRunning(let ids):
            for index in list.items.indices where list.items[index].newRun.map(ids.contains) ?? false {
                list.items[index].outcome = .stillRunning
            }
        }
    }

    private mutating func update(_ original: RunID, _ change: (inout Row) -> Void) {
        guard let index = list.items.firstIndex(where: { $0.original == original }) else { return }
        change(&list.items[index])
    }
}
