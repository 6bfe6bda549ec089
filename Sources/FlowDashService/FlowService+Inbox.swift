import FlowDashCore
import Foundation

/// The failure inbox (open failures grouped by root cause) and the ledger of resubmissions.
/// A backend that knows its whole history answers itself (`FailureInboxReading`); for the others
/// the same rules run here over a window of recent runs, and the answer says it is partial.
extension FlowService {
    /// How many recent runs are read when the backend has no inbox of its own.
    public static let inboxWindow = 500

    /// Whether the inbox covers all history (else a window of recent runs).
    public var inboxCoversAllHistory: Bool { backend is any FailureInboxReading }

    public func failureInbox() async throws -> FailureInbox {
        if let reading = backend as? any FailureInboxReading { return try await reading.failureInbox() }
        let runs = try await backend.activity(ActivityQuery(limit: Self.inboxWindow))
        return FailureInbox.make(from: runs, isPartial: runs.count >= Self.inboxWindow)
    }

    /// Open failures newest first: of one cause and/or ended since a moment, at most `limit`.
    public func openFailures(cause: FailureCause? = nil, failedSince: Date? = nil, limit: Int = 1_000) async throws -> [RunSummary] {
        let limit = max(0, limit)
        if let reading = backend as? any FailureInboxReading {
            return try await reading.openFailures(cause: cause, failedSince: failedSince, limit: limit)
        }
        let runs = try await backend.activity(ActivityQuery(limit: Self.inboxWindow))
        let open = FailureInbox.openFailures(in: runs).filter { run in
            guard let failure = run.failure else { return false }
            let ended = run.finishedAt ?? run.startedAt
            return (cause?.matches(failure) ?? true) && failedSince.map { ended >= $0 } ?? true
        }
        return Array(open.prefix(limit))
    }

    /// Resubmissions, newest first: original → resubmitted run → its outcome.
    public func ledger(limit: Int = 100) async throws -> [LedgerEntry] {
        if let reading = backend as? any FailureInboxReading { return try await reading.ledger(limit: max(0, limit)) }
        let runs = try await backend.activity(ActivityQuery(limit: Self.inboxWindow))
        return LedgerEntry.make(from: runs, limit: limit)
    }
}
