import Foundation
import FlowDashCore
import FlowDashScreen

/// `:ledger` / `L`: resubmissions newest first, original → resubmitted, flow, the original's
/// code, the outcome, when. Enter opens the resubmitted run.
enum LedgerView {
    /// Widest each column may grow before the last (when) takes the rest:
    /// glyph, original, arrow, resubmitted, flow, code, outcome.
    static let columnCaps = [1, 10, 1, 11, 28, 8, 12]

    static func draw(_ state: AppState, layout: ScreenLayout, theme: Theme, strings: Strings, now: Date,
                     into buffer: inout ScreenBuffer) {
        let list = layout.list(for: .ledger)
        let ledger = state.ledger
        guard !ledger.items.isEmpty else {
            drawNotice(ledger.loaded ? strings[.ledgerEmpty] : strings[.ledgerLoading], style: theme[.dim], in: list,
                       into: &buffer)
            return
        }
        let window = visibleWindow(count: ledger.items.count, selection: ledger.selection, offset: ledger.offset,
                                   rows: list.height)
        let headings = ["", strings[.columnOriginal], "", strings[.columnResubmitted], strings[.columnFlow],
                        strings[.columnCode], strings[.columnOutcome], strings[.columnWhen]]
        let rows = window.map { fields(ledger.items[$0], strings: strings, now: now, spinnerFrame: state.status.spinnerFrame) }
        let widths = Columns.widths(for: rows + [headings.map { RowField($0, .columnHeader) }], width: list.width,
                                    caps: columnCaps)
        if !layout.subheader.isEmpty {
            buffer.write(Columns.heading(headings, widths: widths, theme: theme), x: layout.subheader.x,
                         y: layout.subheader.y, maxWidth: layout.subheader.width)
        }
        drawWindow(Columns.lines(for: rows, widths: widths, theme: theme), window: window,
                   selection: ledger.selection, in: list, theme: theme, into: &buffer)
    }

    static func fields(_ entry: LedgerEntry, strings: Strings, now: Date, spinnerFrame: Int) -> [RowField] {
        let (glyph, role) = RunRow.marker(for: entry.outcome, spinnerFrame: spinnerFrame)
        return [
            RowField(glyph, role),
            RowField(clean(entry.original.id.rawValue), .dim),
            RowField("→", .dim),
            RowField(clean(entry.resubmitted.id.rawValue), .text),
            RowField(clean(entry.original.flow), .text),
            RowField(clean(entry.original.failure?.code ?? ""), .errorCode),
            RowField(strings.statusName(entry.outcome), role == .failureMarker ? .failed : role),
            RowField(TimeText.when(entry.resubmitted.startedAt, now: now, strings: strings), .dim),
        ]
    }
}
