import Foundation
import FlowDashCore
import FlowDashScreen

/// `G`: the failure inbox, one row per root cause, biggest first. Enter drills into the group,
/// space picks all its runs, `r` resubmits them after a dry run.
enum InboxView {
    /// Widest the codes column may grow.
    static let codesCap = 16

    static func draw(_ state: AppState, layout: ScreenLayout, theme: Theme, strings: Strings, now: Date,
                     into buffer: inout ScreenBuffer) {
        let list = layout.list(for: .inbox)
        let groups = state.inbox.groups
        drawSubheader(state, in: layout.subheader, theme: theme, strings: strings, into: &buffer)
        guard !groups.items.isEmpty else {
            drawNotice(groups.loaded ? strings[.inboxEmpty] : strings[.inboxLoading], style: theme[.dim], in: list,
                       into: &buffer)
            return
        }
        let window = visibleWindow(count: groups.items.count, selection: groups.selection, offset: groups.offset,
                                   rows: list.height)
        // why: the mark column shows only while runs are picked, as on the activity list.
        let marks = !state.picked.isEmpty
        let rows = window.map { index in
            let group = groups.items[index]
            let fields = GroupRow.fields(group, strings: strings, now: now)
            return marks ? [SelectionMark.field(state.picked.contains(group: group.cause))] + fields : fields
        }
        let widths = Columns.widths(for: rows, width: list.width, caps: caps(for: rows, width: list.width))
        drawWindow(Columns.lines(for: rows, widths: widths, theme: theme), window: window,
                   selection: groups.selection, in: list, theme: theme, into: &buffer)
    }

    /// The title gives way first, so the codes and when it last failed stay whole where they fit.
    static func caps(for rows: [[RowField]], width: Int) -> [Int] {
        guard let count = rows.first?.count, count >= 4 else { return [] }
        func widest(_ column: Int) -> Int { rows.map { DisplayWidth.of($0[column].text) }.max() ?? 0 }
        let codes = min(codesCap, widest(count - 2)), when = widest(count - 1)
        let before = (0..<(count - 3)).reduce(0) { $0 + widest($1) + Columns.gap }
        let title = max(24, width - before - codes - when - 3 * Columns.gap)
        return (0..<(count - 3)).map(widest) + [title, codes]
    }

    /// "Open failures by root cause: 3 groups, 17 runs", the partial note and the picked count.
    static func drawSubheader(_ state: AppState, in rect: Rect, theme: Theme, strings: Strings,
                              into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty, state.inbox.groups.loaded else { return }
        let groups = state.inbox.groups.items
        let title = strings[.inboxHeader, [
            "groups": String(groups.count), "runs": String(groups.reduce(0) { $0 + $1.runCount }),
        ]]
        var notes: [String] = []
        if !state.picked.isEmpty { notes.append(strings[.selectedIndicator, ["count": String(state.picked.count)]]) }
        if state.inbox.isPartial { notes.append(strings[.inboxPartial]) }
        SubheaderText.draw(title: title, notes: notes.joined(separator: "  "), in: rect, theme: theme, into: &buffer)
    }
}

/// A group's open failures: like the activity rows, with the picked mark. Enter opens the run.
enum InboxGroupView {
    static func draw(_ state: AppState, cause: FailureCause, layout: ScreenLayout, theme: Theme, strings: Strings,
                     now: Date, into buffer: inout ScreenBuffer) {
        let list = layout.list(for: .inboxGroup)
        let runs = state.inbox.groupRuns
        var notes = ""
        if !state.picked.isEmpty { notes = strings[.selectedIndicator, ["count": String(state.picked.count)]] }
        if !layout.subheader.isEmpty {
            SubheaderText.draw(title: strings.causeText(cause), notes: notes, in: layout.subheader, theme: theme,
                               into: &buffer)
        }
        guard !runs.items.isEmpty else {
            drawNotice(runs.loaded ? strings[.groupEmpty] : strings[.groupLoading], style: theme[.dim], in: list,
                       into: &buffer)
            return
        }
        MarkedRunList.draw(runs, picked: state.picked, in: list, theme: theme, strings: strings, now: now,
                           spinnerFrame: state.status.spinnerFrame, into: &buffer)
    }
}

/// Runs as activity rows, with the picked mark in front while any run is picked.
enum MarkedRunList {
    static func draw(_ runs: ListState<RunSummary>, picked: RunSelection, in list: Rect, theme: Theme,
                     strings: Strings, now: Date, spinnerFrame: Int, into buffer: inout ScreenBuffer) {
        let window = visibleWindow(count: runs.items.count, selection: runs.selection, offset: runs.offset,
                                   rows: list.height)
        // why: the mark column shows only while runs are picked, as on the activity list.
        let marks = !picked.isEmpty
        let rows = window.map { index in
            let run = runs.items[index]
            let fields = RunRow.fields(run, now: now, strings: strings, spinnerFrame: spinnerFrame)
            return marks ? [SelectionMark.field(picked.contains(run.id))] + fields : fields
        }
        let caps = marks ? [1] + ActivityView.columnCaps : ActivityView.columnCaps
        let widths = Columns.widths(for: rows, width: list.width, caps: caps)
        drawWindow(Columns.lines(for: rows, widths: widths, theme: theme), window: window, selection: runs.selection,
                   in: list, theme: theme, highlightWidth: keyColumnsWidth(widths, count: marks ? 4 : 3), into: &buffer)
    }
}

/// The mark in front of a picked run or group.
enum SelectionMark {
    static let glyph = "●"

    static func field(_ picked: Bool) -> RowField { RowField(picked ? glyph : " ", .keyHint) }
}

/// A subheader: a title on the left, notes on the right when they fit.
enum SubheaderText {
    static func draw(title: String, notes: String, in rect: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        buffer.write(title, x: rect.x, y: rect.y, style: theme[.sectionTitle], maxWidth: rect.width)
        let room = max(0, rect.width - DisplayWidth.of(title) - 2)
        let width = min(DisplayWidth.of(notes), room)
        guard width > 0 else { return }
        buffer.write(DisplayWidth.truncate(notes, to: width), x: rect.maxX - width, y: rect.y,
                     style: theme[.filterIndicator])
    }
}

/// One group as fields: the kind's glyph, "14 runs in 5 flows: connection crm unauthorized",
/// its codes, when it last failed.
public enum GroupRow {
    public static func fields(_ group: FailureGroup, strings: Strings, now: Date) -> [RowField] {
        let (glyph, role) = marker(for: group.cause.kind)
        return [
            RowField(glyph, role),
            RowField(strings.groupTitle(group), .text),
            RowField(group.codes.map { clean($0) }.joined(separator: ", "), .errorCode),
            RowField(strings[.inboxLastFailed, ["relative": TimeText.relative(group.lastFailedAt, now: now,
                                                                               strings: strings)]], .dim),
        ]
    }

    /// The glyph and role of a failure kind: a refused credential stands out most.
    public static func marker(for kind: FailureKind) -> (String, StyleRole) {
        switch kind {
        case .authentication: ("⊘", .unauthorized)
        case .transient: ("↻", .interrupted)
        case .configuration: ("✎", .failed)
        case .other: ("!", .failureMarker)
        }
    }
}
