import FlowDashCore
import Foundation

/// The failure inbox (`G`), a group's open failures, picking runs with space, and the ledger.
enum UpdateInbox {
    /// `G`: the activity list becomes the inbox, and back.
    static func toggleGrouped(_ state: inout AppState) -> [Effect] {
        if state.route == .inbox { return UpdateNavigation.show(.activity, &state) }
        return UpdateNavigation.show(.inbox, &state)
    }

    /// Space: picks or drops the failed run under the cursor; on a group row, the whole group
    /// (its open failures are asked for first: the inbox rows only count them).
    static func toggleSelection(_ state: inout AppState) -> [Effect] {
        if state.route == .inbox {
            guard let group = state.inbox.groups.selected else { return [] }
            state.status.show(.loadingGroup)
            return [.pickGroup(group.cause)]
        }
        guard let run = ActionTargets.runToPick(in: state) else { return [] }
        state.picked.toggle(run)
        state.status.show(state.picked.isEmpty ? .selectionCleared : .picked(count: state.picked.count))
        // why: picking runs down the list, as a file manager does, so space space space picks three.
        UpdateNavigation.moveCursor(by: 1, &state)
        return []
    }

    /// Esc with runs picked drops them all instead of going back.
    static func clearSelection(_ state: inout AppState) -> Bool {
        guard !state.picked.isEmpty || !state.picked.groups.isEmpty,
              KeyMap.pickingRoutes.contains(state.route.kind) else { return false }
        state.picked.clear()
        state.status.show(.selectionCleared)
        return true
    }

    /// Enter on the inbox opens the group; on a group, ledger or progress row, the run.
    static func open(_ state: inout AppState) -> [Effect] {
        switch state.route {
        case .inbox:
            guard let group = state.inbox.groups.selected else { return [] }
            if state.inbox.groupCause != group.cause {
                state.inbox.groupRuns = ListState()
                state.inbox.groupCause = group.cause
            }
            return UpdateNavigation.show(.inboxGroup(group.cause), &state)
        case .inboxGroup:
            guard let run = state.inbox.groupRuns.selected else { return [] }
            return UpdateNavigation.show(.runDetail(run.id), &state)
        case .ledger:
            guard let entry = state.ledger.selected else { return [] }
            return UpdateNavigation.show(.runDetail(entry.resubmitted.id), &state)
        case .bulkResubmit:
            guard let row = state.bulk?.list.selected else { return [] }
            return UpdateNavigation.show(.runDetail(row.newRun ?? row.original), &state)
        default:
            return []
        }
    }

    static func apply(_ msg: Msg, _ state: inout AppState, now: Date) -> [Effect] {
        switch msg {
        case .inboxLoaded(let result):
            guard let inbox = UpdateResults.value(of: result, &state) else { return [] }
            let kept = state.inbox.groups.selected?.cause
            state.inbox.groups.items = inbox.groups
            state.inbox.groups.loaded = true
            state.inbox.isPartial = inbox.isPartial
            let index = inbox.groups.firstIndex { $0.cause == kept } ?? state.inbox.groups.selection
            state.inbox.groups.moveCursor(to: index, count: inbox.groups.count, rows: rows(.inbox, state))
            if state.route == .inbox { state.lastRefresh = now }
        case .openFailuresLoaded(let cause, let result):
            guard state.inbox.groupCause == cause, let runs = UpdateResults.value(of: result, &state) else { return [] }
            let kept = state.inbox.groupRuns.selected?.id
            state.inbox.groupRuns.items = runs
            state.inbox.groupRuns.loaded = true
            let index = runs.firstIndex { $0.id == kept } ?? state.inbox.groupRuns.selection
            state.inbox.groupRuns.moveCursor(to: index, count: runs.count, rows: rows(.inboxGroup, state))
            if state.route == .inboxGroup(cause) { state.lastRefresh = now }
        case .groupPicked(let cause, let result):
            guard let runs = UpdateResults.value(of: result, &state) else { return [] }
            guard !runs.isEmpty else {
                state.status.show(.groupEmpty)
                return state.route == .inbox ? [.loadInbox] : []
            }
            state.picked.toggle(group: cause, runs: runs)
            state.status.show(state.picked.isEmpty ? .selectionCleared : .picked(count: state.picked.count))
        case .ledgerLoaded(let result):
            guard let entries = UpdateResults.value(of: result, &state) else { return [] }
            let kept = state.ledger.selected?.resubmitted.id
            state.ledger.items = entries
            state.ledger.loaded = true
            let index = entries.firstIndex { $0.resubmitted.id == kept } ?? state.ledger.selection
            state.ledger.moveCursor(to: index, count: entries.count, rows: rows(.ledger, state))
            if state.route == .ledger { state.lastRefresh = now }
        default:
            break
        }
        return []
    }

    private static func rows(_ route: RouteKind, _ state: AppState) -> Int {
        ScreenLayout(state).list(for: route).height
    }
}
