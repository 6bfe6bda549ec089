import ArgumentParser

@main
struct FlowDashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flowdash")
    func run() async throws {}
}
