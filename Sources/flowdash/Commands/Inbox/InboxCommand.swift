import ArgumentParser
import FlowDashCore
import FlowDashService

/// `flowdash inbox`: open failures grouped by root cause, the biggest group first;
/// `flowdash inbox GROUP`: that group's open failures, newest first.
struct InboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "Show open failures grouped by root cause, or one group's failed runs.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: ArgumentHelp("A group id from the list (connection:crm:authentication, step:create-invoice:404).", valueName: "group"))
    var group: String?
    @Option(help: "With a group: at most this many runs (default 100).") var limit: Int?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if limit != nil, group == nil { throw ValidationError("--limit applies to a group's runs: flowdash inbox GROUP --limit N") }
    }

    func run() async throws {
        let service = try backend.makeService()
        guard let group else {
            let inbox = try await service.failureInbox()
            if output.json {
                try JSONOutput.print(JSONOutput.Inbox(inbox))
            } else {
                print(TextOutput().inbox(inbox))
            }
            return
        }
        let cause = try GroupID.cause(group)
        let runs = try await service.openFailures(cause: cause, limit: limit ?? 100)
        guard !runs.isEmpty else { throw GroupID.noOpenFailures(group) }
        if output.json {
            try JSONOutput.print(JSONOutput.GroupFailures(group: cause.id, runs: runs.map(JSONOutput.Run.init)))
        } else {
            print(TextOutput().groupFailures(runs, group: cause.id))
        }
    }
}

/// A group id typed by the user: read back, or a clear `Error:` line and exit 1.
enum GroupID {
    static func cause(_ text: String) throws -> FailureCause {
        guard let cause = FailureCause(id: text) else {
            throw CommandFailure.exit(1, "'\(TextSanitizer.clean(text))' is not a group id (like connection:crm:authentication or step:create-invoice:404); flowdash inbox lists them")
        }
        return cause
    }

    static func noOpenFailures(_ text: String) -> ExitCode {
        CommandFailure.exit(1, "no open failures in group '\(TextSanitizer.clean(text))'; flowdash inbox lists the groups")
    }
}
