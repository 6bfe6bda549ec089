import FlowDashCore
import Foundation
@testable import FlowDashEmbedded

/// A store history with every case the inbox rules tell apart: flows that never succeed,
/// flows that recover, resubmits that fail, succeed or still run, cancelled, interrupted,
/// queued and running runs, failures without a connection or a step, names with colons.
enum InboxFixture {
    static let flows = ["billing-sync", "crm-import", "directory", "invoices", "orders", "reports:nightly"]
    static let steps = [PlannedStep(name: "fetch", connection: "crm"), PlannedStep(name: "create-invoice", connection: "billing"),
                        PlannedStep(name: "notify", connection: nil), PlannedStep(name: "a:b", connection: "x:y")]
    static let errors = [StepError(httpStatus: 401, message: "Unauthorized: expired token"),
                         StepError(httpStatus: 403, message: "Forbidden"),
                         StepError(httpStatus: 503, message: "Service Unavailable"),
                         StepError(httpStatus: 404, message: "Not Found"),
                         StepError(httpStatus: 422, message: "Unprocessable"),
                         StepError(code: TransportCode.timeout, message: "timed out")]
    static let start = Date(timeIntervalSince1970: 1_760_000_000)

    /// Appends `count` runs, one second apart (so start times order them as their ids do).
    static func seed(_ store: RunStore, count: Int, seed: UInt64) async throws {
        var random = SeededRandom(seed: seed)
        var failedByFlow: [String: [RunID]] = [:]
        for index in 0..<count {
            let flow = random.pick(flows)
            let at = start.addingTimeInterval(Double(index))
            // why: "orders" never recovers, so one long streak is open from its first failure.
            let succeeds = flow != "orders" && random.next(100) < 18
            let original = random.next(100) < 25 ? failedByFlow[flow].flatMap { $0.isEmpty ? nil : random.pick($0) } : nil
            let id = try await store.createRun(flow: flow, inputs: ["n": String(index % 7)], steps: steps,
                                               resubmittedFrom: original, at: at)
            let roll = random.next(100)
            if roll < 4 { continue }  // still queued
            _ = try await store.claimRun(id, owner: ProcessLiveness.current, at: at)
            if roll < 8 { continue }  // still running
            let end = at.addingTimeInterval(0.5)
            if succeeds {
                try await store.finishRun(id, status: .succeeded, at: end)
            } else if roll < 12 {
                try await store.finishRun(id, status: .cancelled, at: end)
            } else {
                let step = random.next(10) == 0 ? nil : random.pick(steps)
                // why: some failures predate the connection column, or their step used none.
                let connection = random.next(8) == 0 ? nil : step?.connection
                let failure = RunFailure(error: random.pick(errors), step: step?.name, connection: connection)
                let status: RunStatus = roll < 16 ? .interrupted : .failed
                try await store.finishRun(id, status: status, failure: failure, at: end)
                if status == .failed { failedByFlow[flow, default: []].append(id) }
            }
        }
    }
}
