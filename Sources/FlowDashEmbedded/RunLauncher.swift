import FlowDashCore

/// Where a started run executes.
public enum RunLauncher: Sendable {
    /// In this process, as a task (interface, demo, `--wait`).
    case inProcess
    /// In a worker process that calls `EmbeddedBackend.execute(_:)` and outlives this one (CLI
    /// without `--wait`).
    case detached(executable: String, arguments: @Sendable (RunID) -> [String])
}

/// A worker process could not be started; the run it was for is marked failed.
public struct RunLaunchError: Error, Sendable, Hashable, CustomStringConvertible {
    public let executable: String
    public let reason: String

    public init(executable: String, reason: String) {
        self.executable = executable
        self.reason = reason
    }

    public var description: String { "cannot start the worker \(executable): \(reason)" }
}
