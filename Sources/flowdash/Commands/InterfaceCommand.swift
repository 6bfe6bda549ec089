import ArgumentParser
import FlowDashService

/// `flowdash` with no subcommand: the interface on the workspace.
struct InterfaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui", abstract: "Open the interface (what `flowdash` alone does).")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var interface: InterfaceOptions

    func run() async throws {
        let settings = try interface.resolve()
        let service = try backend.makeService(detachRuns: false)
        try await InterfaceLauncher.open(service: service, settings: settings)
    }
}

/// `--theme`, `--lang`, `--read-only`, shared by `ui` and `demo`.
struct InterfaceOptions: ParsableArguments {
    @Option(help: "Theme name: a file in Themes/ or $XDG_CONFIG_HOME/flowdash/themes (default: default).")
    var theme: String?
    @Option(name: .customLong("lang"), help: "Language: en, fr or nl (default: from LC_ALL / LANG).")
    var language: String?
    @Flag(help: "Refuse every action that changes remote state.") var readOnly = false

    func validate() throws {
        if let language, !["en", "fr", "nl"].contains(language) {
            throw ValidationError("--lang must be en, fr or nl")
        }
    }

    /// Flags win over the config file, which wins over the environment.
    func resolve() throws -> InterfaceSettings {
        let config = try InterfaceSettings.loadConfig()
        return InterfaceSettings(
            themeName: theme ?? config.theme ?? "default",
            language: language ?? config.language ?? InterfaceSettings.languageFromEnvironment(),
            readOnly: readOnly || (config.readOnly ?? false))
    }
}
