import ArgumentParser
import FlowDashCore
import FlowDashEmbedded
import Logging

/// The worker a detached run lives in: `flowdash run FLOW` without --wait spawns it and returns.
struct ExecuteRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_execute", abstract: "Execute a queued run (internal).", shouldDisplay: false)

    @OptionGroup var backend: BackendOptions
    @Argument var run: String

    func run() async throws {
        _ = LoggingSetup.bootstrapped
        let root = try backend.embeddedWorkspace(for: "_execute")
        let engine = try EmbeddedBackend(workspace: root, logger: Logger(label: "flowdash.worker"))
        try await engine.execute(RunID(run))
    }
}
