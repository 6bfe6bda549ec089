import FlowDashCore
import Foundation

/// Resubmitting many runs: a plan first (the dry run), then one start at a time at a bounded
/// rate, each outcome reported as it arrives. Runs off any render loop: the caller consumes
/// the stream from a task of its own; stopping to consume cancels the rest.
extension FlowService {
    /// The dry run for a selection: nothing changes.
    public func planBulkResubmit(_ selection: [RunSummary]) -> BulkResubmitPlan {
        BulkResubmitPlan(selection: selection)
    }

    /// The dry run for the open failures of one cause and/or since a moment, with its warnings.
    public func planBulkResubmit(cause: FailureCause?, failedSince: Date?, limit: Int = 1_000) async throws -> BulkResubmitPlan {
        await checkingConnections(BulkResubmitPlan(selection: try await openFailures(cause: cause, failedSince: failedSince, limit: limit)))
    }

    /// The plan with `stillUnauthorized` filled in: resubmitting before the connection is
    /// verified would only fail every run again. A backend that cannot list its connections
    /// leaves the warning out rather than the plan.
    public func checkingConnections(_ plan: BulkResubmitPlan) async -> BulkResubmitPlan {
        let refusing = Set(plan.refusingConnections)
        guard !refusing.isEmpty else { return plan }
        var checked = plan
        do {
            checked.stillUnauthorized = try await backend.connections()
                .filter { refusing.contains($0.name) && $0.status == .unauthorized }.map(\.name).sorted()
        } catch {
            logger.notice("could not check the plan's connections", metadata: ["error": "\(error)"])
        }
        return checked
    }

    /// Resubmits every run of the plan, each through `resubmit` (so each is read again and
    /// refused if it no longer may be), then follows the new runs until they finish or
    /// `pace.followFor` passes.
    public func bulkResubmit(_ plan: BulkResubmitPlan, pace: BulkResubmitPace = BulkResubmitPace()) -> AsyncStream<BulkResubmitEvent> {
        AsyncStream { continuation in
            let task = Task {
                var run = BulkRun(service: self, pace: pace, queue: plan.runs.map(\.id))
                await run.go { continuation.yield($0) }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// One bulk resubmit under way: starts due at the pace, and polls of the runs started.
private struct BulkRun {
    let service: FlowService
    let pace: BulkResubmitPace
    var queue: [RunID]
    var pending: [(original: RunID, run: RunID)] = []
    let clock = ContinuousClock()

    init(service: FlowService, pace: BulkResubmitPace, queue: [RunID]) {
        self.service = service
        self.pace = pace
        self.queue = queue
    }

    mutating func go(emit: (BulkResubmitEvent) -> Void) async {
        let interval = Duration.seconds(1 / max(pace.perSecond, 0.01))
        var nextStart = clock.now
        var nextPoll = clock.now + pace.pollEvery
        var followUntil: ContinuousClock.Instant?
        while !Task.isCancelled {
            if !queue.isEmpty, clock.now >= nextStart {
                nextStart = clock.now + interval
                await start(queue.removeFirst(), emit: emit)
                if queue.isEmpty { followUntil = clock.now + pace.followFor }
                continue
            }
            if queue.isEmpty, pending.isEmpty { return }
            if queue.isEmpty, let followUntil, clock.now >= followUntil {
                emit(.stillRunning(pending.map(\.run)))
                return
            }
            if !pending.isEmpty, clock.now >= nextPoll {
                await poll(emit: emit)
                nextPoll = clock.now + pace.pollEvery
                continue
            }
            let wake = [queue.isEmpty ? nil : nextStart, pending.isEmpty ? nil : nextPoll, followUntil].compactMap { $0 }.min()
            try? await clock.sleep(until: wake ?? clock.now + .milliseconds(50))
        }
    }

    private mutating func start(_ original: RunID, emit: (BulkResubmitEvent) -> Void) async {
        do {
            let run = try await service.resubmit(original)
            pending.append((original, run))
            emit(.submitted(original: original, run: run))
        } catch {
            service.logger.notice("bulk resubmit refused a run", metadata: ["run": "\(original)", "error": "\(error)"])
            emit(.refused(original: original, reason: String(describing: error)))
        }
    }

    /// Looks at up to `pollBatch` running resubmissions, oldest looked-at first, so that a long
    /// list is covered in turns without a burst of reads.
    private mutating func poll(emit: (BulkResubmitEvent) -> Void) async {
        let batch = pending.prefix(max(1, pace.pollBatch))
        var stillGoing: [(original: RunID, run: RunID)] = []
        for entry in batch {
            guard let summary = try? await service.report(for: entry.run).detail.summary, summary.status.isFinished else {
                stillGoing.append(entry)
                continue
            }
            emit(.finished(original: entry.original, run: summary))
        }
        pending = Array(pending.dropFirst(batch.count)) + stillGoing
    }
}
