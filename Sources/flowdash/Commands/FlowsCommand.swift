import ArgumentParser
import FlowDashCore
import FlowDashService
import Foundation

struct FlowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flows", abstract: "List flows, edit one's definition, or list definition files that do not load.",
        subcommands: [ListFlowsCommand.self, EditFlowCommand.self, BrokenFlowsCommand.self, FlowTipsSwitchCommand.self],
        defaultSubcommand: ListFlowsCommand.self)
}

struct ListFlowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the workspace's flows.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let flows = try await backend.makeService().flows()
        if output.json {
            try JSONOutput.print(flows.map(JSONOutput.Flow.init))
        } else {
            print(TextOutput().flowsTable(flows))
        }
    }
}

/// `flowdash flows broken`: definition files that do not load (Airflow import errors, embedded
/// flow files that do not parse). They belong to no run, so `activity --json` leaves them out.
struct BrokenFlowsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broken", abstract: "List definition files that do not load, and why.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "At most this many files.") var limit = 50

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func run() async throws {
        let failures = try await backend.makeService().definitionFailures(limit: limit)
        if output.json {
            try JSONOutput.print(failures.map(JSONOutput.BrokenDefinition.init))
        } else {
            print(failures.isEmpty ? "Every definition file loads." : TextOutput().definitionFailuresTable(failures))
        }
    }
}

struct EditFlowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open a flow's definition in $VISUAL or $EDITOR and validate it when the editor exits.")

    @OptionGroup var backend: BackendOptions
    @Argument(help: "The flow to edit.") var flow: String

    func run() async throws {
        let service = try backend.makeService()
        let source = try await service.definition(of: flow)
        guard let path = source.path else {
            // why: the definition lives where this machine cannot write it (Airflow's DAG folder on
            // another host); showing it still answers "what does the flow do", and is no error.
            print(source.readOnlyText ?? "")
            FileHandle.standardError.write(Data("flow '\(flow)' is read-only here: \(source.readOnlyReason ?? "no local file")\n".utf8))
            return
        }
        let interactive = isatty(STDIN_FILENO) == 1
        while true {
            let before = try? Data(contentsOf: URL(fileURLWithPath: path))
            try EditorLauncher.edit(path)
            let after = try? Data(contentsOf: URL(fileURLWithPath: path))
            let problems = try await service.validateDefinition(of: flow)
            if problems.isEmpty {
                print(before == after ? "No changes to \(path)." : "Saved \(path); flow '\(flow)' is valid.")
                return
            }
            for problem in problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            // why: the edit is never thrown away; the user either fixes it now or later.
            guard interactive, askYesNo("Edit again? [Y/n] ") else {
                throw CommandFailure.exit(1, "flow '\(flow)' is invalid; your edit is kept in \(path)")
            }
        }
    }

    private func askYesNo(_ question: String) -> Bool {
        FileHandle.standardError.write(Data(question.utf8))
        guard let answer = readLine() else { return false }
        return !answer.lowercased().hasPrefix("n")
    }
}

/// Runs the user's editor on a file with the terminal handed over, and waits for it.
enum EditorLauncher {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static func edit(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // why: $EDITOR may carry arguments ("code --wait"); the path goes in as "$1", never re-parsed.
        process.arguments = ["-c", "\(editor) \"$1\"", "flowdash-editor", path]
        do {
            try process.run()
        } catch {
            throw Failed(description: "cannot start the editor '\(editor)': \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "the editor '\(editor)' exited with status \(process.terminationStatus); the file is as it left it: \(path)")
        }
    }
}
