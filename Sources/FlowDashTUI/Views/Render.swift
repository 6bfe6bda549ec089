import Foundation
import FlowDashCore
import FlowDashScreen

/// The smallest terminal the interface draws in; below it only a message says so.
public enum MinimumSize {
    /// Columns.
    public static let width = 40
    /// Rows.
    public static let height = 10
}

/// Draws the whole interface for `state` into a buffer of exactly `state.size`: the title bar,
/// the screen of the current route, the key hints, the status line, then any dialog on top.
/// Pure: the same state, theme, strings and `now` always give the same cells.
public func render(_ state: AppState, theme: Theme, strings: Strings, now: Date) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: state.size.width, height: state.size.height)
    guard buffer.width >= MinimumSize.width, buffer.height >= MinimumSize.height else {
        let text = strings[.terminalTooSmall, [
            "needWidth": String(MinimumSize.width), "needHeight": String(MinimumSize.height),
            "width": String(buffer.width), "height": String(buffer.height),
        ]]
        Paragraph.render(text, style: theme[.statusError], in: buffer.area, into: &buffer)
        return buffer
    }
    let layout = ScreenLayout(state)
    Chrome.drawTitleBar(state, in: layout.titleBar, theme: theme, strings: strings, into: &buffer)
    switch state.route {
    case .activity:
        ActivityView.draw(state, layout: layout, theme: theme, strings: strings, now: now, into: &buffer)
    case .runDetail(let runID):
        RunDetailView.draw(state, runID: runID, layout: layout, theme: theme, strings: strings, now: now,
                           into: &buffer)
    case .connections:
        ConnectionsView.draw(state, layout: layout, theme: theme, strings: strings, now: now, into: &buffer)
    case .flows:
        FlowsView.draw(state, layout: layout, theme: theme, strings: strings, into: &buffer)
    case .definitionFailure(let file):
        DefinitionFailureView.draw(state, file: file, layout: layout, theme: theme, strings: strings, now: now,
                                   into: &buffer)
    case .source:
        SourceView.draw(state, layout: layout, theme: theme, strings: strings, into: &buffer)
    case .tips:
        TipsView.draw(state, layout: layout, theme: theme, strings: strings, now: now, into: &buffer)
    case .help:
        HelpView.draw(state, layout: layout, theme: theme, strings: strings, into: &buffer)
    case .inbox:
        InboxView.draw(state, layout: layout, theme: theme, strings: strings, now: now, into: &buffer)
    case .inboxGroup(let cause):
        InboxGroupView.draw(state, cause: cause, layout: layout, theme: theme, strings: strings, now: now,
                            into: &buffer)
    case .bulkResubmit:
        BulkProgressView.draw(state, layout: layout, theme: theme, strings: strings, into: &buffer)
    case .ledger:
        LedgerView.draw(state, layout: layout, theme: theme, strings: strings, now: now, into: &buffer)
    }
    Chrome.drawHintBar(state, in: layout.hintBar, theme: theme, strings: strings, into: &buffer)
    Chrome.drawStatusBar(state, in: layout.statusBar, theme: theme, strings: strings, into: &buffer)
    if let modal = state.modal {
        DialogViews.draw(modal, state: state, layout: layout, theme: theme, strings: strings, into: &buffer)
    }
    return buffer
}

/// Screen names for the title bar and the help title.
enum Breadcrumbs {
    static func name(of route: Route, strings: Strings) -> String {
        switch route {
        case .activity: strings[.crumbActivity]
        case .runDetail(let id): strings[.crumbRun, ["id": clean(id.rawValue)]]
        case .connections: strings[.crumbConnections]
        case .flows: strings[.crumbFlows]
        case .definitionFailure(let file):
            strings[.crumbDefinitionFailure, ["file": clean(DefinitionFailureRow.fileName(file))]]
        case .source(let flow): strings[.crumbSource, ["flow": clean(flow)]]
        case .tips: strings[.crumbTips]
        case .help(let id): strings[.crumbHelp, ["id": clean(id.rawValue)]]
        case .inbox: strings[.crumbInbox]
        case .inboxGroup(let cause): strings.causeText(cause)
        case .bulkResubmit: strings[.crumbBulk]
        case .ledger: strings[.crumbLedger]
        }
    }

    /// "FlowDash › Activity › Run 12", from the navigation stack.
    static func trail(_ stack: [Route], strings: Strings) -> String {
        ([strings[.appName]] + stack.map { name(of: $0, strings: strings) }).joined(separator: " › ")
    }
}

/// The rows around every screen: title bar, key hints, status line.
enum Chrome {
    /// Shown in the hint bar first to last until the row is full; moving keys are left to help.
    static let hintOrder: [Action] = [
        .verify, .edit, .resubmit, .toggleSelection, .toggleGrouped, .rerunFailed, .toggleTips, .showHelp, .askForHelp, .supportBundle, .open, .filter, .cycleStatusFilter, .back, .help, .command,
        .showConnections, .showFlows, .showLedger, .refresh, .quit,
    ]
    static let movement: Set<Action> = [.moveDown, .moveUp, .top, .bottom, .pageDown, .pageUp]

    static func drawTitleBar(_ state: AppState, in rect: Rect, theme: Theme, strings: Strings,
                             into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect, style: theme[.header])
        let runs = state.activity.list.items
        let counts = strings[.headerCounts, [
            "runs": String(runs.count), "failed": String(runs.filter { $0.status == .failed }.count),
        ]]
        let trail = " " + Breadcrumbs.trail(state.stack, strings: strings)
        var bold = theme[.header]
        bold.bold = true
        buffer.write(DisplayWidth.truncate(trail, to: rect.width), x: rect.x, y: rect.y, style: bold)
        // why: where am I matters more than how many; the counts show only beside a whole trail.
        let countsWidth = DisplayWidth.of(counts) + 1
        if DisplayWidth.of(trail) + 2 + countsWidth <= rect.width {
            buffer.write(counts, x: rect.maxX - countsWidth, y: rect.y, style: theme[.header])
        }
    }

    /// The route's bindings as "key label" pairs; disabled ones dimmed.
    static func drawHintBar(_ state: AppState, in rect: Rect, theme: Theme, strings: Strings,
                            into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        var x = rect.x
        // why: an engine that cannot rerun in place (the embedded one) keeps its hint bar as it
        // was; help still lists `x` with the reason.
        let bindings = hintBindings(for: state.route).filter { state.canRerunFailedSteps || $0.action != .rerunFailed }
        for binding in bindings {
            let label = " " + strings.hint(for: binding.action)
            guard x + DisplayWidth.of(binding.label + label) <= rect.maxX else { break }
            // why: asked only for hints that fit; the answer may sort the whole activity list.
            let disabled = KeyMap.disabledReason(binding.action, in: state) != nil
            let item = Line([
                Span(binding.label, style: theme[disabled ? .keyHintDisabled : .keyHint]),
                Span(label, style: theme[disabled ? .keyHintDisabled : .keyHintLabel]),
            ])
            x += buffer.write(item, x: x, y: rect.y) + 2
        }
    }

    /// One binding per action, in `hintOrder`, then any action the keymap adds later.
    static func hintBindings(for route: Route) -> [KeyBinding] {
        var seen = Set<Action>()
        let unique = KeyMap.bindings(for: route).filter { !movement.contains($0.action) && seen.insert($0.action).inserted }
        let rank = { (action: Action) in hintOrder.firstIndex(of: action) ?? hintOrder.count }
        return unique.enumerated().sorted { left, right in
            (rank(left.element.action), left.offset) < (rank(right.element.action), right.offset)
        }.map(\.element)
    }

    /// The spinner while work is in flight, then the message in the user's language; the
    /// read-only badge on the right.
    static func drawStatusBar(_ state: AppState, in rect: Rect, theme: Theme, strings: Strings,
                              into buffer: inout ScreenBuffer) {
        guard !rect.isEmpty else { return }
        var x = rect.x
        if state.status.inFlight > 0 {
            x += buffer.write(Spinner.glyph(state.status.spinnerFrame) + " ", x: x, y: rect.y, style: theme[.spinner])
        }
        let role: StyleRole = switch state.status.kind {
        case .info: .statusInfo
        case .success: .statusSuccess
        case .error: .statusError
        }
        var badge = state.readOnly ? strings[.reasonReadOnly] : ""
        let message = strings.message(state.status.message)
        if DisplayWidth.of(message) + DisplayWidth.of(badge) + 2 > rect.maxX - x { badge = "" }
        let badgeWidth = DisplayWidth.of(badge)
        let room = rect.maxX - x - (badge.isEmpty ? 0 : badgeWidth + 2)
        buffer.write(DisplayWidth.truncate(message, to: room), x: x, y: rect.y, style: theme[role], maxWidth: room)
        if !badge.isEmpty {
            buffer.write(badge, x: rect.maxX - badgeWidth, y: rect.y, style: theme[.dim])
        }
    }
}
