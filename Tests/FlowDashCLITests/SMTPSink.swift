import Foundation

/// Tests/Mail/smtp_sink.py on a free port of 127.0.0.1: a real SMTP server whose received
/// messages land, parsed, as JSON files in a folder. Starting it must work: a test that needs it
/// fails (never skips) when it cannot start.
final class SMTPSink {
    let process = Process()
    let folder: URL
    private(set) var port = 0

    init(folder: URL) throws {
        self.folder = folder
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Mail/smtp_sink.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var buffer = ""
        while Date() < deadline, !buffer.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = buffer.split(separator: "\n").first, line.hasPrefix("PORT "), let number = Int(line.dropFirst(5)) else {
            stop()
            throw Failure("the SMTP sink did not start (python3 \(script.path)): \(buffer)")
        }
        port = number
    }

    /// Every message received so far, oldest first.
    func messages() throws -> [[String: Any]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        }
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        // why: never hang a test on a sink that ignores SIGTERM.
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
