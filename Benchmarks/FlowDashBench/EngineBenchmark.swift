import FlowDashCore
import FlowDashEmbedded
import FlowDashService
import Foundation

/// Runs a ten-step flow against the demo API on loopback, many runs at a time, and counts steps.
enum EngineBenchmark {
    static let stepsPerRun = 10
    static let runsInFlight = 16

    struct Result {
        let steps: Int
        let seconds: Double
        let failedRuns: Int
        var stepsPerSecond: Double { Double(steps) / seconds }
    }

    static func run(steps: Int, folder: URL) async throws -> Result {
        let server = try DemoAPIProcess()
        defer { server.stop() }
        try writeWorkspace(at: folder, baseURL: server.baseURL)
        let service = FlowService(backend: try EmbeddedBackend(workspace: folder))
        let warmUp = try await service.startRun(flow: "echo-chain")
        _ = try await service.waitForRun(warmUp)

        let runCount = max(1, steps / stepsPerRun)
        let start = Date()
        var failedRuns = 0
        var started = 0
        while started < runCount {
            let batch = min(runsInFlight, runCount - started)
            var ids: [RunID] = []
            for _ in 0..<batch { ids.append(try await service.startRun(flow: "echo-chain")) }
            for id in ids where try await service.waitForRun(id, pollEvery: .milliseconds(2)).status != .succeeded {
                failedRuns += 1
            }
            started += batch
        }
        let seconds = Date().timeIntervalSince(start)
        return Result(steps: runCount * stepsPerRun, seconds: seconds, failedRuns: failedRuns)
    }

    private static func writeWorkspace(at root: URL, baseURL: String) throws {
        let flows = root.appendingPathComponent("flows")
        try FileManager.default.createDirectory(at: flows, withIntermediateDirectories: true)
        try "bench:\n  baseURL: \(baseURL)\n  auth: none\n  verify: /v1/health\n"
            .write(to: root.appendingPathComponent("connections.yaml"), atomically: true, encoding: .utf8)
        let steps = (1...stepsPerRun).map { "  - name: echo-\($0)\n    connection: bench\n    path: /v1/echo?step=\($0)\n" }
        try ("description: ten loopback calls in a chain\nsteps:\n" + steps.joined())
            .write(to: flows.appendingPathComponent("echo-chain.yaml"), atomically: true, encoding: .utf8)
    }
}
