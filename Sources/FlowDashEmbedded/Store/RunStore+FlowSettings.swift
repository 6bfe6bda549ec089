import GRDB

/// Per-flow settings (`flow_setting`, part of the v1 schema, so every existing store has it):
/// today the repair-tips switch. A flow without a row has tips on.
extension RunStore {
    public func flowsWithTipsOff() throws -> Set<String> {
        try pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT flow FROM flow_setting WHERE tipsEnabled = 0"))
        }
    }

    public func setTips(enabled: Bool, forFlow flow: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO flow_setting (flow, tipsEnabled) VALUES (?, ?)
                    ON CONFLICT(flow) DO UPDATE SET tipsEnabled = excluded.tipsEnabled
                    """,
                arguments: [flow, enabled])
        }
    }
}
