import Foundation

/// `flowdash demo` opened in a real terminal (tmux), in a sandbox of its own, the way a new
/// user starts it. The pane outlives the app so a test can read its exit status and tty mode.
struct InterfaceSession {
    let tmux: Tmux
    let root: URL
    var workspace: URL { root.appendingPathComponent("workspace") }

    static let flowdash: String = {
        if let override = ProcessInfo.processInfo.environment["FLOWDASH_BIN"] { return override }
        var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("flowdash")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        return "flowdash"
    }()

    /// Starts the demo interface; `environment` adds or overrides variables (e.g. NO_COLOR).
    static func startDemo(arguments: [String] = [], environment: [String: String] = [:],
                          width: Int = 110, height: Int = 32) async throws -> InterfaceSession {
        try await start(environment: environment, width: width, height: height) { root in
            ["demo", "--workspace", root.appendingPathComponent("workspace").path] + arguments
        }
    }

    /// Starts `flowdash` with the arguments `arguments(root)` gives, in a sandbox folder `root`
    /// of its own (home, XDG folders), seeing only the variables set here and in `environment`.
    static func start(environment: [String: String] = [:], width: Int = 110, height: Int = 32,
                      arguments: (URL) -> [String]) async throws -> InterfaceSession {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var variables = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": root.path, "TERM": "tmux-256color", "LANG": "C.UTF-8",
            "XDG_DATA_HOME": root.appendingPathComponent("data").path,
            "XDG_STATE_HOME": root.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
            "SWIFT_BACKTRACE": "interactive=no", "EDITOR": "/bin/true",
        ]
        variables.merge(environment) { _, new in new }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuoted($0.value))" }
        let app = ([flowdash] + arguments(root)).map(shellQuoted).joined(separator: " ")
        // why: `env -i` — `swift test` exports NO_COLOR and more; the app must see only what we set.
        let command = "env -i \(assignments.joined(separator: " ")) \(app) 2>\(shellQuoted(root.path))/stderr.txt; "
            + "echo EXIT=$?; stty -a | grep -o -- '-\\?icanon' | sed 's/^/TTY=/'; sleep 600"
        let tmux = try await Tmux.start(command, width: width, height: height, folder: root.appendingPathComponent("tmux"))
        return InterfaceSession(tmux: tmux, root: root)
    }

    /// Runs `body` with a fresh demo interface and always stops it (tmux, the app, the folder)
    /// before returning, also when `body` fails.
    static func withDemo(arguments: [String] = [], environment: [String: String] = [:],
                         _ body: (InterfaceSession) async throws -> Void) async throws {
        try await with(try await startDemo(arguments: arguments, environment: environment), body)
    }

    /// Runs `body` with `session` and always stops it before returning, also when `body` fails.
    static func with(_ session: InterfaceSession, _ body: (InterfaceSession) async throws -> Void) async throws {
        do {
            try await body(session)
        } catch {
            await session.stop()
            throw error
        }
        await session.stop()
    }

    /// Waits for the interface's activity list (the demo prints flow names while it seeds, so
    /// a flow name alone would match before the interface is up).
    func waitForActivity(title: String = "Needs attention") async throws {
        try await tmux.waitFor("the activity list", timeout: .seconds(60)) {
            $0.contains(title) && $0.contains("sync-customers")
        }
    }

    /// Filters the activity list to one flow and opens its newest run.
    func openRun(of flow: String) async throws {
        try await tmux.press("/")
        try await tmux.type(flow)
        try await tmux.press("Enter")
        try await tmux.press("Enter")
        try await tmux.waitFor(text: "Repair tips")
    }

    /// Waits until the run detail shows a resubmitted run that succeeded. why: the header's
    /// "resubmitted from N" is cut at a narrow width once "started 19s ago" grows on a slow
    /// machine, and the status line may say "resubmitted as" or "finished"; the breadcrumb
    /// (… › Run original › Run new) and the header's status are always there.
    @discardableResult
    func waitForResubmittedRunToSucceed() async throws -> String {
        try await tmux.waitFor("the resubmitted run succeeded", timeout: .seconds(40)) { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count > 1 else { return false }
            let crumbs = lines[0].components(separatedBy: "› Run ")
            guard crumbs.count == 3, let newRun = crumbs.last?.split(separator: " ").first else { return false }
            return lines[1].hasPrefix("Run \(newRun) · ") && lines[1].contains(" · succeeded · ")
        }
    }

    func stop() async {
        await tmux.stop()
        try? FileManager.default.removeItem(at: root)
    }
}

func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
