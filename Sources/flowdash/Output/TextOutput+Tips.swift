import FlowDashCore
import Foundation

/// `flowdash tips`: the four sections of each failing flow's repair tip.
extension TextOutput {
    /// - Parameter backendFlags: appended to every command shown, so that it reaches this backend.
    func repairTips(_ tips: [RepairTip], backendFlags: String = "") -> String {
        guard !tips.isEmpty else { return "No flow is failing." }
        return tips.map { repairTip($0, backendFlags: backendFlags) }.joined(separator: "\n\n")
    }

    func repairTip(_ tip: RepairTip, backendFlags: String = "") -> String {
        let switchNote = tip.tipsOff ? " (repair tips off for this flow: nothing is sent; `flowdash flows tips on \(tip.flow)`)" : ""
        var lines = [red("Flow \(TextSanitizer.clean(tip.flow)) is failing") + dim(switchNote)]
        lines.append("When: first failed \(timestamp(tip.firstFailedAt)) (\(relative(tip.firstFailedAt))), run \(tip.firstFailedRun)")
        lines.append("What happened: \(TextSanitizer.clean(DiagnosisText.whatHappened(tip.diagnosis)))")
        lines.append("  step \(TextSanitizer.clean(tip.diagnosis.step)), code \(tip.diagnosis.error.code), message \(TextSanitizer.clean(tip.diagnosis.error.message))")
        lines.append("How to fix:")
        for (index, step) in tip.fixSteps.enumerated() {
            let key = step.key.map { " [key \($0)]" } ?? ""
            // why: the step's words end with its command; the copy a user pastes must reach this backend.
            let text = step.command.map { command in
                backendFlags.isEmpty ? step.text : step.text.replacingOccurrences(of: command, with: "\(command) \(backendFlags)")
            } ?? step.text
            lines.append("  \(index + 1). \(TextSanitizer.clean(text))\(key)")
        }
        lines.append("Troubleshooting:")
        let times = tip.failureCount == 1 ? "once" : "\(tip.failureCount)\(tip.failureCountIsLowerBound ? "+" : "") times"
        lines.append("  failed \(times) in this streak")
        let inputs = tip.lastInputs.sortedPairs.map { "\($0.key)=\(TextSanitizer.clean($0.value))" }.joined(separator: " ")
        lines.append("  last inputs: \(inputs.isEmpty ? "(none)" : inputs)")
        let rerun = backendFlags.isEmpty ? tip.rerunCommand : "\(tip.rerunCommand) \(backendFlags)"
        lines.append("  rerun with those inputs: \(rerun) [key \(RepairTip.rerunKey) on run \(tip.lastRun)]")
        return lines.joined(separator: "\n")
    }
}
