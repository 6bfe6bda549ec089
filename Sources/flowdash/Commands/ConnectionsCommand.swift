import ArgumentParser
import FlowDashCore
import FlowDashService
import Foundation

struct ConnectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connections", abstract: "List connections, or verify one with a new secret.",
        subcommands: [ListConnectionsCommand.self, VerifyConnectionCommand.self],
        defaultSubcommand: ListConnectionsCommand.self)
}

struct ListConnectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List connections and their status.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let connections = try await backend.makeService().connections()
        if output.json {
            try JSONOutput.print(connections.map(JSONOutput.Connection.init))
        } else {
            print(TextOutput().connectionsTable(connections))
        }
    }
}

struct VerifyConnectionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove a new secret with a real request; store it only if the server accepts it.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The connection to verify.") var name: String?
    @Option(help: ArgumentHelp("Verify the connection the failing step of this run went through.", valueName: "RUN"))
    var run: String?
    @Flag(help: "Read the secret from standard input instead of prompting.") var passwordStdin = false

    func validate() throws {
        guard (name == nil) != (run == nil) else {
            throw ValidationError("name a connection, or give --run RUN to verify the one its failing step went through")
        }
    }

    func run() async throws {
        let service = try backend.makeService()
        let connections = try await service.connections()
        let name: String
        if let given = self.name {
            name = given
        } else {
            name = try await connectionOfFailingStep(service: service, connections: connections)
        }
        // why: fail on a wrong name before asking the user to type a secret.
        guard connections.contains(where: { $0.name == name }) else {
            throw CommandFailure.exit(1, "no connection named '\(TextSanitizer.clean(name))'")
        }
        let secret = try passwordStdin ? SecretReader.fromStandardInput()
            : SecretReader.prompt("Secret for connection '\(TextSanitizer.clean(name))': ")
        let outcome = try await service.verifyConnection(name, secret: secret)
        report(outcome, name: name)
        if !outcome.isVerified { throw ExitCode(1) }
    }

    /// The connection the run's failing step went through: said with how it was found, picked
    /// from a numbered list on a terminal when several may be it; never a guess.
    private func connectionOfFailingStep(service: FlowService, connections: [ConnectionInfo]) async throws -> String {
        let runID = RunID(run ?? "")
        let report = try await service.report(for: runID)
        guard let step = report.detail.failingStep, let target = ConnectionToVerify(step: step) else {
            throw CommandFailure.exit(1, "run \(TextSanitizer.clean(runID.rawValue)) has no failed step with a connection to verify")
        }
        let stepName = TextSanitizer.clean(step.name)
        switch target {
        case .connection(let name):
            let how = step.connectionLeads.first { $0.name == name }.map { " (found \(DiagnosisText.describe($0.evidence)))" } ?? ""
            FileHandle.standardError.write(Data("Step '\(stepName)' went through connection '\(TextSanitizer.clean(name))'\(how).\n".utf8))
            return name
        case .choose(let leads):
            return try pick(from: leads, step: stepName)
        case .unlisted(let name):
            throw CommandFailure.exit(1, Self.unlistedReason(name))
        case .unknown:
            let known = connections.map { TextSanitizer.clean($0.name) }.joined(separator: ", ")
            throw CommandFailure.exit(1, "nothing tells which connection step '\(stepName)' went through (Airflow does not record "
                + "the connections Python code opens); verify it by name: flowdash connections verify NAME"
                + (known.isEmpty ? "" : " (the connections: \(known))"))
        }
    }

    private static func unlistedReason(_ name: String) -> String {
        "connection '\(TextSanitizer.clean(name))' is not in the server's list (defined in the workers' environment or a secrets "
            + "backend), so FlowDash cannot verify it: correct its secret where it is defined, then resubmit"
    }

    /// A numbered list, best first, and the number typed on a terminal; without one, the list
    /// and how to name one.
    private func pick(from leads: [ConnectionLead], step: String) throws -> String {
        let lines = leads.enumerated().map { index, lead in
            let how = lead.isListed ? DiagnosisText.describe(lead.evidence) : "not in the server's list: cannot be verified here"
            return "  \(index + 1). \(TextSanitizer.clean(lead.name))  (\(how))"
        }
        let list = "Step '\(step)' went through one of these connections; nothing tells which:\n" + lines.joined(separator: "\n") + "\n"
        FileHandle.standardError.write(Data(list.utf8))
        guard isatty(STDIN_FILENO) == 1, !passwordStdin else {
            throw CommandFailure.exit(1, "name the one to verify: flowdash connections verify NAME")
        }
        FileHandle.standardError.write(Data("Which one? [1-\(leads.count)]: ".utf8))
        guard let answer = readLine().flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
              leads.indices.contains(answer - 1) else {
            throw CommandFailure.exit(1, "no connection picked; nothing was sent or stored")
        }
        let lead = leads[answer - 1]
        guard lead.isListed else { throw CommandFailure.exit(1, Self.unlistedReason(lead.name)) }
        return lead.name
    }

    private func report(_ outcome: VerificationOutcome, name: String) {
        let shown = TextSanitizer.clean(name)
        let (word, error): (String, StepError?) = switch outcome {
        case .verified: ("verified", nil)
        case .rejected(let error): ("rejected", error)
        case .inconclusive(let error): ("inconclusive", error)
        }
        if output.json {
            try? JSONOutput.print(JSONOutput.Verification(
                connection: name, verified: outcome.isVerified, outcome: word,
                code: error?.code, message: error.map { TextSanitizer.clean($0.message) }))
            return
        }
        switch outcome {
        case .verified:
            print("Connection '\(shown)' verified: the server accepted the secret, and it is stored.")
        case .rejected(let error):
            print("Connection '\(shown)' NOT verified: the server refused the secret (\(error.code) \(TextSanitizer.clean(error.message))). Nothing was stored.")
        case .inconclusive(let error):
            print("Connection '\(shown)' NOT verified: no proof either way (\(error.code) \(TextSanitizer.clean(error.message))). Nothing was stored.")
        }
    }
}
