import FlowDashCore
import FlowDashService
import Foundation

/// The `flowdash inbox` and `flowdash ledger` shapes (docs/JSON.md, "Failure inbox", "Ledger").
extension JSONOutput {
    struct Inbox: Encodable {
        /// Worked out from the newest `window` runs only (older open failures may be missing).
        let partial: Bool
        let window: Int?
        let runCount: Int
        let groups: [Group]

        init(_ inbox: FailureInbox) {
            partial = inbox.isPartial
            window = inbox.isPartial ? FlowService.inboxWindow : nil
            runCount = inbox.runCount
            groups = inbox.groups.map(Group.init)
        }
    }

    struct Group: Encodable {
        let id: String
        let basis: String
        let name: String
        let kind: String
        let code: String?
        let title: String
        let runCount: Int
        let flows: [String]
        let codes: [String]
        let firstFailedAt: Date
        let lastFailedAt: Date
        let latestMessage: String

        init(_ group: FailureGroup) {
            id = group.id
            basis = group.cause.basis.rawValue
            name = group.cause.name
            kind = group.cause.kind.rawValue
            code = group.cause.code
            title = TextSanitizer.clean(FailureCauseText.title(group))
            runCount = group.runCount
            flows = group.flows
            codes = group.codes
            firstFailedAt = group.firstFailedAt
            lastFailedAt = group.lastFailedAt
            latestMessage = TextSanitizer.clean(group.latestMessage)
        }
    }

    /// `flowdash inbox GROUP --json`: the group's open failures, newest first.
    struct GroupFailures: Encodable {
        let group: String
        let runs: [Run]
    }

    struct LedgerLine: Encodable {
        let originalRunId: String
        let runId: String
        let flow: String
        let originalFailure: Failure?
        let outcome: String
        let resubmittedAt: Date
        let finishedAt: Date?
        let failure: Failure?

        init(_ entry: LedgerEntry) {
            originalRunId = entry.original.id.rawValue
            runId = entry.resubmitted.id.rawValue
            flow = entry.resubmitted.flow
            originalFailure = entry.original.failure.map(Failure.init)
            outcome = entry.outcome.rawValue
            resubmittedAt = entry.resubmitted.startedAt
            finishedAt = entry.resubmitted.finishedAt
            failure = entry.resubmitted.failure.map(Failure.init)
        }
    }
}
