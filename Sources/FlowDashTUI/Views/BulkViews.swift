import Foundation
import FlowDashCore
import FlowDashScreen
import FlowDashService

/// Bulk resubmit: the dry-run dialog (type the count to go ahead) and the progress screen.
enum BulkDialogView {
    static let width = 72
    /// Rows the distinct inputs may take; as many as fit are listed, the count says how many there are.
    static let inputRows = 2

    static func draw(_ dialog: BulkResubmitDialog, theme: Theme, strings: Strings, into buffer: inout ScreenBuffer) {
        let plan = dialog.plan
        let count = String(plan.count)
        let textWidth = max(1, min(width, buffer.width - 2) - 4)
        var blocks = TextBlocks(width: textWidth)
        let summary = plan.count == 1 ? strings[.bulkSummaryOne] : strings[.bulkSummary, ["count": count, "rate": rate]]
        blocks.paragraph(summary, style: theme[.dialog])
        if !plan.stillUnauthorized.isEmpty {
            let names = plan.stillUnauthorized.map(clean).joined(separator: ", ")
            blocks.paragraph(strings[.bulkStillUnauthorized, ["connections": names, "key": KeyMap.label(of: .verify)]],
                             style: theme[.statusError])
        }
        let flows = plan.flows.map { "\(clean($0.flow)) (\($0.runs))" }.joined(separator: ", ")
        if !flows.isEmpty { blocks.paragraph(strings[.bulkFlows, ["flows": flows]], style: theme[.dialog]) }
        blocks.paragraph(inputsLine(plan, strings: strings, room: textWidth * inputRows), style: theme[.dialog])
        if !plan.skipped.isEmpty {
            let reason = strings[.reasonRunNotFinished]
            let runs = plan.skipped.map { "\(clean($0.id.rawValue)) (\(reason))" }.joined(separator: ", ")
            blocks.paragraph(strings[.bulkSkipped, ["count": String(plan.skipped.count), "runs": runs]],
                             style: theme[.statusError])
        }
        let answer: (String, StyleRole) = switch dialog.refusal {
        case .wrongCount?: (strings[.bulkWrongCount, ["count": count]], .statusError)
        case .nothingToResubmit?: (strings[.bulkNothing], .statusError)
        case nil: (plan.count == 0 ? strings[.bulkNothing] : strings[.bulkTypeCount, ["count": count]], .dim)
        }
        // why: the instruction and the field always show (a gap, the instruction, the field row);
        // the summary above gives way on short terminals.
        let fixedRows = 2 + Paragraph.wrap(answer.0, width: textWidth).count
        let title = plan.count == 1 ? strings[.bulkTitleOne] : strings[.bulkTitle, ["count": count]]
        let inner = DialogViews.box(title: title, width: width,
                                    contentRows: min(blocks.lines.count + fixedRows, max(1, buffer.height - 2)),
                                    theme: theme, into: &buffer)
        guard !inner.isEmpty else { return }
        blocks.keepFirst(max(0, inner.height - fixedRows))
        blocks.gap()
        blocks.paragraph(answer.0, style: theme[answer.1])
        blocks.gap()
        blocks.draw(in: inner, into: &buffer)
        let fieldY = min(inner.maxY - 1, inner.y + blocks.lines.count - 1)
        let label = strings[.bulkCountLabel] + ": "
        let used = buffer.write(label, x: inner.x, y: fieldY, style: theme[.dialog], maxWidth: inner.width)
        TextField.render(clean(dialog.typed), masked: false,
                         in: Rect(x: inner.x + used, y: fieldY, width: min(14, inner.width - used), height: 1),
                         style: theme[.field], into: &buffer)
    }

    /// "Inputs (3 different): account=1; account=2; …": as many as fit in `room` columns.
    static func inputsLine(_ plan: BulkResubmitPlan, strings: Strings, room: Int) -> String {
        let distinct = plan.distinctInputs
        let texts = distinct.map { inputs in
            let pairs = inputs.sortedPairs.map { clean($0.key) + "=" + clean($0.value) }
            return pairs.isEmpty ? strings[.bulkNoInputs] : pairs.joined(separator: " ")
        }
        func line(_ shown: Int) -> String {
            let more = shown < texts.count ? "; …" : ""
            return strings[.bulkInputs, ["count": String(texts.count),
                                         "inputs": texts.prefix(shown).joined(separator: "; ") + more]]
        }
        // why: at least one is always named, even when it alone is longer than the room.
        var shown = min(1, texts.count)
        while shown < texts.count, DisplayWidth.of(line(shown + 1)) <= room { shown += 1 }
        return line(shown)
    }

    /// The default pace's rate, as the dialog promises it.
    static var rate: String {
        let perSecond = BulkResubmitPace().perSecond
        return perSecond == perSecond.rounded() ? String(Int(perSecond)) : String(perSecond)
    }
}

/// The progress screen: each run original → new run → outcome, and the tally on the last row.
enum BulkProgressView {
    /// Widest each column may grow before the last (outcome) takes the rest:
    /// glyph, original, arrow, new run, flow.
    static let columnCaps = [1, 10, 1, 10, 28]

    static func draw(_ state: AppState, layout: ScreenLayout, theme: Theme, strings: Strings,
                     into buffer: inout ScreenBuffer) {
        let list = layout.list(for: .bulkResubmit)
        guard let bulk = state.bulk else {
            drawNotice(strings[.bulkNone], style: theme[.dim], in: layout.body, into: &buffer)
            return
        }
        if !layout.subheader.isEmpty {
            SubheaderText.draw(title: strings[bulk.done ? .bulkDone : .bulkGoing], notes: "", in: layout.subheader,
                               theme: theme, into: &buffer)
        }
        let tallyRow = Rect(x: layout.body.x, y: list.maxY, width: layout.body.width,
                            height: layout.body.height - list.height)
        if !tallyRow.isEmpty {
            var values = strings.tallyValues(bulk.tally)
            values["total"] = String(bulk.total)
            buffer.write(strings[.bulkTally, values], x: tallyRow.x, y: tallyRow.y, style: theme[.sectionTitle],
                         maxWidth: tallyRow.width)
        }
        let items = bulk.list
        let window = visibleWindow(count: items.items.count, selection: items.selection, offset: items.offset,
                                   rows: list.height)
        let rows = window.map { fields(items.items[$0], strings: strings, spinnerFrame: state.status.spinnerFrame) }
        let widths = Columns.widths(for: rows, width: list.width, caps: columnCaps)
        drawWindow(Columns.lines(for: rows, widths: widths, theme: theme), window: window, selection: items.selection,
                   in: list, theme: theme, into: &buffer)
    }

    static func fields(_ row: BulkProgressState.Row, strings: Strings, spinnerFrame: Int) -> [RowField] {
        let (glyph, role, text): (String, StyleRole, String) = switch row.outcome {
        case .waiting: ("·", .queued, strings[.outcomeWaiting])
        case .submitted: (Spinner.glyph(spinnerFrame), .running, strings[.outcomeSubmitted])
        case .refused(let reason): ("✕", .failed, strings[.outcomeRefused, ["reason": clean(reason)]])
        case .finished(let status):
            (RunRow.marker(for: status).0, RunRow.marker(for: status).1, strings.statusName(status))
        case .stillRunning: ("…", .running, strings[.outcomeStillRunning])
        }
        return [
            RowField(glyph, role),
            RowField(clean(row.original.rawValue), .dim),
            RowField("→", .dim),
            RowField(row.newRun.map { clean($0.rawValue) } ?? "", .text),
            RowField(clean(row.flow), .text),
            RowField(text, role == .failureMarker ? .failed : role),
        ]
    }
}
