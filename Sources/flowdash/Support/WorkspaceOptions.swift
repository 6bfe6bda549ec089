import ArgumentParser
import FlowDashConfig
import FlowDashEmbedded
import FlowDashService
import Foundation
import Logging

/// `--workspace DIR`, shared by every command; falls back to $FLOWDASH_WORKSPACE, then to
/// `workspace:` in the config file, then to the XDG data directory.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (default: $FLOWDASH_WORKSPACE, else $XDG_DATA_HOME/flowdash/workspace).", valueName: "dir"))
    var workspace: String?

    var root: URL { resolved.root }

    /// The workspace folder, and whether someone named it (a flag, the environment or the
    /// config file) rather than it being the default.
    private var resolved: (root: URL, named: Bool) {
        if let workspace { return (URL(fileURLWithPath: workspace, isDirectory: true).standardizedFileURL, true) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["FLOWDASH_WORKSPACE"], !fromEnvironment.isEmpty {
            return (URL(fileURLWithPath: fromEnvironment, isDirectory: true).standardizedFileURL, true)
        }
        // why: a broken config file is reported by the interface, which reads all of it; here
        // only the workspace is wanted, and a script's `flowdash activity` should not fail on a theme typo.
        if let configured = (try? ConfigFile.load(InterfaceSettings.configFile))?.workspace, !configured.isEmpty {
            return (URL(fileURLWithPath: configured, isDirectory: true).standardizedFileURL, true)
        }
        let directories = XDGDirectories()
        return (directories.flowdash(directories.dataHome).appendingPathComponent("workspace", isDirectory: true), false)
    }

    /// The service over the embedded engine of this workspace.
    /// - Parameter detachRuns: runs outlive this process (a worker executes them) instead of running in it.
    func makeService(detachRuns: Bool = false) throws -> FlowService {
        _ = LoggingSetup.bootstrapped
        let (root, named) = resolved
        // why: a mistyped path must not quietly become a new, empty workspace with a store in it;
        // only the default one is created on first use.
        var isFolder: ObjCBool = false
        if named, !(FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) && isFolder.boolValue) {
            throw CommandFailure.exit(1, "no workspace at \(root.path) (a folder with flows/ and connections.yaml; `flowdash demo --workspace \(root.path)` makes one)")
        }
        let launcher: RunLauncher = detachRuns ? .detached(
            executable: Self.currentExecutable,
            arguments: { id in ["_execute", id.rawValue, "--workspace", root.path] }
        ) : .inProcess
        let backend = try EmbeddedBackend(workspace: root, launcher: launcher, logger: Logger(label: "flowdash.embedded"))
        return FlowService(backend: backend, logger: Logger(label: "flowdash.service"))
    }

    private static var currentExecutable: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }
}

/// `--json` for machine-readable output.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print stable JSON (see docs/JSON.md) instead of text.")
    var json = false
}
