import ArgumentParser
import FlowDashConfig
import FlowDashCore
import FlowDashService
import Foundation

/// `flowdash support-bundle RUN -o FILE`: a `.tar.gz` with the run, its steps, errors, timings,
/// versions and the configuration, every secret removed (docs/HELP.md).
struct SupportBundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "support-bundle",
        abstract: "Write a run's support bundle (a .tar.gz without secrets) to send to support.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var format: OutputOptions
    @Argument(help: "The run.") var run: String
    @Option(name: .shortAndLong, help: ArgumentHelp("The archive to write, e.g. bundle.tar.gz.", valueName: "file"))
    var output: String
    @Flag(help: "Replace the file when it exists.") var force = false

    func run() async throws {
        let destination = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: destination.path), !force {
            throw SupportBundleArchive.Problem.fileExists(destination.path)
        }
        let plan = try backend.plan()
        let service = try backend.makeService()
        let bundle = try await service.supportBundle(for: RunID(run), context: Self.context(plan: plan))
        try SupportBundleArchive.write(bundle, to: destination, overwrite: force)
        if format.json {
            try JSONOutput.print(JSONOutput.SupportBundleWritten(runId: bundle.run.runId, file: destination.path,
                                                                 files: try SupportBundleArchive.files(of: bundle).map(\.name)))
        } else {
            print("Wrote the support bundle of run \(bundle.run.runId) to \(destination.path) (secrets removed; check it before you send it).")
        }
    }

    /// FlowDash's version, the config file's settings without their secrets, and every secret
    /// this process knows (profiles, Airflow credentials) for the bundle to remove by value.
    static func context(plan: BackendPlan, environment: [String: String] = ProcessInfo.processInfo.environment) -> SupportContext {
        var settings: [String: String] = [:]
        var secrets: [String] = []
        if case .airflow(let airflow) = plan { secrets += airflow.secrets.map { $0.reveal() } }
        let configURL = InterfaceSettings.configFile(XDGDirectories(environment: environment))
        do {
            let config = try ConfigFile.load(configURL)
            settings["theme"] = config.theme
            settings["language"] = config.language
            settings["readOnly"] = config.readOnly.map { String($0) }
            settings["workspace"] = config.workspace
            settings["profile"] = config.profile
            for (name, profile) in config.profiles {
                let prefix = "profiles.\(name)."
                settings[prefix + "backend"] = profile.backend.rawValue
                settings[prefix + "workspace"] = profile.workspace
                settings[prefix + "url"] = profile.url
                settings[prefix + "username"] = profile.username
                if profile.password != nil { settings[prefix + "password"] = SupportBundleRedactor.mask }
                if profile.token != nil { settings[prefix + "token"] = SupportBundleRedactor.mask }
                secrets += [profile.password, profile.token].compactMap { $0?.reveal() }
            }
        } catch {
            // why: the problem text is ours, but it quotes paths only; the bundle still helps without it.
            settings["configFile"] = "could not be read: \(error.description)"
        }
        return SupportContext(flowdashVersion: FlowDashCommand.configuration.version, configuration: settings, knownSecrets: secrets)
    }
}

extension JSONOutput {
    struct SupportBundleWritten: Encodable {
        let runId: String
        let file: String
        let files: [String]
    }
}
