import GRDB

/// The store's tables. Migrations only ever append: a store written by an older FlowDash opens
/// in a newer one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: v2)
        }
        return migrator
    }

    // why: timestamps are REAL seconds since 1970 everywhere, so bulk inserts and range
    // comparisons need no conversion; ids are AUTOINCREMENT so an id is never reused after
    // history is reset (a worker or a terminal may still hold an old one).
    static let v1 = """
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

    // The failure inbox (RunStore+Inbox): each failure's connection, and indexes so that
    // grouping reads only the open failures, never the whole table.
    private static let v2 = """
        ALTER TABLE run ADD COLUMN failureConnection TEXT;
        -- why: runs failed before v2 recorded their failing step, whose connection the step table kept.
        UPDATE run SET failureConnection = (
            SELECT step.connection FROM step WHERE step.runId = run.id AND step.name = run.failureStep
            ORDER BY step.position LIMIT 1)
        WHERE failureStep IS NOT NULL;
        -- The newest success per flow (MAX on it) closes every older failure of the flow.
        CREATE INDEX run_flow_succeeded ON run(flow, id) WHERE status = 'succeeded';
        -- A flow's failures after its last success, with every column a cause is made of, so
        -- grouping never touches the table (status too: SQLite counts a column the WHERE names
        -- as read, even when the partial index implies it).
        CREATE INDEX run_flow_failed_cause ON run(flow, id, failureKind, failureConnection, failureStep,
            failureCode, finishedAt, startedAt, status) WHERE status = 'failed';
        -- Whether a run was resubmitted (it then stands no more for itself), and the ledger newest first.
        CREATE INDEX run_resubmitted_from ON run(resubmittedFrom) WHERE resubmittedFrom IS NOT NULL;
        CREATE INDEX run_resubmits ON run(id) WHERE resubmittedFrom IS NOT NULL;
        """
}
