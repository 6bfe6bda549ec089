import FlowDashCore
import Foundation
import GRDB

/// The failure inbox and the ledger over every stored run, in SQL (rules: `FailureInbox`).
/// "Created after" is a greater id. Each flow's open failures are the failed runs after its
/// newest success that were not resubmitted; the indexes of schema v2 let every query read
/// only those, so the cost follows the number of open failures, not the size of history.
extension RunStore {
    /// Every open failure, grouped by cause.
    public func failureInbox() throws -> FailureInbox {
        try pool.read { db in
            var partials: [FailureCause: InboxGroupParts] = [:]
            let rows = try Row.fetchCursor(db.cachedStatement(sql: Self.inboxGroupsSQL))
            while let row = try rows.next() {
                let part = InboxGroupParts(row: row)
                partials[part.cause, default: InboxGroupParts(cause: part.cause)].merge(part)
            }
            let message = try db.cachedStatement(sql: "SELECT failureMessage FROM run WHERE id = ?")
            let groups = try partials.values.map { part in
                part.group(latestMessage: try String.fetchOne(message, arguments: [part.newestID]) ?? "")
            }
            return FailureInbox(groups: groups, isPartial: false)
        }
    }

    /// Open failures newest first, at most `limit`: of one cause and ended at or after
    /// `failedSince`, when given.
    public func openFailures(cause: FailureCause?, failedSince: Date?, limit: Int) throws -> [RunSummary] {
        guard limit > 0, let (sql, arguments) = Self.openFailuresSQL(cause: cause, failedSince: failedSince, limit: limit)
        else { return [] }
        return try pool.read { db in
            var decoder = SummaryRowDecoder()
            return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { decoder.summary(from: $0) }
        }
    }

    /// Resubmissions, the newest first, at most `limit`; one whose original is gone is left out.
    public func ledger(limit: Int) throws -> [LedgerEntry] {
        guard limit > 0 else { return [] }
        return try pool.read { db in
            var decoder = SummaryRowDecoder()
            return try Row.fetchAll(db.cachedStatement(sql: Self.ledgerSQL), arguments: [limit]).map { row in
                LedgerEntry(original: decoder.summary(from: row, startingAt: Self.summaryColumnCount),
                            resubmitted: decoder.summary(from: row))
            }
        }
    }

    /// SQLite's plans for the inbox queries, by name; tests prove none scans the run table.
    func inboxQueryPlans() throws -> [String: [String]] {
        let cause = FailureCause(basis: .connection, name: "crm", kind: .authentication, code: nil)
        var queries: [String: (String, StatementArguments)] = [
            "groups": (Self.inboxGroupsSQL, []), "ledger": (Self.ledgerSQL, [100]),
        ]
        queries["open failures"] = Self.openFailuresSQL(cause: nil, failedSince: nil, limit: 200)
        queries["open failures of a cause since"] = Self.openFailuresSQL(cause: cause, failedSince: Date(), limit: 200)
        return try pool.read { db in
            try queries.mapValues { sql, arguments in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] ?? "" }
            }
        }
    }

    // why: a loose index scan finds the distinct flows in a few index seeks each, and MAX on the
    // partial index of successes is one seek; `after` is 0 for a flow that never succeeded.
    private static let openFailuresCTE = """
        WITH RECURSIVE flows(flow) AS (
            SELECT (SELECT MIN(flow) FROM run)
            UNION ALL
            SELECT (SELECT MIN(later.flow) FROM run AS later WHERE later.flow > flows.flow)
            FROM flows WHERE flows.flow IS NOT NULL
        ),
        since(flow, after) AS (
            SELECT flows.flow, COALESCE((
                SELECT MAX(success.id) FROM run AS success
                WHERE success.flow = flows.flow AND success.status = 'succeeded'), 0)
            FROM flows WHERE flows.flow IS NOT NULL
        )
        """

    /// Runs `f` that are open failures (the status literal lets SQLite use the partial index).
    private static let openFailureJoin = """
        FROM since JOIN run AS f ON f.flow = since.flow AND f.status = 'failed' AND f.id > since.after
        WHERE f.failureCode IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM run AS again WHERE again.resubmittedFrom = f.id)
        """

    // why: grouped by what a cause is made of (and the flow); the cause itself is decided in
    // Swift by `FailureCause(of:)`, so the store can never disagree with Core's rule.
    private static let inboxGroupsSQL = """
        \(openFailuresCTE)
        SELECT f.failureKind, f.failureConnection, f.failureStep, f.failureCode, f.flow, COUNT(*),
            MIN(COALESCE(f.finishedAt, f.startedAt)), MAX(COALESCE(f.finishedAt, f.startedAt)), MAX(f.id)
        \(openFailureJoin)
        GROUP BY f.failureKind, f.failureConnection, f.failureStep, f.failureCode, f.flow
        """

    private static let ledgerSQL = """
        SELECT \(prefixed(summaryColumns, "again")), \(prefixed(summaryColumns, "original"))
        FROM run AS again JOIN run AS original ON original.id = again.resubmittedFrom
        WHERE again.resubmittedFrom IS NOT NULL
        ORDER BY again.id DESC LIMIT ?
        """

    /// Nil when the cause can match no failure (a step cause without a code).
    private static func openFailuresSQL(cause: FailureCause?, failedSince: Date?, limit: Int) -> (String, StatementArguments)? {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let cause {
            guard let (condition, values) = causeCondition(cause) else { return nil }
            conditions.append(condition)
            arguments += values
        }
        if let failedSince {
            conditions.append("COALESCE(f.finishedAt, f.startedAt) >= ?")
            arguments += [seconds(failedSince)]
        }
        arguments += [limit]
        let filter = conditions.map { " AND " + $0 }.joined()
        // why: the ids are chosen from the covering index alone; only the page's rows are read.
        let sql = """
            SELECT \(summaryColumns) FROM run WHERE id IN (
                \(openFailuresCTE)
                SELECT f.id \(openFailureJoin)\(filter)
                ORDER BY f.id DESC LIMIT ?)
            ORDER BY id DESC
            """
        return (sql, arguments)
    }

    /// `FailureCause.matches` in SQL: a connection cause is its connection and kind (a kind
    /// that is connection-wide); a step cause is its step ("?" when none) and code, for failures
    /// that are not a connection's.
    private static func causeCondition(_ cause: FailureCause) -> (String, StatementArguments)? {
        let connectionWide = "(COALESCE(f.failureConnection, '') <> '' AND f.failureKind IN ('authentication', 'transient'))"
        switch cause.basis {
        case .connection:
            guard FailureCause.isConnectionWide(cause.kind) else { return nil }
            return ("f.failureConnection = ? AND f.failureKind = ?", [cause.name, cause.kind.rawValue])
        case .step:
            guard let code = cause.code else { return nil }
            return ("NOT \(connectionWide) AND COALESCE(f.failureStep, ?) = ? AND f.failureCode = ?",
                    [FailureCause.unknownStep, cause.name, code])
        }
    }

    static let summaryColumnCount = summaryColumns.split(separator: ",").count

    private static func prefixed(_ columns: String, _ table: String) -> String {
        columns.split(separator: ",").map { "\(table).\($0.trimmingCharacters(in: .whitespacesAndNewlines))" }
            .joined(separator: ", ")
    }
}

/// One row of the grouping query (a cause in one flow with one code), merged per cause.
private struct InboxGroupParts {
    let cause: FailureCause
    var runCount = 0
    var flows: Set<String> = []
    var codes: Set<String> = []
    var firstFailedAt = Double.infinity
    var lastFailedAt = -Double.infinity
    var newestID: Int64 = 0

    init(cause: FailureCause) { self.cause = cause }

    /// Columns: kind, connection, step, code, flow, count, first ended, last ended, newest id.
    init(row: Row) {
        let code: String = row[3]
        let error = StepError(code: code, message: "")
        // why: as `SummaryRowDecoder` reads it: a kind this version does not know is diagnosed again.
        let kind = (row[0] as String?).flatMap(FailureKind.init(rawValue:)) ?? Diagnoser.kind(of: error)
        cause = FailureCause(of: RunFailure(kind: kind, code: code, message: "", step: row[2], connection: row[1]))
        runCount = row[5]
        flows = [row[4]]
        codes = [code]
        firstFailedAt = row[6]
        lastFailedAt = row[7]
        newestID = row[8]
    }

    mutating func merge(_ other: InboxGroupParts) {
        runCount += other.runCount
        flows.formUnion(other.flows)
        codes.formUnion(other.codes)
        firstFailedAt = min(firstFailedAt, other.firstFailedAt)
        lastFailedAt = max(lastFailedAt, other.lastFailedAt)
        newestID = max(newestID, other.newestID)
    }

    func group(latestMessage: String) -> FailureGroup {
        FailureGroup(
            cause: cause, runCount: runCount, flows: flows.sorted(), codes: codes.sorted(),
            firstFailedAt: Date(timeIntervalSince1970: firstFailedAt),
            lastFailedAt: Date(timeIntervalSince1970: lastFailedAt), latestMessage: latestMessage)
    }
}
