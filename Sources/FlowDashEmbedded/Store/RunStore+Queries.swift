import FlowDashCore
import Foundation
import GRDB

/// Reading runs back. Every list walks an index newest first and stops at the limit, so its
/// cost does not grow with history; statements are cached because the interface and pollers
/// repeat the same few queries many times a second.
extension RunStore {
    static let summaryColumns = """
        id, flow, status, startedAt, finishedAt, inputs, resubmittedFrom,
        failureKind, failureCode, failureMessage, failureStep, failureConnection
        """

    /// Runs newest first (by id), filtered as the query asks.
    public func recentRuns(_ query: ActivityQuery) throws -> [RunSummary] {
        guard query.limit > 0 else { return [] }
        let (sql, arguments) = Self.activitySQL(query)
        return try pool.read { db in
            var decoder = SummaryRowDecoder()
            var runs: [RunSummary] = []
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            while let row = try rows.next() { runs.append(decoder.summary(from: row)) }
            return runs
        }
    }

    /// SQLite's plan for an activity query, one line per step; tests prove no list scans the table.
    func queryPlan(for query: ActivityQuery) throws -> [String] {
        let (sql, arguments) = Self.activitySQL(query)
        return try pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] ?? "" }
        }
    }

    private static func activitySQL(_ query: ActivityQuery) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        // why: a literal, not a bound value, so SQLite may use the partial index on failed runs.
        if query.failedOnly { conditions.append("status = 'failed'") }
        if let flow = query.flow {
            conditions.append("flow = ?")
            arguments += [flow]
        }
        arguments += [query.limit]
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return ("SELECT \(summaryColumns) FROM run \(filter) ORDER BY id DESC LIMIT ?", arguments)
    }

    /// A run with all its steps in order; `BackendError.runNotFound` when there is none.
    public func runDetail(_ id: RunID) throws -> RunDetail {
        guard let rowID = Self.rowID(id) else { throw BackendError.runNotFound(id) }
        return try pool.read { db in
            var decoder = SummaryRowDecoder()
            let runRow = try db.cachedStatement(sql: "SELECT \(Self.summaryColumns) FROM run WHERE id = ?")
            guard let row = try Row.fetchOne(runRow, arguments: [rowID]) else {
                throw BackendError.runNotFound(id)
            }
            let steps = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT position, name, status, connection, startedAt, finishedAt, errorCode, errorMessage, request, output
                FROM step WHERE runId = ? ORDER BY position
                """), arguments: [rowID])
            return RunDetail(summary: decoder.summary(from: row), steps: steps.map(SummaryRowDecoder.step(from:)))
        }
    }

    /// What a worker needs to execute a run; `BackendError.runNotFound` when there is none.
    public func runHeader(_ id: RunID) throws -> StoredRunHeader {
        guard let rowID = Self.rowID(id) else { throw BackendError.runNotFound(id) }
        return try pool.read { db in
            let header = try db.cachedStatement(sql: "SELECT flow, status, inputs FROM run WHERE id = ?")
            guard let row = try Row.fetchOne(header, arguments: [rowID]) else {
                throw BackendError.runNotFound(id)
            }
            let status = RunStatus(rawValue: row[1]) ?? .interrupted
            return StoredRunHeader(id: id, flow: row[0], status: status, inputs: InputsCoding.decode(row[2]))
        }
    }
}

/// Turns rows into model values. It remembers decoded inputs because a list often repeats the
/// same inputs text, and JSON decoding would otherwise dominate a 200-row page.
struct SummaryRowDecoder {
    private var inputsByText: [String: TriggerInputs] = [:]

    /// Reads `summaryColumns` from the row's column `start` on (a join holds two runs).
    mutating func summary(from row: Row, startingAt start: Int = 0) -> RunSummary {
        let inputsText: String = row[start + 5]
        let inputs = inputsByText[inputsText] ?? InputsCoding.decode(inputsText)
        inputsByText[inputsText] = inputs
        let id: Int64 = row[start]
        let original: Int64? = row[start + 6]
        return RunSummary(
            id: RunID(String(id)), flow: row[start + 1],
            // why: a status this version does not know was written by a newer one; show it as ended.
            status: RunStatus(rawValue: row[start + 2]) ?? .interrupted,
            startedAt: Date(timeIntervalSince1970: row[start + 3]), finishedAt: RunStore.date(row[start + 4]),
            inputs: inputs, resubmittedFrom: original.map { RunID(String($0)) }, failure: Self.failure(from: row, start))
    }

    private static func failure(from row: Row, _ start: Int) -> RunFailure? {
        guard let code: String = row[start + 8] else { return nil }
        let message: String = row[start + 9] ?? ""
        let error = StepError(code: code, message: message)
        let kind = (row[start + 7] as String?).flatMap(FailureKind.init(rawValue:)) ?? Diagnoser.kind(of: error)
        return RunFailure(kind: kind, code: code, message: message, step: row[start + 10], connection: row[start + 11])
    }

    static func step(from row: Row) -> StepRun {
        let code: String? = row[6]
        let error = code.map { StepError(code: $0, message: row[7] ?? "") }
        return StepRun(
            position: row[0], name: row[1], status: StepStatus(rawValue: row[2]) ?? .interrupted,
            connection: row[3], startedAt: RunStore.date(row[4]), finishedAt: RunStore.date(row[5]),
            error: error, request: row[8], output: row[9])
    }
}
