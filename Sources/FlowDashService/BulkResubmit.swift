import FlowDashCore
import Foundation

/// What a bulk resubmit would do, shown before anything changes: how many runs, which flows,
/// which inputs; and the selected runs it leaves out, with why.
public struct BulkResubmitPlan: Sendable, Hashable {
    /// The runs to resubmit, oldest first: they are replayed in the order they first ran.
    public let runs: [RunSummary]
    public let skipped: [SkippedRun]
    /// Connections that refused the runs' credentials and are still marked unauthorized: those
    /// runs would fail the same way again. Filled in by the service (`checkingConnections`).
    public var stillUnauthorized: [String] = []

    public struct SkippedRun: Sendable, Hashable {
        public let id: RunID
        public let reason: String
    }

    public struct FlowShare: Sendable, Hashable {
        public let flow: String
        public let runs: Int
    }

    /// Keeps the runs that may be resubmitted (finished ones; each once).
    public init(selection: [RunSummary]) {
        var seen: Set<RunID> = []
        var runs: [RunSummary] = []
        var skipped: [SkippedRun] = []
        for run in selection where seen.insert(run.id).inserted {
            if FlowService.canResubmit(run) {
                runs.append(run)
            } else {
                skipped.append(SkippedRun(id: run.id, reason: "run \(run.id) has not finished yet"))
            }
        }
        self.runs = runs.sorted { FailureInbox.createdBefore($0, $1) }
        self.skipped = skipped
    }

    public var count: Int { runs.count }

    /// The connections the runs failed to authenticate through, sorted.
    public var refusingConnections: [String] {
        Set(runs.compactMap { run in run.failure.flatMap { $0.kind == .authentication ? $0.connection : nil } }).sorted()
    }

    /// Runs per flow, the flow with most first.
    public var flows: [FlowShare] {
        Dictionary(grouping: runs, by: \.flow)
            .map { FlowShare(flow: $0.key, runs: $0.value.count) }
            .sorted { ($0.runs, $1.flow) > ($1.runs, $0.flow) }
    }

    /// The different trigger inputs the runs will be started with, in first-run order.
    public var distinctInputs: [TriggerInputs] {
        var seen: Set<TriggerInputs> = []
        return runs.map(\.inputs).filter { seen.insert($0).inserted }
    }
}

/// How fast a bulk resubmit goes and how long it follows the new runs.
public struct BulkResubmitPace: Sendable, Hashable {
    /// At most this many runs are started per second, so that a fixed server is not flooded.
    public var perSecond: Double
    /// How often running resubmissions are looked at, and how many per look.
    public var pollEvery: Duration
    public var pollBatch: Int
    /// After the last start, how long outcomes are awaited; zero reports only the starts.
    public var followFor: Duration

    public init(perSecond: Double = 5, pollEvery: Duration = .milliseconds(500), pollBatch: Int = 20,
                followFor: Duration = .seconds(600)) {
        self.perSecond = perSecond
        self.pollEvery = pollEvery
        self.pollBatch = pollBatch
        self.followFor = followFor
    }
}

/// What happens to each run of a bulk resubmit, as it happens.
public enum BulkResubmitEvent: Sendable, Hashable {
    /// The run was resubmitted as `run`.
    case submitted(original: RunID, run: RunID)
    /// The run could not be resubmitted; the others go on.
    case refused(original: RunID, reason: String)
    /// A resubmitted run finished.
    case finished(original: RunID, run: RunSummary)
    /// Following ended (`followFor` passed) while these resubmitted runs still ran.
    case stillRunning([RunID])
}

/// Counts of a bulk resubmit's events, for a closing line.
public struct BulkResubmitTally: Sendable, Hashable {
    public private(set) var submitted = 0
    public private(set) var refused = 0
    public private(set) var succeeded = 0
    public private(set) var failed = 0
    public private(set) var stillRunning = 0

    public init() {}

    public mutating func record(_ event: BulkResubmitEvent) {
        switch event {
        case .submitted: submitted += 1
        case .refused: refused += 1
        case .finished(_, let run): if run.status == .succeeded { succeeded += 1 } else { failed += 1 }
        case .stillRunning(let ids): stillRunning += ids.count
        }
    }
}
