import Foundation

/// Runs the built `flowdash` binary as a user would, in a sandbox of its own: HOME and the XDG
/// directories point into a temporary folder, so tests never touch the real home.
struct CLISandbox {
    let root: URL
    let workspace: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-cli-\(UUID().uuidString)")
        workspace = root.appendingPathComponent("workspace")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    var environment: [String: String] {
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                           "HOME": root.path, "LANG": "C.UTF-8",
                           "XDG_DATA_HOME": root.appendingPathComponent("data").path,
                           "XDG_STATE_HOME": root.appendingPathComponent("state").path,
                           "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
                           "SWIFT_BACKTRACE": "enable=no"]
        environment["EDITOR"] = "/bin/false"
        return environment
    }

    var logFile: URL { root.appendingPathComponent("state/flowdash/flowdash.log") }

    static let executable: URL = {
        if let override = ProcessInfo.processInfo.environment["FLOWDASH_BIN"] {
            return URL(fileURLWithPath: override)
        }
        // why: the test binary is built into the same products folder as `flowdash`.
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("flowdash")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "flowdash")
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs one command to completion; `--workspace` is added unless `workspaceFlag` is false.
    func run(_ arguments: [String], stdin: String? = nil, extraEnvironment: [String: String] = [:],
             workspaceFlag: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments + (workspaceFlag ? ["--workspace", workspace.path] : [])
        process.environment = environment.merging(extraEnvironment) { _, new in new }
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // why: read before waiting, or a full pipe would block the child forever.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Starts a command in the background, output discarded; the caller waits or kills it.
    func spawn(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments + ["--workspace", workspace.path]
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func json(_ arguments: [String]) throws -> Any {
        let result = try run(arguments + ["--json"])
        guard result.status == 0 else { throw Failure("\(arguments) failed (\(result.status)): \(result.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
