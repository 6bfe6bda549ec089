import FlowDashCore
import Foundation
import GRDB

/// Writing a run's life: queued, claimed, step by step, finished. Each call is one short
/// transaction so that a reader (the interface, another process) sees progress at once.
extension RunStore {
    /// Creates a queued run with every step pending, in one transaction.
    public func createRun(
        flow: String, inputs: TriggerInputs, steps: [PlannedStep], resubmittedFrom: RunID? = nil, at date: Date = Date()
    ) async throws -> RunID {
        let inputsJSON = try InputsCoding.encode(inputs)
        let original = resubmittedFrom.flatMap(Self.rowID)
        let id = try await pool.write { db -> Int64 in
            try db.cachedStatement(sql: "INSERT INTO run (flow, status, startedAt, inputs, resubmittedFrom) VALUES (?, 'queued', ?, ?, ?)")
                .execute(arguments: [flow, Self.seconds(date), inputsJSON, original])
            let runID = db.lastInsertedRowID
            let insertStep = try db.cachedStatement(
                sql: "INSERT INTO step (runId, position, name, connection, status) VALUES (?, ?, ?, ?, 'pending')")
            for (position, step) in steps.enumerated() {
                try insertStep.execute(arguments: [runID, position, step.name, step.connection])
            }
            return runID
        }
        return RunID(String(id))
    }

    /// Takes a queued run for execution by `owner` and starts its first step; false when the run
    /// is not queued (already taken, finished, or unknown).
    public func claimRun(_ id: RunID, owner: OwnerProcess, at date: Date = Date()) async throws -> Bool {
        guard let rowID = Self.rowID(id) else { return false }
        let now = Self.seconds(date)
        return try await pool.write { db in
            try db.cachedStatement(sql: """
                UPDATE run SET status = 'running', startedAt = ?, ownerPid = ?, ownerStartedAt = ?
                WHERE id = ? AND status = 'queued'
                """).execute(arguments: [now, owner.pid, owner.startTime, rowID])
            guard db.changesCount > 0 else { return false }
            try Self.startStep(db, run: rowID, position: 0, at: now)
            return true
        }
    }

    /// Records a finished step and, in the same transaction, starts the one after it.
    public func completeStep(of id: RunID, at position: Int, _ record: StepRecord, startingNextAt next: Date?) async throws {
        guard let rowID = Self.rowID(id) else { throw BackendError.runNotFound(id) }
        try await pool.write { db in
            try Self.write(record, db, run: rowID, position: position)
            if let next { try Self.startStep(db, run: rowID, position: position + 1, at: Self.seconds(next)) }
        }
    }

    /// Ends a run: its last step's record when given, its status and failure, and every step
    /// still pending becomes skipped.
    public func finishRun(
        _ id: RunID, status: RunStatus, failure: RunFailure? = nil,
        lastStep: (position: Int, record: StepRecord)? = nil, at date: Date = Date()
    ) async throws {
        guard let rowID = Self.rowID(id) else { throw BackendError.runNotFound(id) }
        try await pool.write { db in
            if let lastStep { try Self.write(lastStep.record, db, run: rowID, position: lastStep.position) }
            try db.cachedStatement(sql: """
                UPDATE run SET status = ?, finishedAt = ?, failureKind = ?, failureCode = ?,
                    failureMessage = ?, failureStep = ?, failureConnection = ?
                WHERE id = ?
                """).execute(arguments: [status.rawValue, Self.seconds(date), failure?.kind.rawValue, failure?.code,
                                         failure?.message, failure?.step, failure?.connection, rowID])
            try db.cachedStatement(sql: "UPDATE step SET status = 'skipped' WHERE runId = ? AND status = 'pending'")
                .execute(arguments: [rowID])
        }
    }

    private static func startStep(_ db: Database, run: Int64, position: Int, at seconds: Double) throws {
        let statement = try db.cachedStatement(
            sql: "UPDATE step SET status = 'running', startedAt = ? WHERE runId = ? AND position = ?")
        try statement.execute(arguments: [seconds, run, position])
    }

    private static func write(_ record: StepRecord, _ db: Database, run: Int64, position: Int) throws {
        let statement = try db.cachedStatement(sql: """
            UPDATE step SET status = ?, finishedAt = ?, errorCode = ?, errorMessage = ?, request = ?, output = ?
            WHERE runId = ? AND position = ?
            """)
        try statement.execute(arguments: [
            record.status.rawValue, seconds(record.finishedAt), record.error?.code, record.error?.message,
            record.request, record.output, run, position,
        ])
    }
}
