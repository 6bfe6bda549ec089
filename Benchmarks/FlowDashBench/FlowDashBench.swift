import FlowDashCore
import FlowDashDemoAPI
import FlowDashEmbedded
import FlowDashService
import Foundation
import Logging

/// `swift run -c release flowdash-bench [--runs N] [--steps N] [--store-only]`: prints the report in
/// Benchmarks/README.md. Goals are checked and shown, never asserted: this is a measurement.
@main
struct FlowDashBench {
    static func main() async throws {
        let words = Array(CommandLine.arguments.dropFirst())
        if words.first == AirflowActivityBenchmark.mode {
            exit(await AirflowActivityBenchmark.run(Array(words.dropFirst())))
        }
        let arguments = BenchArguments(words)
        // why: per-run log lines would be measured along with the engine.
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        if arguments.serveDemoAPI { return try await DemoAPIProcess.serve() }
        if let workspace = arguments.fillWorkspace {
            let store = try RunStore(path: WorkspaceLayout(root: URL(fileURLWithPath: workspace)).storeFile)
            // why: runs from two days ago show a fixed date, so no clock ticks into the byte count.
            return try store.insertSyntheticRuns(count: arguments.runs, failedEvery: 7,
                                                 endingAt: Date().addingTimeInterval(-2 * 86_400))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        print("FlowDash benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Date().formatted(.iso8601))")
        let workspace = folder.appendingPathComponent("store")
        let store = try StoreBenchmark.run(runs: arguments.runs, folder: WorkspaceLayout(root: workspace).storeDirectory)
        let inbox = try InboxBenchmark.run(runs: arguments.runs, folder: folder.appendingPathComponent("inbox"))
        guard !arguments.storeOnly else {
            return Report.print(store: store, inbox: inbox, frames: nil, engine: nil, runs: arguments.runs)
        }
        let frames = try await FrameBenchmark.run(workspace: workspace)
        let engine = try await EngineBenchmark.run(steps: arguments.steps, folder: folder.appendingPathComponent("engine"))
        Report.print(store: store, inbox: inbox, frames: frames, engine: engine, runs: arguments.runs)
    }
}

struct BenchArguments {
    var runs = 1_000_000
    var steps = 5_000
    /// Internal: serve the demo API for the engine benchmark from a separate process.
    var serveDemoAPI = false
    /// Only the store and inbox figures: no interface frames, no engine (which takes minutes).
    var storeOnly = false
    /// For Benchmarks/terminal.sh: fill this workspace's store with `runs` synthetic runs and stop.
    var fillWorkspace: String?

    init<S: Sequence>(_ words: S) where S.Element == String {
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            switch word {
            case DemoAPIProcess.serveFlag:
                serveDemoAPI = true
            case "--store-only":
                storeOnly = true
            case "--fill-workspace":
                fillWorkspace = iterator.next()
            case "--runs":
                runs = iterator.next().flatMap(Int.init) ?? -1
            case "--steps":
                steps = iterator.next().flatMap(Int.init) ?? -1
            default:
                runs = -1
            }
            if runs < 0 || steps < 0 || (word == "--fill-workspace" && fillWorkspace == nil) {
                FileHandle.standardError.write(Data("usage: flowdash-bench [--runs N] [--steps N] [--store-only]\n".utf8))
                exit(64)
            }
        }
    }
}

/// Milliseconds of each call, for medians and tails.
struct Timings {
    private(set) var samples: [Double] = []

    mutating func measure(_ body: () throws -> Void) rethrows {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        samples.append(Self.milliseconds(elapsed))
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
    }

    func percentile(_ fraction: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }
}
