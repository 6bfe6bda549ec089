import Foundation
import FlowDashCore
import FlowDashScreen
import FlowDashService

/// One run: its summary, its steps with the failing one marked by a red `!`, and under them the
/// failing step's error, what happened and how to fix it (or an expanded step's request/output).
enum RunDetailView {
    /// Widest each column may grow before the last (connection) takes the rest:
    /// marker, position, name, status, duration.
    static let columnCaps = [1, 3, 32, 14, 8]
    /// From this width the pane puts "how to fix" beside "what happened" instead of under it.
    static let sideBySideWidth = 100

    static func draw(_ state: AppState, runID: RunID, layout: ScreenLayout, theme: Theme, strings: Strings,
                     now: Date, into buffer: inout ScreenBuffer) {
        let detail = state.runDetail.flatMap { $0.runID == runID ? $0 : nil }
        let summary = detail?.report?.detail.summary ?? state.activity.list.items.first { $0.id == runID }
        if let summary {
            buffer.write(truncated(summaryLine(summary, theme: theme, strings: strings, now: now),
                                   to: layout.subheader.width),
                         x: layout.subheader.x, y: layout.subheader.y, maxWidth: layout.subheader.width)
        }
        let list = layout.list(for: .runDetail)
        guard let detail, let report = detail.report else {
            drawNotice(strings[.detailLoading, ["id": clean(runID.rawValue)]], style: theme[.dim], in: list,
                       into: &buffer)
            return
        }
        let steps = report.detail.steps
        guard !steps.isEmpty else {
            drawNotice(strings[.detailNoSteps], style: theme[.dim], in: list, into: &buffer)
            return
        }
        let window = visibleWindow(count: steps.count, selection: detail.selection, offset: detail.offset,
                                   rows: list.height)
        let rows = window.map { StepRow.fields(steps[$0], strings: strings, spinnerFrame: state.status.spinnerFrame) }
        let widths = Columns.widths(for: rows, width: list.width, caps: columnCaps)
        drawWindow(Columns.lines(for: rows, widths: widths, theme: theme), window: window,
                   selection: detail.selection, in: list, theme: theme, into: &buffer)
        RunDetailPane.draw(report, detail: detail, keys: fixKeys(for: state.route),
                           in: paneArea(layout, stepRowsShown: window.count, title: paneTitle(report, detail, strings),
                                        theme: theme, into: &buffer),
                           sideBySide: layout.width >= sideBySideWidth, theme: theme, strings: strings, now: now,
                           into: &buffer)
    }

    /// "Repair tips" over a diagnosis, the step's name over an expanded step.
    static func paneTitle(_ report: RunReport, _ detail: RunDetailState, _ strings: Strings) -> String? {
        if let expanded = detail.expandedStep, report.detail.steps.indices.contains(expanded) { return nil }
        return report.diagnosis == nil ? nil : strings[.repairTips]
    }

    /// Where the pane goes: right under the last step shown, after a rule carrying its title.
    /// why: list rows past the last step hit-test to nothing (`ScreenLayout.listIndex` returns
    /// nil past the count), so a short run lends them to the pane instead of leaving them blank.
    static func paneArea(_ layout: ScreenLayout, stepRowsShown: Int, title: String?, theme: Theme,
                         into buffer: inout ScreenBuffer) -> Rect {
        let list = layout.list(for: .runDetail), pane = layout.runDetailPane
        let ruleY = min(list.y + stepRowsShown, pane.y)
        guard ruleY < layout.body.maxY else { return Rect(x: pane.x, y: pane.maxY, width: pane.width, height: 0) }
        buffer.write(String(repeating: "─", count: layout.body.width), x: layout.body.x, y: ruleY, style: theme[.border])
        if let title {
            buffer.write(" " + title + " ", x: layout.body.x + 2, y: ruleY, style: theme[.title],
                         maxWidth: layout.body.width - 4)
        }
        return Rect(x: pane.x, y: ruleY + 1, width: pane.width, height: layout.body.maxY - ruleY - 1)
    }

    /// "Run 12 · sync-customers · failed · started 3m ago (14:02:11) · 4.2s · inputs: a=1 ·
    /// resubmitted from run 9".
    static func summaryLine(_ run: RunSummary, theme: Theme, strings: Strings, now: Date) -> Line {
        let separator = Span(" · ", style: theme[.dim])
        let title = strings[.crumbRun, ["id": clean(run.id.rawValue)]]
        let (_, statusRole) = RunRow.marker(for: run.status)
        var spans = [
            Span(title, style: theme[.title]), separator,
            Span(clean(run.flow), style: theme[.title]), separator,
            Span(strings.statusName(run.status), style: theme[statusRole == .failureMarker ? .failed : statusRole]),
            separator,
            Span(strings[.detailStarted, [
                "relative": TimeText.relative(run.startedAt, now: now, strings: strings),
                "time": TimeText.clock(run.startedAt, now: now),
            ]], style: theme[.dim]),
        ]
        if let duration = run.duration {
            spans += [separator, Span(TimeText.duration(duration), style: theme[.dim])]
        }
        let inputs = run.inputs.sortedPairs.map { clean($0.key) + "=" + clean($0.value) }.joined(separator: ", ")
        spans += [separator, Span(inputs.isEmpty ? strings[.detailNoInputs] : strings[.detailInputs, ["inputs": inputs]],
                                  style: theme[.dim])]
        if let original = run.resubmittedFrom {
            spans += [separator, Span(strings[.detailResubmittedFrom, ["id": clean(original.rawValue)]],
                                      style: theme[.dim])]
        }
        return Line(spans)
    }

    /// The key captions the keymap binds on this screen, so "how to fix" names the real keys.
    static func fixKeys(for route: Route) -> [Action: String] {
        var keys: [Action: String] = [:]
        for binding in KeyMap.bindings(for: route) where keys[binding.action] == nil {
            keys[binding.action] = binding.label
        }
        return keys
    }
}
