/// One resubmission: the failed run, the run that was started for it, and how that one ended
/// (its status; still queued or running while it goes on).
public struct LedgerEntry: Hashable, Sendable, Codable {
    public let original: RunSummary
    public let resubmitted: RunSummary

    public init(original: RunSummary, resubmitted: RunSummary) {
        self.original = original
        self.resubmitted = resubmitted
    }

    public var outcome: RunStatus { resubmitted.status }

    /// The ledger of `runs` (any order): every run that names an original also in `runs`,
    /// the newest resubmission first, at most `limit`.
    public static func make(from runs: [RunSummary], limit: Int) -> [LedgerEntry] {
        var byID: [RunID: RunSummary] = [:]
        for run in runs { byID[run.id] = run }
        return byID.values
            .compactMap { run in run.resubmittedFrom.flatMap { byID[$0] }.map { LedgerEntry(original: $0, resubmitted: run) } }
            .sorted { FailureInbox.createdBefore($1.resubmitted, $0.resubmitted) }
            .prefix(max(0, limit))
            .map { $0 }
    }
}
