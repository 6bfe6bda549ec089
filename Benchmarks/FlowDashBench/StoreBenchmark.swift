import FlowDashCore
import FlowDashEmbedded
import Foundation

/// Fills a store with synthetic runs and times the activity queries the interface makes.
enum StoreBenchmark {
    struct Result {
        let insertSeconds: Double
        let bytes: Int64
        let newestFailed: Timings
        let newestAll: Timings
        let newestOfOneFlow: Timings
    }

    static func run(runs: Int, folder: URL) throws -> Result {
        // why: the frame benchmark opens the same store as a workspace, so use the workspace's name.
        let store = try RunStore(path: folder.appendingPathComponent("store.sqlite"))
        let start = Date()
        try store.insertSyntheticRuns(count: runs, failedEvery: 7)
        let insertSeconds = Date().timeIntervalSince(start)

        let failed = ActivityQuery(failedOnly: true, limit: 200)
        let all = ActivityQuery(limit: 200)
        let someFlow = try store.recentRuns(ActivityQuery(limit: 1)).first?.flow
        let oneFlow = ActivityQuery(flow: someFlow, limit: 200)
        for _ in 0..<5 { _ = try store.recentRuns(failed) }

        var newestFailed = Timings(), newestAll = Timings(), newestOfOneFlow = Timings()
        var listed = 0
        for _ in 0..<200 {
            try newestFailed.measure { listed = try store.recentRuns(failed).count }
            try newestAll.measure { _ = try store.recentRuns(all) }
            try newestOfOneFlow.measure { _ = try store.recentRuns(oneFlow) }
        }
        precondition(listed == min(200, runs / 7), "the failed listing returned \(listed) runs")
        return Result(insertSeconds: insertSeconds, bytes: storeBytes(in: folder),
                      newestFailed: newestFailed, newestAll: newestAll, newestOfOneFlow: newestOfOneFlow)
    }

    private static func storeBytes(in folder: URL) -> Int64 {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("store.sqlite") }.reduce(0) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            return total + ((attributes?[.size] as? NSNumber)?.int64Value ?? 0)
        }
    }
}
