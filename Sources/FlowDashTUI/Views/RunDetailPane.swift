import Foundation
import FlowDashCore
import FlowDashScreen
import FlowDashService

/// The part of run detail under the steps: the error, "what happened" and "how to fix" for the
/// selected step (the failing one on entry), or an expanded step's request and output.
enum RunDetailPane {
    static func draw(_ report: RunReport, detail: RunDetailState, keys: [Action: String], in rect: Rect,
                     sideBySide: Bool, theme: Theme, strings: Strings, now: Date, into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let steps = report.detail.steps
        if let expanded = detail.expandedStep, steps.indices.contains(expanded) {
            expandedBlocks(steps[expanded], width: rect.width, theme: theme, strings: strings)
                .draw(in: rect, into: &buffer)
            return
        }
        let selected = steps.indices.contains(detail.selection) ? steps[detail.selection] : nil
        if sideBySide {
            let (left, right) = rect.splitLeft(rect.width / 2)
            let textWidth = left.width - 2
            var explanation = streakBlock(detail, report: report, width: textWidth, theme: theme, strings: strings,
                                          now: now)
            explanation.append(errorBlock(selected: selected, report: report, width: textWidth, theme: theme,
                                          strings: strings))
            if let diagnosis = report.diagnosis {
                explanation.gap()
                explanation.append(whatHappened(diagnosis, width: textWidth, theme: theme, strings: strings))
            }
            explanation.draw(in: left, into: &buffer)
            if let diagnosis = report.diagnosis {
                fixBlock(diagnosis, keys: keys, width: right.width, theme: theme, strings: strings)
                    .draw(in: right, into: &buffer)
            }
            return
        }
        var stacked = streakBlock(detail, report: report, width: rect.width, theme: theme, strings: strings, now: now)
        stacked.append(errorBlock(selected: selected, report: report, width: rect.width, theme: theme, strings: strings))
        if let diagnosis = report.diagnosis {
            let fix = fixBlock(diagnosis, keys: keys, width: rect.width, theme: theme, strings: strings)
            var what = whatHappened(diagnosis, width: rect.width, theme: theme, strings: strings)
            // why: on short terminals the explanation gives way (cut with …) so that every step of
            // the fix, with its key, stays on screen.
            let gaps = stacked.lines.isEmpty ? 1 : 2
            what.keepFirst(max(2, rect.height - stacked.lines.count - fix.lines.count - gaps))
            stacked.gap()
            stacked.append(what)
            stacked.gap()
            stacked.append(fix)
        }
        stacked.draw(in: rect, into: &buffer)
    }

    /// "When: first failed … · Failed 3 times in this streak." when the run belongs to its flow's
    /// current failure streak (an older failure, before a success, is no part of it).
    static func streakBlock(_ detail: RunDetailState, report: RunReport, width: Int, theme: Theme, strings: Strings,
                            now: Date) -> TextBlocks {
        var blocks = TextBlocks(width: width)
        let run = report.detail.summary
        guard let tip = detail.tip, tip.flow == run.flow, run.status == .failed,
              (run.finishedAt ?? run.startedAt) >= tip.firstFailedAt else { return blocks }
        blocks.paragraph(TipPane.when(tip, strings: strings, now: now) + " · " + TipPane.failureCount(tip, strings: strings),
                         style: theme[.dim])
        return blocks
    }

    /// The error of the selected step, or of the failing step when the selected one has none;
    /// "Step x: succeeded, no error." when the run has no error at all.
    static func errorBlock(selected: StepRun?, report: RunReport, width: Int, theme: Theme,
                           strings: Strings) -> TextBlocks {
        var blocks = TextBlocks(width: width)
        let focus = selected?.error != nil ? selected : report.detail.failingStep
        if let focus, let error = focus.error {
            blocks.heading(strings[.detailError] + " · " + clean(focus.name), style: theme[.sectionTitle])
            blocks.paragraph(clean(error.message), style: theme[.errorText], lead: (clean(error.code), theme[.errorCode]))
        } else if let selected {
            let text = strings[.detailStepFine, ["step": clean(selected.name),
                                                 "status": strings.stepStatusName(selected.status)]]
            blocks.paragraph(text, style: theme[.dim])
        }
        return blocks
    }

    static func whatHappened(_ diagnosis: Diagnosis, width: Int, theme: Theme, strings: Strings) -> TextBlocks {
        var blocks = TextBlocks(width: width)
        blocks.heading(strings[.whatHappened], style: theme[.sectionTitle])
        blocks.paragraph(strings.whatHappened(diagnosis), style: theme[.text])
        return blocks
    }

    /// "How to fix", numbered, each step naming its key.
    static func fixBlock(_ diagnosis: Diagnosis, keys: [Action: String], width: Int, theme: Theme,
                         strings: Strings) -> TextBlocks {
        var blocks = TextBlocks(width: width)
        blocks.heading(strings[.howToFix], style: theme[.sectionTitle])
        for (index, step) in strings.howToFix(diagnosis, keys: keys).enumerated() {
            blocks.numbered(index + 1, step, style: theme[.text], numberStyle: theme[.fixKey])
        }
        return blocks
    }

    /// The expanded step: its request and its output, sanitised, as much as the pane holds.
    static func expandedBlocks(_ step: StepRun, width: Int, theme: Theme, strings: Strings) -> TextBlocks {
        var blocks = TextBlocks(width: width)
        blocks.heading(strings[.detailRequest] + " · " + clean(step.name), style: theme[.sectionTitle])
        blocks.paragraph(clean(step.request ?? ""), style: theme[.text])
        blocks.gap()
        blocks.heading(strings[.detailOutput], style: theme[.sectionTitle])
        let output = TextSanitizer.clean(step.output ?? "", singleLine: false)
            .replacingOccurrences(of: "\t", with: "    ")
        if output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            blocks.paragraph(strings[.detailNoOutput], style: theme[.dim])
        } else {
            blocks.preformatted(output, style: theme[.text])
        }
        return blocks
    }
}
