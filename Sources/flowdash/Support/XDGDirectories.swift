import Foundation

/// The XDG base directories (with their documented fallbacks under $HOME).
struct XDGDirectories {
    let environment: [String: String]

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    var dataHome: URL { base("XDG_DATA_HOME", fallback: ".local/share") }
    var stateHome: URL { base("XDG_STATE_HOME", fallback: ".local/state") }
    var configHome: URL { base("XDG_CONFIG_HOME", fallback: ".config") }
    var cacheHome: URL { base("XDG_CACHE_HOME", fallback: ".cache") }

    /// FlowDash's own folder inside one of the base directories.
    func flowdash(_ base: URL) -> URL { base.appendingPathComponent("flowdash", isDirectory: true) }

    private func base(_ variable: String, fallback: String) -> URL {
        // why: the spec says a relative value is invalid and must be ignored.
        if let value = environment[variable], value.hasPrefix("/") {
            return URL(fileURLWithPath: value, isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(fallback, isDirectory: true)
    }
}
