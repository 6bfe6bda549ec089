import FlowDashCore
import FlowDashScreen

/// The flows in the workspace; `e` edits the selected one's definition.
enum FlowsView {
    /// Widest each column may grow before the last (description) takes the rest:
    /// name, steps, owner, inputs, repair tips.
    static let columnCaps = [28, 8, 18, 32, 12]

    static func draw(_ state: AppState, layout: ScreenLayout, theme: Theme, strings: Strings,
                     into buffer: inout ScreenBuffer) {
        let list = layout.list(for: .flows)
        let flows = state.flows
        guard !flows.items.isEmpty else {
            drawNotice(flows.loaded ? strings[.flowsEmpty] : strings[.flowsLoading], style: theme[.dim], in: list,
                       into: &buffer)
            return
        }
        let window = visibleWindow(count: flows.items.count, selection: flows.selection, offset: flows.offset,
                                   rows: list.height)
        let headings = [.columnName, .columnSteps, .columnOwner, .columnInputs, .columnTips, .columnDescription]
            .map { strings[$0] }
        let rows = window.map { index in
            let flow = flows.items[index]
            return FlowRow.fields(flow, tips: strings[state.flowsWithTipsOff.contains(flow.name) ? .tipsOff : .tipsOn])
        }
        let widths = Columns.widths(for: rows + [headings.map { RowField($0, .columnHeader) }], width: list.width,
                                    caps: columnCaps)
        buffer.write(Columns.heading(headings, widths: widths, theme: theme), x: layout.subheader.x,
                     y: layout.subheader.y, maxWidth: layout.subheader.width)
        drawWindow(Columns.lines(for: rows, widths: widths, theme: theme), window: window,
                   selection: flows.selection, in: list, theme: theme, into: &buffer)
    }
}

/// One flow row as fields: name, step count, owner, declared inputs, repair tips on/off, description.
public enum FlowRow {
    /// The fields of `flow`'s row; `tips` says whether its repair tips are on.
    public static func fields(_ flow: FlowSummary, tips: String) -> [RowField] {
        let inputs = flow.inputs.sortedPairs.map { clean($0.key) }.joined(separator: ", ")
        return [
            RowField(clean(flow.name), .text),
            RowField(String(flow.stepCount), .dim),
            RowField(flow.owner.map(clean) ?? "", .dim),
            RowField(inputs, .dim),
            RowField(tips, .dim),
            RowField(flow.description.map(clean) ?? "", .text),
        ]
    }
}
