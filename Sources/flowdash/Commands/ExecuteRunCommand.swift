import ArgumentParser
import FlowDashCore
import FlowDashEmbedded
import Logging

/// The worker a detached run lives in: `flowdash run FLOW` without --wait spawns it and returns.
struct ExecuteRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_execute", abstract: "Execute a queued run (internal).", shouldDisplay: false)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument var run: String

    func run() async throws {
        _ = LoggingSetup.bootstrapped
        let backend = try EmbeddedBackend(workspace: workspace.root, logger: Logger(label: "flowdash.worker"))
        try await backend.execute(RunID(run))
    }
}
