import FlowDashCore
import Foundation
import GRDB

/// A history shaped like a real one, for the inbox benchmark.
extension RunStore {
    /// Appends `count` finished runs, one second apart and ending at `end`, over `flowCount`
    /// flows: mostly successes with an occasional failure that the flow's next success closes;
    /// every tenth flow goes through `crm`, whose token expired for the last 40% of history, so
    /// those flows have failed since (one group of tens of thousands of open failures at 1M
    /// runs); one in 25 of those was resubmitted and failed again, and about a third of the other
    /// failures were resubmitted and succeeded. Deterministic; one transaction.
    public func insertSyntheticInboxHistory(count: Int, flows flowCount: Int = 200, endingAt end: Date = Date()) throws {
        guard count > 0, flowCount > 0 else { return }
        let expired = RunFailure(error: StepError(httpStatus: 401, message: "Unauthorized: invalid or expired token"),
                                 step: "fetch", connection: "crm")
        let firstStart = Self.seconds(end) - Double(count)
        let streakStart = count * 6 / 10
        var random = SeededRandom()
        var lastFailed: [Int: Int64] = [:]
        try pool.write { db in
            let insert = try db.makeStatement(sql: """
                INSERT INTO run (flow, status, startedAt, finishedAt, inputs, resubmittedFrom,
                    failureKind, failureCode, failureMessage, failureStep, failureConnection)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for index in 0..<count {
                let flow = random.next(flowCount)
                let connection = flow % 10 == 0 ? "crm" : Self.syntheticConnections[flow % Self.syntheticConnections.count]
                var failure: RunFailure?
                var original: Int64?
                if flow % 10 == 0, index >= streakStart {
                    failure = expired
                    if random.next(25) == 0 { original = lastFailed.removeValue(forKey: flow) }
                } else if random.next(12) == 0 {
                    failure = Self.syntheticFailure(random.next(4), connection: connection)
                } else if random.next(3) == 0 {
                    original = lastFailed.removeValue(forKey: flow)
                }
                let started = firstStart + Double(index)
                insert.setUncheckedArguments([
                    "synthetic-flow-\(flow)", (failure == nil ? RunStatus.succeeded : RunStatus.failed).rawValue,
                    started, started + 0.25, #"{"customer":"c-\#(1000 + flow)"}"#, original,
                    failure?.kind.rawValue, failure?.code, failure?.message, failure?.step, failure?.connection,
                ])
                try insert.execute()
                if failure != nil { lastFailed[flow] = db.lastInsertedRowID }
            }
        }
    }

    private static let syntheticConnections = ["billing", "directory", "erp", "mail", "storage"]

    private static func syntheticFailure(_ choice: Int, connection: String) -> RunFailure {
        switch choice {
        case 0: RunFailure(error: StepError(httpStatus: 503, message: "Service Unavailable"), step: "fetch", connection: connection)
        case 1: RunFailure(error: StepError(httpStatus: 404, message: "Not Found: no such customer"), step: "create-invoice",
                           connection: connection)
        case 2: RunFailure(error: StepError(httpStatus: 422, message: "Unprocessable: amount missing"), step: "create-invoice",
                           connection: connection)
        default: RunFailure(error: StepError(code: TransportCode.timeout, message: "no answer within 30 s"), step: "notify",
                            connection: connection)
        }
    }
}

/// Seeded pseudo-random numbers (SplitMix64): the same history on every run. The store's tests
/// seed their fixtures with it too.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64 = 0x5EED) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((value ^ (value >> 31)) % UInt64(bound))
    }

    mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }
}
