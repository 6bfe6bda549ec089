import ArgumentParser

/// The `flowdash` executable: wiring only. Every command reaches its backend through `FlowService`.
@main
struct FlowDashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowdash",
        abstract: "Find failed flow runs, see why they failed, fix them and run them again.",
        version: "0.1.0",
        subcommands: [
            InterfaceCommand.self, DemoCommand.self, ActivityCommand.self, RunCommand.self, ResubmitCommand.self,
            ConnectionsCommand.self, FlowsCommand.self, ExecuteRunCommand.self,
        ],
        defaultSubcommand: InterfaceCommand.self
    )
}
