import Foundation
import Logging

/// Appends log lines to a file. Writes go straight to an O_APPEND descriptor, so lines from
/// concurrent tasks and processes never interleave mid-line and no lock is needed.
struct FileLogHandler: LogHandler {
    private let descriptor: Int32
    private let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    init(label: String, descriptor: Int32) {
        self.label = label
        self.descriptor = descriptor
    }

    /// Opens (or creates, 0600) the log file; nil when it cannot, so logging never stops a command.
    static func openLog(at url: URL) -> Int32? {
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        return descriptor >= 0 ? descriptor : nil
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = Date().formatted(.iso8601)
        let line = "\(stamp) \(event.level) \(label) pid=\(getpid()): \(event.message)\(fields.isEmpty ? "" : " " + fields)\n"
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
}

enum LoggingSetup {
    /// Idempotent: a static `let` runs its initialiser once, thread-safely.
    static let bootstrapped: Void = {
        let directories = XDGDirectories()
        let file = directories.flowdash(directories.stateHome).appendingPathComponent("flowdash.log")
        let level = ProcessInfo.processInfo.environment["FLOWDASH_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        guard let descriptor = FileLogHandler.openLog(at: file) else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return
        }
        LoggingSystem.bootstrap { label in
            var handler = FileLogHandler(label: label, descriptor: descriptor)
            handler.logLevel = level
            return handler
        }
    }()
}
