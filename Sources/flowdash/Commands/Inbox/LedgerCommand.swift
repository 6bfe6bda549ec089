import ArgumentParser
import FlowDashService

/// `flowdash ledger`: every resubmission, newest first: original → new run → outcome.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Show resubmissions, newest first: the original run, the new run and how it ended.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "At most this many resubmissions.") var limit = 100

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func run() async throws {
        let entries = try await backend.makeService().ledger(limit: limit)
        if output.json {
            try JSONOutput.print(entries.map(JSONOutput.LedgerLine.init))
        } else {
            print(TextOutput().ledger(entries))
        }
    }
}
