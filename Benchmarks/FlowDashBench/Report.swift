import Foundation

/// The printed report: each figure beside its goal.
enum Report {
    static func print(store: StoreBenchmark.Result, frames: FrameBenchmark.Result, engine: EngineBenchmark.Result, runs: Int) {
        let perMillion = Double(store.bytes) / Double(max(runs, 1)) * 1_000_000
        let rows: [(String, String, String)] = [
            ("runs stored", "\(runs.formatted())", ""),
            ("bulk insert", format(store.insertSeconds, "s"), ""),
            ("store size per 1M runs", format(perMillion / 1_048_576, "MiB"), ""),
            ("newest 200 failed: median", format(store.newestFailed.percentile(0.5), "ms"), verdict(store.newestFailed.percentile(0.5), below: 5)),
            ("newest 200 failed: p99", format(store.newestFailed.percentile(0.99), "ms"), ""),
            ("newest 200 (any status): median", format(store.newestAll.percentile(0.5), "ms"), ""),
            ("newest 200 of one flow: median", format(store.newestOfOneFlow.percentile(0.5), "ms"), ""),
            ("interface: store open to first frame (in process)", format(frames.firstFrameMilliseconds, "ms"), verdict(frames.firstFrameMilliseconds, below: 100)),
            ("interface: build one 200×60 activity frame, median", format(frames.frameBuild.percentile(0.5), "ms"), verdict(frames.frameBuild.percentile(0.5), below: 1)),
            ("interface: build one 200×60 activity frame, p99", format(frames.frameBuild.percentile(0.99), "ms"), ""),
            ("engine steps executed", "\(engine.steps) (\(engine.failedRuns) runs failed)", ""),
            ("engine throughput", format(engine.stepsPerSecond, "steps/s"), verdict(engine.stepsPerSecond, above: 2000)),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        Swift.print("")
        for (name, value, goal) in rows {
            Swift.print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value + (goal.isEmpty ? "" : "  " + goal))
        }
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
