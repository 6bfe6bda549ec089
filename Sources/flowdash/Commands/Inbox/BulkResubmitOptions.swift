import ArgumentParser
import Foundation

/// The selection and safety flags of `flowdash resubmit --group ID | --failed-since T`.
struct BulkResubmitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Resubmit the open failures of this inbox group (flowdash inbox lists them).", valueName: "group"))
    var group: String?
    @Option(name: .customLong("failed-since"),
            help: ArgumentHelp("Resubmit the open failures that ended since then: ISO 8601 (2026-11-25T10:00:00Z) or ago (30m, 2h, 1d).", valueName: "time"))
    var failedSince: String?
    @Flag(help: "Only show what would be resubmitted: how many runs, which flows, each run's inputs; change nothing.")
    var dryRun = false
    @Option(help: ArgumentHelp("Without a terminal: the number of runs the dry run showed; anything else refuses.", valueName: "count"))
    var confirm: Int?
    @Option(help: ArgumentHelp("Start at most this many runs per second (default 5).", valueName: "runs"))
    var rate: Double?

    static let defaultRate = 5.0

    var selectsMany: Bool { group != nil || failedSince != nil }

    /// One run or a selection, never both; the bulk-only flags only with a selection.
    func validate(singleRun: String?) throws {
        if singleRun != nil, selectsMany {
            throw ValidationError("give either a RUN or --group / --failed-since, not both")
        }
        if singleRun == nil, !selectsMany {
            throw ValidationError("give the RUN to resubmit, or select failed runs with --group ID and/or --failed-since TIME")
        }
        if !selectsMany, dryRun || confirm != nil || rate != nil {
            throw ValidationError("--dry-run, --confirm and --rate apply to --group / --failed-since")
        }
        if let rate, !(rate > 0 && rate.isFinite) {
            throw ValidationError("--rate must be a number of runs per second above 0")
        }
        if let confirm, confirm < 0 {
            throw ValidationError("--confirm must be the number of runs the dry run showed")
        }
        if let failedSince {
            do {
                _ = try PastMoment.parse(failedSince, now: Date())
            } catch {
                throw ValidationError("--failed-since: \(error)")
            }
        }
    }
}
