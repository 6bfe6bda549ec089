import FlowDashCore
import FlowDashService
import Foundation

/// `flowdash resubmit --group/--failed-since --json` (docs/JSON.md, "Bulk resubmit"): one object
/// per line, told apart by `event`; a field is left out when the event has no value for it.
extension JSONOutput {
    struct FlowCount: Encodable {
        let flow: String
        let runs: Int
    }

    struct SkippedRun: Encodable {
        let runId: String
        let reason: String
    }

    struct BulkResubmitEvent: Encodable {
        let event: String
        // plan
        var dryRun: Bool?
        var count: Int?
        var distinctRuns: Int?
        var flows: [FlowCount]?
        var runs: [Run]?
        var skipped: [SkippedRun]?
        var stillUnauthorized: [String]?
        // submitted, refused, finished
        var originalRunId: String?
        var runId: String?
        var flow: String?
        var reason: String?
        var status: String?
        var failure: Failure?
        // stillRunning
        var runIds: [String]?
        // summary
        var planned: Int?
        var submitted: Int?
        var refused: Int?
        var succeeded: Int?
        var failed: Int?
        var stillRunning: Int?
        var waited: Bool?
        var ok: Bool?

        private init(event: String) { self.event = event }

        init(plan: BulkResubmitPlan, dryRun: Bool) {
            self.init(event: "plan")
            self.dryRun = dryRun
            count = plan.count
            distinctRuns = TextOutput.distinctRuns(plan)
            flows = plan.flows.map { FlowCount(flow: $0.flow, runs: $0.runs) }
            runs = plan.runs.map(Run.init)
            skipped = plan.skipped.map { SkippedRun(runId: $0.id.rawValue, reason: TextSanitizer.clean($0.reason)) }
            stillUnauthorized = plan.stillUnauthorized.map { TextSanitizer.clean($0) }
        }

        init(_ event: FlowDashService.BulkResubmitEvent, flows: [RunID: String]) {
            switch event {
            case .submitted(let original, let run):
                self.init(event: "submitted")
                originalRunId = original.rawValue
                runId = run.rawValue
                flow = flows[original]
            case .refused(let original, let reason):
                self.init(event: "refused")
                originalRunId = original.rawValue
                flow = flows[original]
                // why: a backend's error may quote what it was sent; the Airflow password is scrubbed.
                self.reason = TextSanitizer.clean(OutputScrubber.shared.scrub(reason))
            case .finished(let original, let run):
                self.init(event: "finished")
                originalRunId = original.rawValue
                runId = run.id.rawValue
                flow = run.flow
                status = run.status.rawValue
                failure = run.failure.map(Failure.init)
            case .stillRunning(let ids):
                self.init(event: "stillRunning")
                runIds = ids.map(\.rawValue)
            }
        }

        init(tally: BulkResubmitTally, planned: Int, waited: Bool, ok: Bool) {
            self.init(event: "summary")
            self.planned = planned
            submitted = tally.submitted
            refused = tally.refused
            succeeded = tally.succeeded
            failed = tally.failed
            stillRunning = tally.stillRunning
            self.waited = waited
            self.ok = ok
        }
    }

    /// One compact object on one line (JSON Lines), flushed at once.
    static func printLine<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
        fflush(nil)
    }
}
