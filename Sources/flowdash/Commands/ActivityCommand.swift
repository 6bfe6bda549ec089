import ArgumentParser
import FlowDashCore
import FlowDashService
import Foundation

struct ActivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "List runs, newest first; failures carry their kind, code and message. Definition files that do not load are listed above them.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Only failed runs.") var failed = false
    @Option(help: "Only runs of this flow.") var flow: String?
    @Option(help: "At most this many runs.") var limit = 50

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func run() async throws {
        let service = try backend.makeService()
        if output.json {
            // why: the JSON stays an array of runs (docs/JSON.md); scripts read broken files
            // from `flowdash flows broken --json`.
            let runs = try await service.activity(failedOnly: failed, flow: flow, limit: limit)
            try JSONOutput.print(runs.map(JSONOutput.Run.init))
            return
        }
        async let broken = brokenDefinitions(service)
        let runs = try await service.activity(failedOnly: failed, flow: flow, limit: limit)
        let text = TextOutput()
        let failures: [DefinitionFailure]
        switch await broken {
        case .success(let found): failures = found
        case .failure(let error):
            // why: not being able to list them must not hide the runs; a note, once the runs came.
            FileHandle.standardError.write(Data("Note: cannot list the definition files that do not load: \(error)\n".utf8))
            failures = []
        }
        if !failures.isEmpty {
            print(text.definitionFailuresSection(failures))
            print("")
        }
        print(text.activityTable(runs))
    }

    /// The files that do not load, of the chosen flow when there is one.
    private func brokenDefinitions(_ service: FlowService) async -> Result<[DefinitionFailure], any Error> {
        do {
            let failures = try await service.definitionFailures(limit: limit)
            return .success(flow.map { flow in failures.filter { $0.flow == flow } } ?? failures)
        } catch {
            return .failure(error)
        }
    }
}
