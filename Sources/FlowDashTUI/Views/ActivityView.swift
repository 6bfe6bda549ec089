import Foundation
import FlowDashCore
import FlowDashScreen

/// The home screen: definition files that do not load, then every run, the ones that need
/// attention first, one keystroke from the failing step.
enum ActivityView {
    /// Widest each column may grow before the last one (the problem) takes the rest:
    /// glyph, run id, flow, when.
    static let columnCaps = [1, 8, 28, 22]

    static func draw(_ state: AppState, layout: ScreenLayout, theme: Theme, strings: Strings, now: Date,
                     into buffer: inout ScreenBuffer) {
        let items = ActivityRows(state)
        let list = layout.list(for: .activity)
        let window = visibleWindow(count: items.count, selection: state.activity.list.selection,
                                   offset: state.activity.list.offset, rows: list.height)
        drawSubheader(state, items: items, firstVisible: window.first, in: layout.subheader, theme: theme,
                      strings: strings, into: &buffer)
        guard items.count > 0 else {
            drawNotice(emptyText(state, strings: strings), style: theme[.dim], in: list, into: &buffer)
            return
        }
        // why: the mark column shows only while runs are picked, so the everyday list keeps its width.
        let marks = !state.picked.isEmpty
        let rows = window.map { index in
            let fields = switch items[index] {
            case .run(let run):
                RunRow.fields(run, now: now, strings: strings, spinnerFrame: state.status.spinnerFrame)
            case .definition(let failure):
                DefinitionFailureRow.fields(failure, now: now, strings: strings)
            }
            guard marks else { return fields }
            return [SelectionMark.field(items[index].run.map { state.picked.contains($0.id) } ?? false)] + fields
        }
        let widths = Columns.widths(for: rows, width: list.width, caps: marks ? [1] + columnCaps : columnCaps)
        drawWindow(Columns.lines(for: rows, widths: widths, theme: theme), window: window,
                   selection: state.activity.list.selection, in: list, theme: theme,
                   highlightWidth: keyColumnsWidth(widths, count: marks ? 4 : 3), into: &buffer)
        underlineSectionEnd(items: items, window: window, in: list, indent: marks ? 3 : 0, into: &buffer)
    }

    /// The friendly line for an empty list: loading, nothing yet, or nothing matching.
    static func emptyText(_ state: AppState, strings: Strings) -> String {
        if !state.activity.list.loaded { return strings[.activityLoading] }
        if state.activity.list.items.isEmpty && state.activity.definitionFailures.isEmpty {
            return strings[.activityEmpty]
        }
        return strings[.activityNoMatch]
    }

    /// The section the top row belongs to ("Needs attention (3)" / "Other runs (9)"), and on the
    /// right the `/` filter and status filter when they narrow the list.
    /// why: a section title row inside the list would break `ScreenLayout`'s one-row-per-item
    /// hit-testing, so the title sticks to the subheader and a rule marks where the section ends.
    static func drawSubheader(_ state: AppState, items: ActivityRows, firstVisible: Int?, in rect: Rect,
                              theme: Theme, strings: Strings, into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        let attention = items.attentionCount
        var title = ""
        if let firstVisible, items.indices.contains(firstVisible) {
            title = items.needsAttention(firstVisible)
                ? strings[.sectionNeedsAttention, ["count": String(attention)]]
                : strings[.sectionOtherRuns, ["count": String(items.count - attention)]]
        }
        let indicator = indicators(state, strings: strings)
        let indicatorWidth = min(DisplayWidth.of(indicator), max(0, rect.width - DisplayWidth.of(title) - 2))
        buffer.write(title, x: rect.x, y: rect.y, style: theme[.sectionTitle], maxWidth: rect.width)
        if indicatorWidth > 0 {
            buffer.write(DisplayWidth.truncate(indicator, to: indicatorWidth), x: rect.maxX - indicatorWidth,
                         y: rect.y, style: theme[.filterIndicator])
        }
    }

    /// "filter: crm  showing: failed", or "" when nothing narrows the list.
    static func indicators(_ state: AppState, strings: Strings) -> String {
        var parts: [String] = []
        if !state.picked.isEmpty { parts.append(strings[.selectedIndicator, ["count": String(state.picked.count)]]) }
        let text = clean(state.activity.filterText)
        if !text.trimmingCharacters(in: .whitespaces).isEmpty {
            parts.append(strings[.filterIndicator, ["text": text]])
        }
        if state.activity.statusFilter != .all {
            parts.append(strings[.statusFilterIndicator, ["status": filterName(state.activity.statusFilter, strings)]])
        }
        return parts.joined(separator: "  ")
    }

    static func filterName(_ filter: StatusFilter, _ strings: Strings) -> String {
        switch filter {
        case .all: strings[.statusFilterAll]
        case .failed: strings.statusName(.failed)
        case .succeeded: strings.statusName(.succeeded)
        case .running: strings.statusName(.running)
        }
    }

    /// Underlines the last needs-attention row when other runs follow it on screen; the glyph
    /// column is left alone so the failure marker keeps its exact style.
    static func underlineSectionEnd(items: ActivityRows, window: Range<Int>, in rect: Rect, indent: Int = 0,
                                    into buffer: inout ScreenBuffer) {
        for index in window.dropLast() where items.needsAttention(index) && !items.needsAttention(index + 1) {
            let y = rect.y + index - window.lowerBound
            let afterGlyph = Rect(x: rect.x + 2 + indent, y: y, width: rect.width - 2 - indent, height: 1)
            buffer.restyle(afterGlyph) { $0.underline = true }
        }
    }
}
