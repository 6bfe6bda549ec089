import FlowDashConfig
import FlowDashCurses
import FlowDashScreen
import FlowDashService
import FlowDashTUI
import Foundation

/// What the interface opens with, after flags, config file and environment are weighed.
struct InterfaceSettings {
    var themeName: String
    var language: String
    var readOnly: Bool

    static var configFile: URL { configFile(XDGDirectories()) }

    static func configFile(_ directories: XDGDirectories) -> URL {
        directories.flowdash(directories.configHome).appendingPathComponent("config.yaml")
    }

    static func loadConfig() throws -> ConfigFile {
        do {
            return try ConfigFile.load(configFile)
        } catch {
            throw CommandFailure.exit(1, error.description)
        }
    }

    static func languageFromEnvironment() -> String {
        let environment = ProcessInfo.processInfo.environment
        let locale = [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty }
        return Strings.language(fromLocale: locale)
    }

    /// Where themes are looked for: the user's folder, then the Themes/ folder shipped beside
    /// the binary (found by walking up from it, which covers `.build/<config>/flowdash`).
    static var themeCatalog: ThemeCatalog {
        let directories = XDGDirectories()
        let user = directories.flowdash(directories.configHome).appendingPathComponent("themes", isDirectory: true)
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        var shipped: URL?
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Themes", isDirectory: true)
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("default.yaml").path) {
                shipped = candidate
                break
            }
            folder = folder.deletingLastPathComponent()
        }
        return ThemeCatalog(userFolder: user, shippedFolder: shipped)
    }
}

/// Opens the curses interface over a service and runs it until the user quits.
enum InterfaceLauncher {
    @MainActor
    static func open(service: FlowService, settings: InterfaceSettings, greeting: StatusMessage? = nil) async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure.exit(1, "the interface needs a terminal; scripts can use `flowdash activity`, `flowdash run show`, … with --json")
        }
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let catalog = InterfaceSettings.themeCatalog
        let themes = ThemeResolver(catalog: catalog, noColor: noColor)
        let firstTheme = try themes.theme(named: settings.themeName)
        let strings = Strings(language: settings.language)

        let terminal = try CursesTerminal(options: .init(colors: !noColor, mouse: true))
        defer { terminal.shutdown() }
        var state = AppState(readOnly: settings.readOnly, size: terminal.size)
        state.themeName = firstTheme.name
        state.availableThemes = catalog.names
        state.supportFolder = XDGDirectories().flowdash(XDGDirectories().dataHome).appendingPathComponent("support").path
        if let greeting { state.status.message = greeting }
        let program = Program(
            terminal: terminal, service: service, state: state,
            render: { state in
                render(state, theme: themes.cached(named: state.themeName) ?? firstTheme, strings: strings, now: Date())
            },
            editor: { path in try EditorLauncher.edit(path) })
        _ = await program.run()
    }
}

/// Loads themes by name once each; under NO_COLOR every name gives the monochrome theme.
@MainActor
final class ThemeResolver {
    private let catalog: ThemeCatalog
    private let noColor: Bool
    private var loaded: [String: Theme] = [:]

    init(catalog: ThemeCatalog, noColor: Bool) {
        self.catalog = catalog
        self.noColor = noColor
    }

    func theme(named name: String) throws -> Theme {
        if noColor { return .monochrome }
        if let theme = loaded[name] { return theme }
        do {
            let theme = try catalog.theme(named: name)
            loaded[name] = theme
            return theme
        } catch {
            throw CommandFailure.exit(1, error.description)
        }
    }

    /// For `:theme NAME` inside the interface: nil (keep the current one) when it cannot load.
    func cached(named name: String) -> Theme? {
        try? theme(named: name)
    }
}
