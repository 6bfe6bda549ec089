import FlowDashCore
import FlowDashEmbedded
import Foundation

/// Times the failure inbox over a realistic history (`RunStore.insertSyntheticInboxHistory`):
/// grouping every open failure, and the first page of the biggest group.
enum InboxBenchmark {
    struct Result {
        let insertSeconds: Double
        let openFailures: Int
        let groups: Int
        let biggestGroup: String
        let grouping: Timings
        let firstPageOfGroup: Timings
        let ledger: Timings
    }

    static func run(runs: Int, folder: URL) throws -> Result {
        let store = try RunStore(path: folder.appendingPathComponent("inbox.sqlite"))
        let start = Date()
        try store.insertSyntheticInboxHistory(count: runs)
        let insertSeconds = Date().timeIntervalSince(start)

        var inbox = try store.failureInbox()
        let biggest = inbox.groups.first
        for _ in 0..<3 { _ = try store.failureInbox() }
        var grouping = Timings(), firstPage = Timings(), ledger = Timings()
        for _ in 0..<30 {
            try grouping.measure { inbox = try store.failureInbox() }
        }
        var page = 0
        for _ in 0..<100 {
            try firstPage.measure { page = try store.openFailures(cause: biggest?.cause, failedSince: nil, limit: 200).count }
            try ledger.measure { _ = try store.ledger(limit: 100) }
        }
        precondition(page == min(200, biggest?.runCount ?? 0), "the first page held \(page) runs")
        return Result(insertSeconds: insertSeconds, openFailures: inbox.runCount, groups: inbox.groups.count,
                      biggestGroup: biggest.map(FailureCauseText.title) ?? "none",
                      grouping: grouping, firstPageOfGroup: firstPage, ledger: ledger)
    }
}
