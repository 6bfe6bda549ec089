import ArgumentParser
import FlowDashCore

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
    @Argument(help: "The connection to verify.") var name: String
    @Flag(help: "Read the secret from standard input instead of prompting.") var passwordStdin = false

    func run() async throws {
        let service = try backend.makeService()
        // why: fail on a wrong name before asking the user to type a secret.
        guard try await service.connections().contains(where: { $0.name == name }) else {
            throw CommandFailure.exit(1, "no connection named '\(name)'")
        }
        let secret = try passwordStdin ? SecretReader.fromStandardInput() : SecretReader.prompt("Secret for connection '\(name)': ")
        let outcome = try await service.verifyConnection(name, secret: secret)
        report(outcome)
        if !outcome.isVerified { throw ExitCode(1) }
    }

    private func report(_ outcome: VerificationOutcome) {
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
            print("Connection '\(name)' verified: the server accepted the secret, and it is stored.")
        case .rejected(let error):
            print("Connection '\(name)' NOT verified: the server refused the secret (\(error.code) \(TextSanitizer.clean(error.message))). Nothing was stored.")
        case .inconclusive(let error):
            print("Connection '\(name)' NOT verified: no proof either way (\(error.code) \(TextSanitizer.clean(error.message))). Nothing was stored.")
        }
    }
}
