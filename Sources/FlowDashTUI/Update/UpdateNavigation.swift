import FlowDashCore
import FlowDashScreen

/// The navigation stack and the cursor of the list on screen.
enum UpdateNavigation {
    // MARK: Stack

    /// Opens `route` and loads its data. A run always opens fresh; a screen already on the
    /// stack is returned to (so `c` then `F` then `c` does not grow the stack).
    static func show(_ route: Route, _ state: inout AppState) -> [Effect] {
        if case .runDetail(let id) = route {
            state.stack.append(route)
            state.runDetail = RunDetailState(runID: id)
            return [.loadReport(id)]
        }
        if case .help(let id) = route {
            state.stack.append(route)
            state.help = HelpState(runID: id)
            state.status.show(.findingSolutions)
            return [.loadSolutions(id)]
        }
        if let index = state.stack.lastIndex(of: route) {
            state.stack.removeSubrange((index + 1)...)
        } else {
            state.stack.append(route)
        }
        return load(route)
    }

    /// Replaces the stack with the activity list plus `routes` (the `:` commands), and loads
    /// the top screen.
    static func reset(to routes: [Route], _ state: inout AppState) -> [Effect] {
        state.stack = [.activity] + routes
        state.runDetail = nil
        state.source = nil
        state.help = nil
        return load(state.route)
    }

    /// Pops one screen, never the activity list.
    static func back(_ state: inout AppState) -> [Effect] {
        guard state.stack.count > 1 else { return [] }
        state.stack.removeLast()
        if !state.stack.contains(where: { $0.kind == .source }) { state.source = nil }
        if !state.stack.contains(where: { $0.kind == .help }) { state.help = nil }
        return adoptTopRun(&state)
    }

    /// Makes run `id`'s detail the top screen: pops back to it, or pushes it when it is not on
    /// the stack. Keeps what is loaded when it is the run already shown.
    static func bringToTop(_ id: RunID, _ state: inout AppState) -> [Effect] {
        guard let index = state.stack.lastIndex(of: .runDetail(id)) else {
            return show(.runDetail(id), &state)
        }
        state.stack.removeSubrange((index + 1)...)
        return adoptTopRun(&state)
    }

    /// Asks again for the data on screen.
    static func reload(_ state: AppState) -> [Effect] { load(state.route) }

    private static func load(_ route: Route) -> [Effect] {
        switch route {
        case .activity: [.loadActivity]
        case .runDetail(let id): [.loadReport(id)]
        case .connections: [.loadConnections]
        case .flows: [.loadFlows]
        // why: a definition failure comes with the activity refresh; that is what shows it fixed.
        case .definitionFailure: [.loadActivity]
        case .source: []
        case .tips: [.loadTips]
        case .help(let id): [.loadSolutions(id)]
        case .inbox: [.loadInbox]
        case .inboxGroup(let cause): [.loadOpenFailures(cause)]
        case .bulkResubmit: []
        case .ledger: [.loadLedger]
        }
    }

    /// After a pop, the run detail state must belong to the run now on top.
    private static func adoptTopRun(_ state: inout AppState) -> [Effect] {
        guard case .runDetail(let id) = state.route else {
            if !state.stack.contains(where: { $0.kind == .runDetail }) { state.runDetail = nil }
            return []
        }
        guard state.runDetail?.runID != id else { return [] }
        state.runDetail = RunDetailState(runID: id)
        return [.loadReport(id)]
    }

    // MARK: Cursor

    /// Rows in the list on screen.
    static func currentCount(_ state: AppState) -> Int {
        switch state.route {
        case .activity: visibleItemCount(state)
        case .runDetail: state.runDetail?.report?.detail.steps.count ?? 0
        case .connections: state.connections.items.count
        case .flows: state.flows.items.count
        case .definitionFailure: 0
        case .source: UpdateSource.rowCount(state)
        case .tips: state.tips.items.count
        case .help: state.help?.solutions.count ?? 0
        case .inbox: state.inbox.groups.items.count
        case .inboxGroup: state.inbox.groupRuns.items.count
        case .bulkResubmit: state.bulk?.list.items.count ?? 0
        case .ledger: state.ledger.items.count
        }
    }

    /// The selection and first visible row of the list on screen.
    static func currentCursor(_ state: AppState) -> (selection: Int, offset: Int) {
        switch state.route {
        case .activity: (state.activity.list.selection, state.activity.list.offset)
        case .runDetail: (state.runDetail?.selection ?? 0, state.runDetail?.offset ?? 0)
        case .connections: (state.connections.selection, state.connections.offset)
        case .flows: (state.flows.selection, state.flows.offset)
        case .definitionFailure: (0, 0)
        // why: a text view has no cursor; moving it scrolls, so the offset stands for both.
        case .source: (state.source?.offset ?? 0, state.source?.offset ?? 0)
        case .tips: (state.tips.selection, state.tips.offset)
        case .help: (state.help?.selection ?? 0, 0)
        case .inbox: (state.inbox.groups.selection, state.inbox.groups.offset)
        case .inboxGroup: (state.inbox.groupRuns.selection, state.inbox.groupRuns.offset)
        case .bulkResubmit: (state.bulk?.list.selection ?? 0, state.bulk?.list.offset ?? 0)
        case .ledger: (state.ledger.selection, state.ledger.offset)
        }
    }

    static func moveCursor(by delta: Int, _ state: inout AppState) {
        moveCursor(to: currentCursor(state).selection + delta, &state)
    }

    /// Selects row `index` (clamped) of the list on screen and scrolls it into sight.
    static func moveCursor(to index: Int, _ state: inout AppState) {
        let rows = ScreenLayout(state).list(for: state.route.kind).height
        switch state.route {
        case .activity:
            state.activity.list.moveCursor(to: index, count: visibleItemCount(state), rows: rows)
        case .runDetail:
            state.runDetail?.moveCursor(to: index, rows: rows)
        case .connections:
            state.connections.moveCursor(to: index, count: state.connections.items.count, rows: rows)
        case .flows:
            state.flows.moveCursor(to: index, count: state.flows.items.count, rows: rows)
        case .definitionFailure:
            break
        case .source:
            UpdateSource.scroll(to: index, &state)
        case .tips:
            state.tips.moveCursor(to: index, count: state.tips.items.count, rows: rows)
        case .help:
            // why: the view scrolls the selected entry into sight; entries have no fixed height.
            guard let count = state.help?.solutions.count else { return }
            state.help?.selection = count == 0 ? 0 : min(max(0, index), count - 1)
        case .inbox:
            state.inbox.groups.moveCursor(to: index, count: state.inbox.groups.items.count, rows: rows)
        case .inboxGroup:
            state.inbox.groupRuns.moveCursor(to: index, count: state.inbox.groupRuns.items.count, rows: rows)
        case .bulkResubmit:
            let count = state.bulk?.list.items.count ?? 0
            state.bulk?.list.moveCursor(to: index, count: count, rows: rows)
        case .ledger:
            state.ledger.moveCursor(to: index, count: state.ledger.items.count, rows: rows)
        }
    }

    /// Puts the activity cursor back on item `id` when it is still listed, else on `fallback`.
    static func reselect(_ id: ActivityItem.ID?, fallback: Int, _ state: inout AppState) {
        let items = visibleItems(state)
        let index = id.flatMap { id in items.firstIndex { $0.id == id } } ?? fallback
        let rows = ScreenLayout(state).list(for: .activity).height
        state.activity.list.moveCursor(to: index, count: items.count, rows: rows)
    }

    /// Re-clamps every list after the terminal or a list changed size.
    static func keepSelectionsInSight(_ state: inout AppState) {
        let layout = ScreenLayout(state)
        let runCount = visibleItemCount(state)
        state.activity.list.moveCursor(
            to: state.activity.list.selection, count: runCount, rows: layout.list(for: .activity).height)
        state.connections.moveCursor(
            to: state.connections.selection, count: state.connections.items.count,
            rows: layout.list(for: .connections).height)
        state.flows.moveCursor(
            to: state.flows.selection, count: state.flows.items.count, rows: layout.list(for: .flows).height)
        state.tips.moveCursor(
            to: state.tips.selection, count: state.tips.items.count, rows: layout.list(for: .tips).height)
        state.inbox.groups.moveCursor(
            to: state.inbox.groups.selection, count: state.inbox.groups.items.count, rows: layout.list(for: .inbox).height)
        state.inbox.groupRuns.moveCursor(
            to: state.inbox.groupRuns.selection, count: state.inbox.groupRuns.items.count,
            rows: layout.list(for: .inboxGroup).height)
        state.ledger.moveCursor(
            to: state.ledger.selection, count: state.ledger.items.count, rows: layout.list(for: .ledger).height)
        if let bulk = state.bulk {
            state.bulk?.list.moveCursor(to: bulk.list.selection, count: bulk.list.items.count,
                                        rows: layout.list(for: .bulkResubmit).height)
        }
        if let selection = state.runDetail?.selection {
            state.runDetail?.moveCursor(to: selection, rows: layout.list(for: .runDetail).height)
        }
        if let offset = state.source?.offset { UpdateSource.scroll(to: offset, &state) }
    }
}

extension ListState {
    /// Selects `index` clamped to `count` rows and scrolls it into a window of `rows`.
    mutating func moveCursor(to index: Int, count: Int, rows: Int) {
        selection = count == 0 ? 0 : min(max(0, index), count - 1)
        offset = ListView.offset(selection: selection, current: offset, rows: rows, count: count)
    }
}

extension RunDetailState {
    /// Selects step `index` (clamped) and scrolls it into a window of `rows`.
    mutating func moveCursor(to index: Int, rows: Int) {
        let count = report?.detail.steps.count ?? 0
        selection = count == 0 ? 0 : min(max(0, index), count - 1)
        offset = ListView.offset(selection: selection, current: offset, rows: rows, count: count)
        if let expanded = expandedStep, expanded >= count { expandedStep = nil }
    }
}
