import FlowDashCore
import FlowDashService
import Foundation

/// What `flowdash resubmit --group/--failed-since` prints: the plan, then each event as it
/// arrives, then a tally. Text, or JSON Lines (one object per line) with `--json`; each line is
/// flushed at once so that a script following the output sees it live.
struct BulkResubmitPrinter {
    let json: Bool
    let waiting: Bool
    let plan: BulkResubmitPlan
    private let text = TextOutput()
    private let flows: [RunID: String]

    init(json: Bool, waiting: Bool, plan: BulkResubmitPlan) {
        self.json = json
        self.waiting = waiting
        self.plan = plan
        flows = Dictionary(plan.runs.map { ($0.id, $0.flow) }, uniquingKeysWith: { first, _ in first })
    }

    func printPlan(dryRun: Bool, retryCommand: String) throws {
        if json {
            let object = JSONOutput.BulkResubmitEvent(plan: plan, dryRun: dryRun)
            // why: a dry run is one document like every other command's; a real run is JSON Lines.
            if dryRun { try JSONOutput.print(object) } else { try JSONOutput.printLine(object) }
            return
        }
        say(text.bulkResubmitPlan(plan))
        if dryRun, plan.count > 0 { say("Dry run: nothing changed. To resubmit them: \(retryCommand)") }
    }

    func event(_ event: BulkResubmitEvent) throws {
        if json { return try JSONOutput.printLine(JSONOutput.BulkResubmitEvent(event, flows: flows)) }
        switch event {
        case .submitted(let original, let run):
            say("resubmitted \(original) → \(run) (\(TextSanitizer.clean(flows[original] ?? "?")))")
        case .refused(let original, let reason):
            say(text.red("refused \(original): \(TextSanitizer.clean(OutputScrubber.shared.scrub(reason)))"))
        case .finished(_, let run):
            let failure = run.failure.map { " \($0.code) \(TextSanitizer.truncate(TextSanitizer.clean($0.message), to: 80))" } ?? ""
            let line = "\(run.id) \(run.status.rawValue)\(failure)"
            say(run.status == .succeeded ? line : text.red(line))
        case .stillRunning(let runs):
            // why: without --wait the runs are only started; that they still run is expected.
            guard waiting else { return }
            say("still running after \(BulkResubmission.followFor.components.seconds / 60) minutes: " + runs.map(\.rawValue).joined(separator: ", "))
        }
    }

    func summary(_ tally: BulkResubmitTally, ok: Bool) throws {
        if json { return try JSONOutput.printLine(JSONOutput.BulkResubmitEvent(tally: tally, planned: plan.count, waited: waiting, ok: ok)) }
        guard plan.count > 0 else { return }
        var line = "resubmitted \(tally.submitted) of \(plan.count), refused \(tally.refused)"
        if waiting {
            line += "; \(tally.succeeded) succeeded, \(tally.failed) failed, \(tally.stillRunning) still running"
        } else if tally.submitted > 0 {
            line += "; they run on: follow them with flowdash ledger"
        }
        say(line)
    }

    private func say(_ line: String) {
        Swift.print(line)
        fflush(nil)
    }
}

extension TextOutput {
    /// The dry run: how many runs, which flows, each run with its inputs; what is left out.
    func bulkResubmitPlan(_ plan: BulkResubmitPlan) -> String {
        var lines: [String] = []
        if plan.count == 0 {
            lines.append("Nothing to resubmit: no open failures match.")
        } else {
            let runs = plan.count == 1 ? "1 run" : "\(plan.count) runs"
            let flows = plan.flows.map { "\(TextSanitizer.clean($0.flow)) \($0.runs)" }.joined(separator: ", ")
            let repeats = plan.count - Self.distinctRuns(plan)
            // why: two open failures of one flow with the same inputs replay the same work twice.
            let sameInputs = repeats > 0 ? " (\(repeats) \(repeats == 1 ? "repeats" : "repeat") another's flow and inputs)" : ""
            lines.append("\(runs) to resubmit\(sameInputs), oldest first, in \(plan.flows.count == 1 ? "1 flow" : "\(plan.flows.count) flows"): \(flows)")
            let rows = plan.runs.map { run -> [String] in
                let inputs = run.inputs.sortedPairs.map { "\($0.key)=\(TextSanitizer.clean($0.value))" }.joined(separator: " ")
                return [run.id.rawValue, TextSanitizer.clean(run.flow), run.failure?.code ?? "",
                        when(run.finishedAt ?? run.startedAt), inputs.isEmpty ? "(none)" : inputs]
            }
            lines.append(table(header: ["RUN", "FLOW", "CODE", "FAILED", "INPUTS"], rows: rows))
        }
        for skipped in plan.skipped {
            lines.append(dim("left out: \(TextSanitizer.clean(skipped.reason))"))
        }
        for connection in plan.stillUnauthorized {
            let name = TextSanitizer.clean(connection)
            lines.append("Warning: connection \(name) still refuses its credentials, so these runs would fail again; "
                         + "verify it first: flowdash connections verify \(name)")
        }
        return lines.joined(separator: "\n")
    }

    private struct FlowAndInputs: Hashable {
        let flow: String
        let inputs: TriggerInputs
    }

    /// How many runs of the plan differ in flow or trigger inputs.
    static func distinctRuns(_ plan: BulkResubmitPlan) -> Int {
        Set(plan.runs.map { FlowAndInputs(flow: $0.flow, inputs: $0.inputs) }).count
    }
}
