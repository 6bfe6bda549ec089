import ArgumentParser
import FlowDashCore
import FlowDashService
import Foundation

/// `flowdash resubmit --group ID | --failed-since T`: the plan (dry run) first, then a
/// confirmation by count, then each run resubmitted at a bounded rate through
/// `FlowService.bulkResubmit`, every event printed as it arrives.
struct BulkResubmission {
    let options: BulkResubmitOptions
    let backend: BackendOptions
    let wait: Bool
    let json: Bool

    /// How long `--wait` follows the new runs after the last start.
    static let followFor = Duration.seconds(600)

    func run() async throws {
        // why: like `flowdash resubmit RUN`, an embedded run started without --wait runs in a
        // detached `_execute` worker, so it finishes after this process exits.
        let service = try backend.makeService(detachRuns: !wait)
        let cause = try options.group.map(GroupID.cause)
        let since = try options.failedSince.map { try PastMoment.parse($0, now: Date()) }
        let plan = try await service.planBulkResubmit(cause: cause, failedSince: since)
        if let group = options.group, since == nil, plan.runs.isEmpty, plan.skipped.isEmpty {
            throw GroupID.noOpenFailures(group)
        }
        let printer = BulkResubmitPrinter(json: json, waiting: wait, plan: plan)
        let flags = CommandFlags.reaching(try backend.plan(), profile: backend.profile)
        try printer.printPlan(dryRun: options.dryRun, retryCommand: retryCommand(count: plan.count) + " " + flags)
        guard !options.dryRun else { return }
        if plan.count > 0 { try confirm(plan.count) }

        let onAirflow = service.backendKind == "airflow"
        let pace = BulkResubmitPace(
            perSecond: options.rate ?? BulkResubmitOptions.defaultRate,
            pollEvery: onAirflow ? .seconds(1) : .milliseconds(200),
            followFor: wait ? Self.followFor : .zero)
        var tally = BulkResubmitTally()
        for await event in service.bulkResubmit(plan, pace: pace) {
            tally.record(event)
            try printer.event(event)
        }
        let allStarted = tally.submitted == plan.count && tally.refused == 0
        let allSucceeded = !wait || tally.succeeded == tally.submitted
        try printer.summary(tally, ok: allStarted && allSucceeded)
        guard allStarted else {
            throw CommandFailure.exit(1, "\(plan.count - tally.submitted) of \(plan.count) runs were not resubmitted")
        }
        guard allSucceeded else {
            throw CommandFailure.exit(1, "\(tally.submitted - tally.succeeded) of \(tally.submitted) resubmitted runs did not succeed")
        }
    }

    /// Proceeds only on the plan's exact count: `--confirm N`, or N typed on a terminal.
    private func confirm(_ count: Int) throws {
        let runs = count == 1 ? "1 run" : "\(count) runs"
        if let confirmed = options.confirm {
            guard confirmed == count else {
                throw CommandFailure.exit(1, "--confirm \(confirmed) does not match the \(runs) selected now (the open failures changed); check the dry run above, then pass --confirm \(count)")
            }
            return
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure.exit(1, "nothing resubmitted: without a terminal, check the dry run (--dry-run), then pass --confirm \(count) to resubmit these \(runs)")
        }
        FileHandle.standardError.write(Data("Type \(count) to resubmit \(runs): ".utf8))
        guard readLine()?.trimmingCharacters(in: .whitespaces) == "\(count)" else {
            throw CommandFailure.exit(1, "not confirmed; nothing was resubmitted")
        }
    }

    /// The same selection with `--confirm`, for the dry run's last line.
    private func retryCommand(count: Int) -> String {
        var words = ["flowdash resubmit"]
        if let group = options.group { words.append("--group \(RepairTipMail.shellQuoted(group))") }
        if let failedSince = options.failedSince { words.append("--failed-since \(RepairTipMail.shellQuoted(failedSince))") }
        words.append("--confirm \(count)")
        if wait { words.append("--wait") }
        return words.joined(separator: " ")
    }
}
