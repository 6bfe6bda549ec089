import Foundation

/// A backend that works out the failure inbox and the ledger over its whole history itself
/// (the embedded store, with SQL). Backends without it get the same rules applied by the
/// service to a window of recent runs (`FailureInbox.make`), marked partial.
public protocol FailureInboxReading: FlowBackend {
    /// Every open failure, grouped by cause (see `FailureInbox` for the rules).
    func failureInbox() async throws -> FailureInbox
    /// Open failures newest first, at most `limit`: those of one cause when given, and those
    /// that ended at or after `failedSince` when given.
    func openFailures(cause: FailureCause?, failedSince: Date?, limit: Int) async throws -> [RunSummary]
    /// Resubmissions, the newest first, at most `limit`.
    func ledger(limit: Int) async throws -> [LedgerEntry]
}
