import ArgumentParser
import FlowDashCore
import FlowDashService

/// `flowdash run FLOW` starts a run; `flowdash run show RUN` shows one.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Start a flow, or show a run's steps and why it failed.",
        subcommands: [StartRunCommand.self, ShowRunCommand.self], defaultSubcommand: StartRunCommand.self)
}

struct StartRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start a run of a flow.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The flow to run.") var flow: String
    @Option(name: .customLong("input"), help: ArgumentHelp("A trigger input; repeatable.", valueName: "key=value"))
    var inputs: [String] = []
    @Flag(help: "Wait for the run to finish; exit 2 when it did not succeed.") var wait = false

    func run() async throws {
        let parsed = try TriggerInputs.parse(inputs)
        let service = try workspace.makeService(detachRuns: !wait)
        let id = try await service.startRun(flow: flow, inputs: parsed)
        try await RunOutcome.finish(id, service: service, wait: wait, json: output.json)
    }
}

struct ShowRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a run's steps, the failing one marked with !, and how to fix it.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The run id.") var run: String

    func run() async throws {
        let report = try await workspace.makeService().report(for: RunID(run))
        if output.json {
            try JSONOutput.print(JSONOutput.RunReport(report))
        } else {
            print(TextOutput().report(report))
        }
    }
}

struct ResubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resubmit", abstract: "Run a finished run's flow again with the same trigger inputs.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The run to resubmit.") var run: String
    @Flag(help: "Wait for the new run to finish; exit 2 when it did not succeed.") var wait = false

    func run() async throws {
        let service = try workspace.makeService(detachRuns: !wait)
        let id = try await service.resubmit(RunID(run))
        try await RunOutcome.finish(id, service: service, wait: wait, json: output.json)
    }
}

/// What `run` and `resubmit` print once a run is started (and, with --wait, finished).
enum RunOutcome {
    static func finish(_ id: RunID, service: FlowService, wait: Bool, json: Bool) async throws {
        let summary = wait ? try await service.waitForRun(id) : try await service.report(for: id).detail.summary
        if json {
            try JSONOutput.print(JSONOutput.Run(summary))
        } else if wait {
            print("Run \(id) of \(summary.flow) \(summary.status.rawValue).")
        } else {
            print("Started run \(id) of \(summary.flow). Follow it with: flowdash run show \(id)")
        }
        guard wait, summary.status != .succeeded else { return }
        let reason = summary.failure.map { ": step \($0.step ?? "?") \($0.code) \(TextSanitizer.clean($0.message))" } ?? ""
        throw CommandFailure.exit(2, "run \(id) \(summary.status.rawValue)\(reason)")
    }
}
