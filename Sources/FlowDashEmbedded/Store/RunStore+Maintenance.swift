import FlowDashCore
import Foundation
import GRDB

/// Housekeeping: history reset, runs whose process died, and synthetic history for benchmarks.
extension RunStore {
    /// A queued run nobody claimed for this long was lost with the process that queued it.
    public static let unclaimedRunGrace: TimeInterval = 60

    /// Deletes every run and step (demo refresh); connection states stay.
    public func deleteAllRuns() throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM step; DELETE FROM run")
        }
    }

    /// Running runs whose owner process is gone, and queued runs nobody claimed within
    /// `unclaimedRunGrace`, become `interrupted`, as do their unfinished steps. Returns their ids.
    @discardableResult
    public func markOrphanedRunsInterrupted(now: Date = Date(), isAlive: (OwnerProcess) -> Bool) throws -> [RunID] {
        let claimDeadline = Self.seconds(now) - Self.unclaimedRunGrace
        return try pool.write { db in
            let candidates = try Row.fetchAll(db, sql: """
                SELECT id, status, startedAt, ownerPid, ownerStartedAt FROM run WHERE status IN ('queued', 'running')
                """)
            var orphans: [RunID] = []
            for row in candidates {
                let id: Int64 = row[0]
                let pid: Int32? = row[3]
                let owner = pid.map { OwnerProcess(pid: $0, startTime: row[4]) }
                if let owner, isAlive(owner) { continue }
                if owner == nil, (row[2] as Double) > claimDeadline { continue }
                try Self.interrupt(db, run: id, wasClaimed: owner != nil, at: Self.seconds(now))
                orphans.append(RunID(String(id)))
            }
            return orphans
        }
    }

    private static func interrupt(_ db: Database, run: Int64, wasClaimed: Bool, at now: Double) throws {
        let error = StepError(
            code: TransportCode.interrupted,
            message: wasClaimed
                ? "the process running this step stopped before it finished"
                : "the run was queued but no process ever started it")
        let failingStep = try Row.fetchOne(
            db, sql: "SELECT name, connection FROM step WHERE runId = ? AND status = 'running' ORDER BY position LIMIT 1",
            arguments: [run])
        try db.execute(
            sql: "UPDATE step SET status = 'interrupted', finishedAt = ?, errorCode = ?, errorMessage = ? WHERE runId = ? AND status = 'running'",
            arguments: [now, error.code, error.message, run])
        try db.execute(sql: "UPDATE step SET status = 'interrupted' WHERE runId = ? AND status = 'pending'", arguments: [run])
        let failure = RunFailure(error: error, step: failingStep?["name"], connection: failingStep?["connection"])
        try db.execute(
            sql: """
                UPDATE run SET status = 'interrupted', finishedAt = ?, failureKind = ?, failureCode = ?,
                    failureMessage = ?, failureStep = ?, failureConnection = ?
                WHERE id = ?
                """,
            arguments: [now, failure.kind.rawValue, failure.code, failure.message, failure.step, failure.connection, run])
    }

    /// Appends `count` finished runs of a few synthetic flows, one second apart and ending now;
    /// every `failedEvery`-th one failed (none when `failedEvery` < 1). One transaction, one
    /// prepared statement: a million rows take seconds.
    public func insertSyntheticRuns(count: Int, failedEvery: Int, endingAt end: Date = Date()) throws {
        guard count > 0 else { return }
        let flows = ["synthetic-orders", "synthetic-billing", "synthetic-directory", "synthetic-reports"]
        let failure = RunFailure(
            error: StepError(httpStatus: 503, message: "Service Unavailable: synthetic failure"), step: "fetch")
        let firstStart = Self.seconds(end) - Double(count)
        try pool.write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO run (flow, status, startedAt, finishedAt, inputs,
                    failureKind, failureCode, failureMessage, failureStep)
                VALUES (?, ?, ?, ?, '{"customer":"c-1001"}', ?, ?, ?, ?)
                """)
            for index in 0..<count {
                let started = firstStart + Double(index)
                let failed = failedEvery > 0 && index % failedEvery == failedEvery - 1
                insert.setUncheckedArguments(failed
                    ? [flows[index % flows.count], RunStatus.failed.rawValue, started, started + 0.25,
                       failure.kind.rawValue, failure.code, failure.message, failure.step]
                    : [flows[index % flows.count], RunStatus.succeeded.rawValue, started, started + 0.25,
                       nil, nil, nil, nil])
                try insert.execute()
            }
        }
    }
}
