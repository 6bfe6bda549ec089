import FlowDashCore
import Foundation
import GRDB

/// Runs, steps and connection states in one SQLite file (WAL). Several FlowDash processes may
/// open the same file at once: writes wait for each other instead of failing.
public final class RunStore: Sendable {
    /// The database file.
    public let path: URL
    let pool: DatabasePool

    /// Opens the store at `path`, creating its directory (0700) and file (0600) when missing.
    public init(path: URL) throws {
        self.path = path
        try Self.prepareFile(at: path)
        var configuration = Configuration()
        // why: a second `flowdash` writing the same store must wait for the first, not fail.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // why: in WAL mode NORMAL never corrupts the store; a power cut can lose only the
            // last commits, and it saves an fsync per step.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path.path, configuration: configuration)
        try Self.migrate(pool)
    }

    private static func migrate(_ pool: DatabasePool) throws {
        let migrator = StoreSchema.migrator
        do {
            try migrator.migrate(pool)
        } catch {
            // why: GRDB checks what is applied before it locks; a process that opened a new store
            // at the same moment may have migrated in between, which is fine.
            guard try pool.read(migrator.hasCompletedMigrations) else { throw error }
        }
    }

    private static func prepareFile(at path: URL) throws {
        let directory = path.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // why: SQLite gives the -wal and -shm files the main file's mode, so creating it 0600
        // keeps secrets unreadable to other users from the first byte on.
        let descriptor = open(path.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw BackendError.storage("cannot create \(path.path): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
    }

    /// The row id behind a run id; nil for ids this store never issues.
    static func rowID(_ id: RunID) -> Int64? {
        guard let value = Int64(id.rawValue), value > 0 else { return nil }
        return value
    }

    static func seconds(_ date: Date) -> Double { date.timeIntervalSince1970 }

    static func date(_ seconds: Double?) -> Date? { seconds.map(Date.init(timeIntervalSince1970:)) }
}
