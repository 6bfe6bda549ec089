import GRDB

/// The store's tables. Migrations only ever append: a store written by an older FlowDash opens
/// in a newer one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        return migrator
    }

    // why: timestamps are REAL seconds since 1970 everywhere, so bulk inserts and range
    // comparisons need no conversion; ids are AUTOINCREMENT so an id is never reused after
    // history is reset (a worker or a terminal may still hold an old one).
    private static let v1 = """
        CREATE TABLE run (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            flow TEXT NOT NULL,
            status TEXT NOT NULL,
            startedAt REAL NOT NULL,
            finishedAt REAL,
            inputs TEXT NOT NULL DEFAULT '{}',
            resubmittedFrom INTEGER,
            failureKind TEXT,
            failureCode TEXT,
            failureMessage TEXT,
            failureStep TEXT,
            ownerPid INTEGER,
            ownerStartedAt INTEGER
        );
        -- Newest first overall walks the primary key itself; these cover the filtered lists.
        -- The partial indexes only apply when a query spells status = 'failed' literally.
        CREATE INDEX run_failed ON run(id) WHERE status = 'failed';
        CREATE INDEX run_flow ON run(flow, id);
        CREATE INDEX run_flow_failed ON run(flow, id) WHERE status = 'failed';
        CREATE INDEX run_active ON run(status) WHERE status IN ('queued', 'running');

        CREATE TABLE step (
            runId INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            connection TEXT,
            status TEXT NOT NULL,
            startedAt REAL,
            finishedAt REAL,
            errorCode TEXT,
            errorMessage TEXT,
            request TEXT,
            output TEXT,
            PRIMARY KEY (runId, position)
        );

        CREATE TABLE connection_state (
            name TEXT PRIMARY KEY NOT NULL,
            secret TEXT,
            status TEXT NOT NULL DEFAULT 'unknown',
            lastVerifiedAt REAL,
            lastError TEXT
        );

        CREATE TABLE flow_setting (
            flow TEXT PRIMARY KEY NOT NULL,
            tipsEnabled BOOLEAN NOT NULL DEFAULT 1
        );
        """
}
