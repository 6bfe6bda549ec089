import ArgumentParser
import FlowDashCore
import FlowDashService

/// `flowdash run FLOW` starts a run; `flowdash run show RUN` shows one.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Start a flow, or show a run's steps and why it failed.",
        subcommands: [StartRunCommand.self, ShowRunCommand.self, RerunFailedCommand.self], defaultSubcommand: StartRunCommand.self)
}

struct StartRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start a run of a flow.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The flow to run.") var flow: String
    @Option(name: .customLong("input"), help: ArgumentHelp("A trigger input; repeatable.", valueName: "key=value"))
    var inputs: [String] = []
    @Flag(help: "Wait for the run to finish; exit 2 when it did not succeed.") var wait = false

    func run() async throws {
        let parsed = try TriggerInputs.parse(inputs)
        let service = try backend.makeService(detachRuns: !wait)
        let id = try await service.startRun(flow: flow, inputs: parsed)
        try await RunOutcome.finish(id, service: service, wait: wait, json: output.json)
    }
}

struct ShowRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a run's steps, the failing one marked with !, and how to fix it.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The run id.") var run: String

    func run() async throws {
        let report = try await backend.makeService().report(for: RunID(run))
        if output.json {
            try JSONOutput.print(JSONOutput.RunReport(report))
        } else {
            print(TextOutput().report(report))
        }
    }
}

/// `flowdash run rerun-failed RUN`: the failed steps of a failed run run again in the same run
/// (Airflow clears them); the embedded engine cannot, and says so.
struct RerunFailedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rerun-failed", abstract: "Run a failed run's failed steps again, in the same run.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The failed run.") var run: String
    @Flag(help: "Only count the steps that would run again; change nothing.") var dryRun = false

    func run() async throws {
        let id = RunID(run)
        let count = try await backend.makeService().rerunFailedSteps(id, dryRun: dryRun)
        if output.json {
            try JSONOutput.print(JSONOutput.Rerun(runId: id.rawValue, dryRun: dryRun, steps: count))
        } else if dryRun {
            print("\(count) failed \(count == 1 ? "step" : "steps") of run \(id) would run again (dry run: nothing changed).")
        } else {
            print("cleared \(count) failed \(count == 1 ? "step" : "steps") of \(id); it runs again")
        }
    }
}

/// `flowdash resubmit RUN`: one run again; `flowdash resubmit --group ID | --failed-since T`:
/// many, after a dry run and a confirmation by count (BulkResubmitCommand.swift).
struct ResubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resubmit",
        abstract: "Run a finished run's flow again with the same trigger inputs; or many failed runs at once (--group, --failed-since).")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The run to resubmit (or select many with --group / --failed-since).") var run: String?
    @Flag(help: "Wait for the new run(s) to finish; exit 2 (one run) or 1 (many) when one did not succeed.") var wait = false
    @OptionGroup var bulk: BulkResubmitOptions

    func validate() throws {
        try bulk.validate(singleRun: run)
    }

    func run() async throws {
        guard let run else {
            try await BulkResubmission(options: bulk, backend: backend, wait: wait, json: output.json).run()
            return
        }
        let service = try backend.makeService(detachRuns: !wait)
        let id = try await service.resubmit(RunID(run))
        try await RunOutcome.finish(id, service: service, wait: wait, json: output.json)
    }
}

/// What `run` and `resubmit` print once a run is started (and, with --wait, finished).
enum RunOutcome {
    static func finish(_ id: RunID, service: FlowService, wait: Bool, json: Bool) async throws {
        // why: one poll of an Airflow run is several HTTP requests; the engine's pace would flood it.
        let onAirflow = service.backendKind == "airflow"
        let summary = wait
            ? try await service.waitForRun(
                id, timeout: onAirflow ? .seconds(900) : .seconds(300), pollEvery: onAirflow ? .seconds(1) : .milliseconds(50))
            : try await service.report(for: id).detail.summary
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
