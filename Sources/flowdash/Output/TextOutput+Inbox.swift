import FlowDashCore
import FlowDashService
import Foundation

/// `flowdash inbox`, `flowdash inbox GROUP` and `flowdash ledger`.
extension TextOutput {
    func inbox(_ inbox: FailureInbox) -> String {
        var lines: [String] = []
        if inbox.isPartial {
            lines.append(dim("From the newest \(FlowService.inboxWindow) runs: older open failures may be missing and counts are lower bounds."))
        }
        guard !inbox.groups.isEmpty else { return (lines + ["No open failures."]).joined(separator: "\n") }
        for group in inbox.groups {
            lines.append([red(group.id), TextSanitizer.clean(FailureCauseText.title(group)), group.codes.joined(separator: ","),
                          "last failed \(when(group.lastFailedAt))"].joined(separator: "  "))
            lines.append("  flows: " + group.flows.map { TextSanitizer.clean($0) }.joined(separator: ", "))
            if !group.latestMessage.isEmpty {
                lines.append(dim("  latest: " + TextSanitizer.truncate(TextSanitizer.clean(group.latestMessage), to: 100)))
            }
        }
        lines.append("")
        lines.append(dim("A group's runs: flowdash inbox ID; resubmit them: flowdash resubmit --group ID --dry-run"))
        return lines.joined(separator: "\n")
    }

    /// A group's open failures, newest first.
    func groupFailures(_ runs: [RunSummary], group: String) -> String {
        let rows = runs.map { run -> [String] in
            let failure = run.failure
            let inputs = run.inputs.sortedPairs.map { "\($0.key)=\(TextSanitizer.clean($0.value))" }.joined(separator: " ")
            return [run.id.rawValue, TextSanitizer.clean(run.flow), TextSanitizer.clean(failure?.step ?? ""), failure?.code ?? "",
                    TextSanitizer.truncate(TextSanitizer.clean(failure?.message ?? ""), to: 60), inputs,
                    when(run.finishedAt ?? run.startedAt)]
        }
        let count = runs.count == 1 ? "1 open failure" : "\(runs.count) open failures"
        return "Group \(group): \(count), newest first\n"
            + table(header: ["RUN", "FLOW", "STEP", "CODE", "MESSAGE", "INPUTS", "ENDED"], rows: rows)
    }

    func ledger(_ entries: [LedgerEntry]) -> String {
        guard !entries.isEmpty else { return "No resubmissions yet." }
        let rows = entries.map { entry -> [String] in
            let outcome = entry.outcome == .failed ? red(entry.outcome.rawValue) : entry.outcome.rawValue
            let newFailure = entry.resubmitted.failure.map { " \($0.code)" } ?? ""
            return ["\(entry.original.id) → \(entry.resubmitted.id)", TextSanitizer.clean(entry.resubmitted.flow),
                    entry.original.failure?.code ?? "", outcome + newFailure, when(entry.resubmitted.startedAt)]
        }
        return table(header: ["ORIGINAL → RUN", "FLOW", "WAS", "OUTCOME", "RESUBMITTED"], rows: rows)
    }

    /// A time as the other commands show it: absolute, then relative.
    func when(_ date: Date) -> String {
        "\(timestamp(date)) (\(relative(date)))"
    }
}
