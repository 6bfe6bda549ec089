import FlowDashCore
import Foundation

/// The store holds the whole history, so the inbox and the ledger are never partial here.
extension EmbeddedBackend: FailureInboxReading {
    public func failureInbox() async throws -> FailureInbox {
        try Self.storing { try store.failureInbox() }
    }

    public func openFailures(cause: FailureCause?, failedSince: Date?, limit: Int) async throws -> [RunSummary] {
        try Self.storing { try store.openFailures(cause: cause, failedSince: failedSince, limit: limit) }
    }

    public func ledger(limit: Int) async throws -> [LedgerEntry] {
        try Self.storing { try store.ledger(limit: limit) }
    }
}
