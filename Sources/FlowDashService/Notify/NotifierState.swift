import FlowDashCore
import Foundation

/// What the notifier remembers between passes and restarts: which streaks were notified (or
/// skipped), and the emails still to send with their retry schedule.
public struct NotifierState: Codable, Sendable, Equatable {
    /// A streak: one flow's failed runs since its last success, named by its first failed run.
    public struct StreakKey: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
        public let flow: String
        public let firstFailedRun: RunID

        public init(flow: String, firstFailedRun: RunID) {
            self.flow = flow
            self.firstFailedRun = firstFailedRun
        }

        public var description: String { "\(flow)#\(firstFailedRun)" }
        public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.flow, lhs.firstFailedRun) < (rhs.flow, rhs.firstFailedRun) }
    }

    public enum Outcome: String, Codable, Sendable {
        case sent, skipped
    }

    /// A streak that needs no more email.
    public struct Settled: Codable, Sendable, Equatable {
        public let key: StreakKey
        public let outcome: Outcome
        public let at: Date
        public let recipient: String?
    }

    /// An email not yet delivered.
    public struct Pending: Codable, Sendable, Equatable {
        public let key: StreakKey
        public let recipient: String
        public var attempts: Int
        public var nextAttemptAt: Date
        public var lastError: String?
    }

    public var settled: [Settled] = []
    public var pending: [Pending] = []

    public init() {}

    public func knows(_ key: StreakKey) -> Bool {
        settled.contains { $0.key == key } || pending.contains { $0.key == key }
    }

    /// Forgets settled streaks of flows that are not failing now or have moved on to another
    /// streak: their key cannot come back, since a new streak begins with a new run.
    mutating func forgetEnded(current: Set<StreakKey>) {
        settled.removeAll { !current.contains($0.key) }
    }
}

/// The state in a small JSON file, replaced atomically and readable by its owner only.
public struct NotifierStateFile: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url }

    public func load() throws -> NotifierState {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch CocoaError.fileReadNoSuchFile {
            return NotifierState()
        } catch let error as NSError where error.domain == NSPOSIXErrorDomain && error.code == Int(ENOENT) {
            return NotifierState()
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(NotifierState.self, from: data)
        } catch {
            throw BackendError.storage("cannot read the notifier state \(url.path): it is not the JSON FlowDash writes (move it away to start afresh)")
        }
    }

    public func save(_ state: NotifierState) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(state)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // why: written 0600 under a temporary name, then renamed, so no reader sees half a file
        // and no other user ever reads the recipients.
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw BackendError.storage("cannot write the notifier state in \(folder.path)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw BackendError.storage("cannot replace the notifier state \(url.path) (errno \(errno))")
        }
    }
}
