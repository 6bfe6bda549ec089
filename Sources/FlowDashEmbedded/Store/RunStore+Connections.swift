import FlowDashCore
import Foundation
import GRDB

/// Connection secrets and states. This table is the only place a secret is ever written.
extension RunStore {
    /// Every connection the store knows something about, by name.
    public func connectionStates() throws -> [String: ConnectionState] {
        try pool.read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT name, secret, status, lastVerifiedAt, lastError FROM connection_state"))
            return Dictionary(rows.map(Self.connectionState(from:)).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// What the store knows about one connection; nil when nothing yet.
    public func connectionState(named name: String) throws -> ConnectionState? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT name, secret, status, lastVerifiedAt, lastError FROM connection_state WHERE name = ?",
                arguments: [name]
            ).map(Self.connectionState(from:))
        }
    }

    /// Stores a secret without proving it (demo seeding); its status becomes unknown.
    public func storeSecret(_ secret: Secret, for name: String) throws {
        try upsertSecret(secret, for: name, status: .unknown, verifiedAt: nil)
    }

    /// Stores a secret the server just accepted: status connected, verified now.
    public func storeVerifiedSecret(_ secret: Secret, for name: String, at date: Date = Date()) throws {
        try upsertSecret(secret, for: name, status: .connected, verifiedAt: date)
    }

    /// Records what the last request through a connection proved, keeping its secret.
    public func setConnectionStatus(
        _ status: ConnectionStatus, for name: String, lastError: String?, verifiedAt: Date? = nil
    ) async throws {
        let verified = verifiedAt.map(Self.seconds)
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO connection_state (name, status, lastVerifiedAt, lastError) VALUES (?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET status = excluded.status, lastError = excluded.lastError,
                        lastVerifiedAt = COALESCE(excluded.lastVerifiedAt, lastVerifiedAt)
                    """,
                arguments: [name, status.rawValue, verified, lastError])
        }
    }

    private func upsertSecret(_ secret: Secret, for name: String, status: ConnectionStatus, verifiedAt: Date?) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO connection_state (name, secret, status, lastVerifiedAt, lastError) VALUES (?, ?, ?, ?, NULL)
                    ON CONFLICT(name) DO UPDATE SET secret = excluded.secret, status = excluded.status,
                        lastVerifiedAt = excluded.lastVerifiedAt, lastError = NULL
                    """,
                arguments: [name, secret.reveal(), status.rawValue, verifiedAt.map(Self.seconds)])
        }
    }

    private static func connectionState(from row: Row) -> ConnectionState {
        let secret: String? = row[1]
        return ConnectionState(
            name: row[0], secret: secret.map(Secret.init), status: ConnectionStatus(rawValue: row[2]) ?? .unknown,
            lastVerifiedAt: date(row[3]), lastError: row[4])
    }
}
