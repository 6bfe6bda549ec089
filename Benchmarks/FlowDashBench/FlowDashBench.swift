import FlowDashCore
import FlowDashDemoAPI
import FlowDashEmbedded
import FlowDashService
import Foundation
import Logging

/// `swift run -c release flowdash-bench [--runs N] [--steps N]`: prints the report in
/// Benchmarks/README.md. Goals are checked and shown, never asserted: this is a measurement.
@main
struct FlowDashBench {
    static func main() async throws {
        let arguments = BenchArguments(CommandLine.arguments.dropFirst())
        // why: per-run log lines would be measured along with the engine.
        LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
        if arguments.serveDemoAPI { return try await DemoAPIProcess.serve() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        print("FlowDash benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Date().formatted(.iso8601))")
        let store = try StoreBenchmark.run(runs: arguments.runs, folder: folder.appendingPathComponent("store"))
        let engine = try await EngineBenchmark.run(steps: arguments.steps, folder: folder.appendingPathComponent("engine"))
        Report.print(store: store, engine: engine, runs: arguments.runs)
    }
}

struct BenchArguments {
    var runs = 1_000_000
    var steps = 5_000
    /// Internal: serve the demo API for the engine benchmark from a separate process.
    var serveDemoAPI = false

    init<S: Sequence>(_ words: S) where S.Element == String {
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            let value = iterator.next().flatMap(Int.init)
            if word == DemoAPIProcess.serveFlag {
                serveDemoAPI = true
                continue
            }
            switch (word, value) {
            case ("--runs", let value?): runs = value
            case ("--steps", let value?): steps = value
            default:
                FileHandle.standardError.write(Data("usage: flowdash-bench [--runs N] [--steps N]\n".utf8))
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
        samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }

    func percentile(_ fraction: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }
}
