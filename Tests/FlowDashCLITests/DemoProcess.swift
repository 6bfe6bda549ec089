import Foundation

/// `flowdash demo --headless` running in the background until stopped.
final class DemoProcess {
    let process = Process()
    private let output = Pipe()
    private(set) var lines: [String] = []

    init(sandbox: CLISandbox) throws {
        process.executableURL = CLISandbox.executable
        process.arguments = ["demo", "--headless", "--workspace", sandbox.workspace.path]
        process.environment = sandbox.environment
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Reads stdout until the demo says it is serving; fails if it exits or takes too long.
    func waitUntilServing(timeout: TimeInterval = 120) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = ""
        let handle = output.fileHandleForReading
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { throw Failure("demo exited early: \(lines)") }
            buffer += String(decoding: chunk, as: UTF8.self)
            lines = buffer.components(separatedBy: "\n")
            if buffer.contains("Serving the demo API") { return }
        }
        throw Failure("demo did not start in time: \(lines)")
    }

    func value(after prefix: String) -> String? {
        lines.first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    /// SIGTERM, then the exit status.
    func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
