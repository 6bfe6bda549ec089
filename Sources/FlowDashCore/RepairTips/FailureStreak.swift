import Foundation

/// The failed runs of one flow since its last success: the unit a repair tip (and a notifier's
/// one message) is about.
///
/// Rules, over a flow's recent runs:
/// - runs still going (queued, running) are ignored: they have not said anything yet;
/// - the newest finished runs are walked newest first until a success, which ends the streak
///   (a resubmitted run that succeeded is such a success: it is a run of the same flow);
/// - cancelled and interrupted runs neither count as failures nor end the streak: someone or
///   something stopped them, so they prove nothing about the failure;
/// - a run listed twice (overlapping pages) counts once.
public struct FailureStreak: Hashable, Sendable {
    /// The streak's failed runs, newest first; never empty.
    public let failedRuns: [RunSummary]
    /// The window of runs looked at was full and held no success, so older failures of the
    /// same streak may lie beyond it: `failureCount` is then a lower bound.
    public let mayContinueBeyondWindow: Bool

    public var newest: RunSummary { failedRuns[0] }
    public var oldest: RunSummary { failedRuns[failedRuns.count - 1] }
    public var failureCount: Int { failedRuns.count }
    /// When the streak began: the moment its first failed run ended (or started, when unknown).
    public var firstFailedAt: Date { oldest.finishedAt ?? oldest.startedAt }

    /// The current streak in `runs` (any order, one flow); nil when the newest finished run
    /// that counts did not fail. `windowIsFull`: `runs` is a capped page of a longer history.
    public static func current(in runs: [RunSummary], windowIsFull: Bool = false) -> FailureStreak? {
        var seen: Set<RunID> = []
        let unique = runs.filter { seen.insert($0.id).inserted }
        let newestFirst = unique.sorted { ($0.startedAt, $0.id) > ($1.startedAt, $1.id) }
        let finished = newestFirst.filter(\.status.isFinished)
        let beforeSuccess = finished.prefix { $0.status != .succeeded }
        let failed = beforeSuccess.filter { $0.status == .failed }
        guard !failed.isEmpty else { return nil }
        return FailureStreak(failedRuns: Array(failed), mayContinueBeyondWindow: windowIsFull && beforeSuccess.count == finished.count)
    }
}
