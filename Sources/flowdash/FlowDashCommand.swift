import ArgumentParser
import Foundation

/// The `flowdash` executable: wiring only. Every command reaches its backend through `FlowService`.
@main
struct FlowDashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowdash",
        abstract: "Find failed flow runs, see why they failed, fix them and run them again.",
        version: "0.1.0",
        subcommands: [
            InterfaceCommand.self, DemoCommand.self, ActivityCommand.self, RunCommand.self, ResubmitCommand.self,
            ConnectionsCommand.self, FlowsCommand.self, InboxCommand.self, LedgerCommand.self, TipsCommand.self, SolutionsCommand.self,
            SupportBundleCommand.self, WatchCommand.self, ExecuteRunCommand.self,
        ],
        defaultSubcommand: InterfaceCommand.self
    )

    /// ArgumentParser's own main, with error messages passed through `OutputScrubber` first.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let message = fullMessage(for: error)
            let scrubbed = OutputScrubber.shared.scrub(message)
            guard scrubbed != message else { exit(withError: error) }
            FileHandle.standardError.write(Data((scrubbed + "\n").utf8))
            Foundation.exit(exitCode(for: error).rawValue)
        }
    }
}
