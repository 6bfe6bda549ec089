import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts a worker that survives its parent: its own session (no SIGHUP when the terminal
/// closes), standard streams on /dev/null, never waited on by the caller.
enum DetachedProcess {
    /// Returns the worker's pid once it has been started.
    @discardableResult
    static func spawn(executable: String, arguments: [String]) throws(RunLaunchError) -> Int32 {
        #if os(Linux)
        let pid = try spawnInNewSession(executable: executable, arguments: arguments)
        // why: a long-lived parent would otherwise collect zombies, and a zombie still answers
        // kill(pid, 0); a thread blocked in waitpid costs nothing and ends with the child.
        Thread.detachNewThread { _ = waitpid(pid, nil, 0) }
        return pid
        #else
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw RunLaunchError(executable: executable, reason: error.localizedDescription)
        }
        return process.processIdentifier
        #endif
    }

    #if os(Linux)
    /// glibc's POSIX_SPAWN_SETSID (2.26+), which Swift cannot see: it sits behind _GNU_SOURCE.
    private static let newSessionFlag: Int16 = 0x80

    private static func spawnInNewSession(executable: String, arguments: [String]) throws(RunLaunchError) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, newSessionFlag)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environment)
        guard status == 0 else {
            throw RunLaunchError(executable: executable, reason: String(cString: strerror(status)))
        }
        return pid
    }
    #endif
}
