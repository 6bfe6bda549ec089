import Foundation
import FlowDashCore
import FlowDashScreen

/// `:tips`: every failing flow, newest streak first, and under the list the selected flow's
/// repair tip in four sections. Enter opens the flow's latest failed run.
enum TipsView {
    /// Widest each column may grow before the last (problem) takes the rest:
    /// flow, failures, since, tips, kind.
    static let columnCaps = [28, 9, 16, 12, 16]

    static func draw(_ state: AppState, layout: ScreenLayout, theme: Theme, strings: Strings, now: Date,
                     into buffer: inout ScreenBuffer) {
        let list = layout.list(for: .tips)
        let tips = state.tips
        guard !tips.items.isEmpty else {
            drawNotice(tips.loaded ? strings[.tipsEmpty] : strings[.tipsLoading], style: theme[.dim], in: layout.body,
                       into: &buffer)
            return
        }
        let window = visibleWindow(count: tips.items.count, selection: tips.selection, offset: tips.offset,
                                   rows: list.height)
        let headings = [.columnFlow, .columnFailures, .columnSince, .columnTips, .columnProblem].map { strings[$0] }
        let rows = window.map { TipRow.fields(tips.items[$0], strings: strings, now: now) }
        let widths = Columns.widths(for: rows + [headings.map { RowField($0, .columnHeader) }], width: list.width,
                                    caps: columnCaps)
        buffer.write(Columns.heading(headings, widths: widths, theme: theme), x: layout.subheader.x,
                     y: layout.subheader.y, maxWidth: layout.subheader.width)
        drawWindow(Columns.lines(for: rows, widths: widths, theme: theme), window: window,
                   selection: tips.selection, in: list, theme: theme, into: &buffer)
        guard let tip = tips.selected else { return }
        let pane = RunDetailView.paneArea(layout, stepRowsShown: window.count, title: strings[.repairTips],
                                          theme: theme, into: &buffer)
        TipPane.blocks(tip, width: pane.width, theme: theme, strings: strings, now: now).draw(in: pane, into: &buffer)
    }
}

/// One failing flow as fields: name, failures in the streak, since when, tips on/off, problem.
public enum TipRow {
    public static func fields(_ tip: RepairTip, strings: Strings, now: Date) -> [RowField] {
        let count = String(tip.failureCount) + (tip.failureCountIsLowerBound ? "+" : "")
        let problem = strings.kindName(tip.diagnosis.kind) + " " + TextSanitizer.clean(tip.diagnosis.error.code)
            + " " + TextSanitizer.clean(tip.diagnosis.error.message)
        return [
            RowField(TextSanitizer.clean(tip.flow), .text),
            RowField(count, .failed),
            RowField(TimeText.relative(tip.firstFailedAt, now: now, strings: strings), .dim),
            RowField(strings[tip.tipsOff ? .tipsOff : .tipsOn], tip.tipsOff ? .dim : .text),
            RowField(problem, .errorText),
        ]
    }
}

/// A repair tip's four sections as text blocks: When, What happened, How to fix, Troubleshooting.
enum TipPane {
    static func blocks(_ tip: RepairTip, width: Int, theme: Theme, strings: Strings, now: Date) -> TextBlocks {
        var blocks = TextBlocks(width: width)
        if tip.tipsOff {
            blocks.paragraph(strings[.tipsOffNote, ["key": KeyMap.label(of: .toggleTips)]], style: theme[.dim])
            blocks.gap()
        }
        blocks.paragraph(when(tip, strings: strings, now: now), style: theme[.text])
        blocks.gap()
        blocks.append(RunDetailPane.whatHappened(tip.diagnosis, width: width, theme: theme, strings: strings))
        blocks.gap()
        blocks.append(RunDetailPane.fixBlock(tip.diagnosis, keys: RunDetailView.fixKeys(for: .runDetail(tip.lastRun)),
                                             width: width, theme: theme, strings: strings))
        blocks.gap()
        blocks.heading(strings[.troubleshooting], style: theme[.sectionTitle])
        blocks.paragraph(failureCount(tip, strings: strings), style: theme[.text])
        let inputs = tip.lastInputs.sortedPairs.map { TextSanitizer.clean($0.key) + "=" + TextSanitizer.clean($0.value) }
        blocks.paragraph(inputs.isEmpty ? strings[.tipNoInputs]
                         : strings[.tipLastInputs, ["inputs": inputs.joined(separator: ", ")]], style: theme[.text])
        blocks.paragraph(strings[.tipRerun, ["id": TextSanitizer.clean(tip.lastRun.rawValue),
                                             "key": KeyMap.label(of: .resubmit)]], style: theme[.text])
        return blocks
    }

    /// "When: first failed 3m ago (14:02:11), run 12".
    static func when(_ tip: RepairTip, strings: Strings, now: Date) -> String {
        strings[.tipWhen, [
            "relative": TimeText.relative(tip.firstFailedAt, now: now, strings: strings),
            "time": TimeText.clock(tip.firstFailedAt, now: now),
            "id": TextSanitizer.clean(tip.firstFailedRun.rawValue),
        ]]
    }

    /// "Failed 3 times in this streak."
    static func failureCount(_ tip: RepairTip, strings: Strings) -> String {
        if tip.failureCountIsLowerBound { return strings[.tipFailedAtLeast, ["count": String(tip.failureCount)]] }
        return tip.failureCount == 1 ? strings[.tipFailedOnce] : strings[.tipFailedTimes, ["count": String(tip.failureCount)]]
    }
}
