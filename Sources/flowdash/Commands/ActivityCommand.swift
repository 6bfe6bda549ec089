import ArgumentParser
import FlowDashCore

struct ActivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity", abstract: "List runs, newest first; failures carry their kind, code and message.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Only failed runs.") var failed = false
    @Option(help: "Only runs of this flow.") var flow: String?
    @Option(help: "At most this many runs.") var limit = 50

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func run() async throws {
        let runs = try await workspace.makeService().activity(failedOnly: failed, flow: flow, limit: limit)
        if output.json {
            try JSONOutput.print(runs.map(JSONOutput.Run.init))
        } else {
            print(TextOutput().activityTable(runs))
        }
    }
}
