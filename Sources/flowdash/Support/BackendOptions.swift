import ArgumentParser
import FlowDashConfig
import FlowDashService
import Foundation

extension BackendKind: ExpressibleByArgument {}

/// `--backend`, `--url`, `--profile`, `--workspace`, shared by every command that reaches a
/// backend. Flags win over the environment, which wins over the profile (docs/AIRFLOW.md).
struct BackendOptions: ParsableArguments {
    @Option(help: ArgumentHelp("embedded or airflow (default: from --url/--workspace, the environment or the profile).", valueName: "kind"))
    var backend: BackendKind?
    @Option(help: ArgumentHelp("The Airflow server's root URL, http(s); implies --backend airflow (default: $FLOWDASH_AIRFLOW_URL).", valueName: "url"))
    var url: String?
    @Option(help: ArgumentHelp("A profile from the config file's profiles: (default: its profile:).", valueName: "name"))
    var profile: String?
    @Option(name: .long, help: ArgumentHelp("The embedded workspace folder (default: $FLOWDASH_WORKSPACE, else $XDG_DATA_HOME/flowdash/workspace).", valueName: "dir"))
    var workspace: String?

    var flags: BackendFlags { BackendFlags(backend: backend, url: url, profile: profile, workspace: workspace) }

    /// The plan for this command line, this process's environment and the user's config file.
    func plan(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> BackendPlan {
        let directories = XDGDirectories(environment: environment)
        let configURL = InterfaceSettings.configFile(directories)
        let config: ConfigFile
        do {
            config = try ConfigFile.load(configURL)
        } catch {
            throw BackendSelectionError(error.description)
        }
        let resolver = BackendResolver(
            environment: environment, config: config, configPath: configURL.path,
            defaultWorkspace: directories.flowdash(directories.dataHome).appendingPathComponent("workspace", isDirectory: true))
        return try resolver.resolve(flags)
    }

    /// The service over the chosen backend; asks for a missing Airflow password on a terminal.
    /// - Parameter detachRuns: embedded runs outlive this process instead of running in it.
    func makeService(detachRuns: Bool = false) throws -> FlowService {
        let plan = try plan()
        if case .airflow(let airflow) = plan { OutputScrubber.shared.hide(airflow.secrets) }
        return try ServiceFactory.service(for: plan, detachRuns: detachRuns, signIn: .terminal)
    }

    /// The embedded workspace, for commands that only run on the embedded engine.
    func embeddedWorkspace(for command: String) throws -> URL {
        guard case .embedded(let embedded) = try plan() else {
            throw BackendSelectionError("\(command) runs on the embedded engine only, not on Airflow")
        }
        return embedded.root
    }
}

extension AirflowSignIn {
    /// Asks on the terminal when standard input is one; otherwise missing credentials are an error.
    static var terminal: AirflowSignIn {
        guard isatty(STDIN_FILENO) == 1 else { return AirflowSignIn(ask: nil) }
        return AirflowSignIn { prompt, echo in
            if echo { return try SecretReader.promptLine(prompt) }
            let secret = try SecretReader.prompt(prompt)
            OutputScrubber.shared.hide([secret])
            return secret.reveal()
        }
    }
}

/// `--json` for machine-readable output.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print stable JSON (see docs/JSON.md) instead of text.")
    var json = false
}
