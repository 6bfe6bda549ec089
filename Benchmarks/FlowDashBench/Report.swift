import Foundation

/// The printed report: each figure beside its goal.
enum Report {
    static func print(store: StoreBenchmark.Result, inbox: InboxBenchmark.Result, frames: FrameBenchmark.Result?,
                      engine: EngineBenchmark.Result?, runs: Int) {
        let rows = storeRows(store, runs: runs) + inboxRows(inbox) + (frames.map(frameRows) ?? []) + (engine.map(engineRows) ?? [])
        let width = rows.map(\.0.count).max() ?? 0
        Swift.print("")
        for (name, value, goal) in rows {
            Swift.print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value + (goal.isEmpty ? "" : "  " + goal))
        }
    }

    private static func storeRows(_ store: StoreBenchmark.Result, runs: Int) -> [(String, String, String)] {
        let perMillion = Double(store.bytes) / Double(max(runs, 1)) * 1_000_000
        return [
            ("runs stored", "\(runs.formatted())", ""),
            ("bulk insert", format(store.insertSeconds, "s"), ""),
            ("store size per 1M runs", format(perMillion / 1_048_576, "MiB"), ""),
            ("newest 200 failed: median", format(store.newestFailed.percentile(0.5), "ms"), verdict(store.newestFailed.percentile(0.5), below: 5)),
            ("newest 200 failed: p99", format(store.newestFailed.percentile(0.99), "ms"), ""),
            ("newest 200 (any status): median", format(store.newestAll.percentile(0.5), "ms"), ""),
            ("newest 200 of one flow: median", format(store.newestOfOneFlow.percentile(0.5), "ms"), ""),
        ]
    }

    private static func inboxRows(_ inbox: InboxBenchmark.Result) -> [(String, String, String)] {
        [
            ("inbox history: bulk insert", format(inbox.insertSeconds, "s"), ""),
            ("inbox: open failures / groups", "\(inbox.openFailures.formatted()) / \(inbox.groups)", ""),
            ("inbox: biggest group", inbox.biggestGroup, ""),
            ("group the failure inbox: median", format(inbox.grouping.percentile(0.5), "ms"), verdict(inbox.grouping.percentile(0.5), below: 200)),
            ("group the failure inbox: p99", format(inbox.grouping.percentile(0.99), "ms"), ""),
            ("open failures of one group (first 200): median", format(inbox.firstPageOfGroup.percentile(0.5), "ms"), ""),
            ("open failures of one group (first 200): p99", format(inbox.firstPageOfGroup.percentile(0.99), "ms"), ""),
            ("ledger (newest 100): median", format(inbox.ledger.percentile(0.5), "ms"), ""),
        ]
    }

    private static func frameRows(_ frames: FrameBenchmark.Result) -> [(String, String, String)] {
        [
            ("interface: store open to first frame (in process)", format(frames.firstFrameMilliseconds, "ms"), verdict(frames.firstFrameMilliseconds, below: 100)),
            ("interface: build one 200×60 activity frame, median", format(frames.frameBuild.percentile(0.5), "ms"), verdict(frames.frameBuild.percentile(0.5), below: 1)),
            ("interface: build one 200×60 activity frame, p99", format(frames.frameBuild.percentile(0.99), "ms"), ""),
        ]
    }

    private static func engineRows(_ engine: EngineBenchmark.Result) -> [(String, String, String)] {
        [
            ("engine steps executed", "\(engine.steps) (\(engine.failedRuns) runs failed)", ""),
            ("engine throughput", format(engine.stepsPerSecond, "steps/s"), verdict(engine.stepsPerSecond, above: 2000)),
        ]
    }

    private static func format(_ value: Double, _ unit: String) -> String {
        String(format: value < 10 ? "%.2f %@" : "%.0f %@", value, unit)
    }

    private static func verdict(_ value: Double, below goal: Double) -> String {
        value < goal ? "(goal < \(Int(goal)) ms: met)" : "(goal < \(Int(goal)) ms: MISSED)"
    }

    private static func verdict(_ value: Double, above goal: Double) -> String {
        value >= goal ? "(goal ≥ \(Int(goal))/s: met)" : "(goal ≥ \(Int(goal))/s: MISSED)"
    }
}
