import FlowDashCore
import FlowDashScreen
import FlowDashService
import Foundation

/// Bulk resubmit: `r` with runs picked (or on a group row) opens the dry run; the operator types
/// the count; the progress screen follows the service's events.
enum UpdateBulk {
    /// `r` when a bulk resubmit applies: the picked runs are planned here (no I/O); a group's
    /// open failures are asked for first.
    static func start(_ state: inout AppState) -> [Effect] {
        if let bulk = state.bulk, !bulk.done {
            state.status.show(.bulkResubmitStillGoing)
            return []
        }
        if !state.picked.isEmpty {
            // why: the dialog opens at once from what is on screen; whether a connection still
            // refuses the runs needs the backend, so that warning joins it when it arrives.
            let plan = BulkResubmitPlan(selection: state.picked.list)
            state.modal = .bulkResubmit(BulkResubmitDialog(plan: plan))
            return [.checkBulkPlan(plan)]
        }
        guard state.route == .inbox, let group = state.inbox.groups.selected else { return [] }
        state.status.show(.loadingGroup)
        return [.planBulkResubmit(group.cause)]
    }

    /// The dry run of a group arrived: show it, unless the operator moved on meanwhile.
    static func planned(_ result: Result<BulkResubmitPlan, ErrorText>, _ state: inout AppState) {
        guard let plan = UpdateResults.value(of: result, &state) else { return }
        state.status.show(.none)
        guard state.modal == nil, state.route == .inbox else { return }
        state.modal = .bulkResubmit(BulkResubmitDialog(plan: plan))
    }

    /// The picked runs' plan came back checked: the open dialog shows its warning, keeping what
    /// was typed. A dialog for other runs (the operator moved on) is left alone.
    static func checked(_ plan: BulkResubmitPlan, _ state: inout AppState) {
        guard case .bulkResubmit(var dialog)? = state.modal, dialog.plan.runs == plan.runs else { return }
        dialog.plan = plan
        state.modal = .bulkResubmit(dialog)
    }

    /// The count field: type, Backspace, Ctrl-U clears, Enter checks the count, Esc cancels.
    static func dialog(_ key: Key, _ dialog: BulkResubmitDialog, _ state: inout AppState) -> [Effect] {
        var dialog = dialog
        switch key {
        case .escape:
            state.modal = nil
            state.status.show(.cancelled)
            return []
        case .enter:
            return confirm(&dialog, &state)
        case .backspace:
            if !dialog.typed.isEmpty { dialog.typed.removeLast() }
        case .control("u"):
            dialog.typed = ""
        default:
            if let character = key.typedCharacter, dialog.typed.count < 12 { dialog.typed.append(character) }
        }
        state.modal = .bulkResubmit(dialog)
        return []
    }

    /// Enter: only the exact count goes ahead; anything else is refused and the field cleared.
    private static func confirm(_ dialog: inout BulkResubmitDialog, _ state: inout AppState) -> [Effect] {
        let plan = dialog.plan
        guard plan.count > 0 else {
            dialog.refusal = .nothingToResubmit
            state.modal = .bulkResubmit(dialog)
            return []
        }
        guard dialog.typed.trimmingCharacters(in: .whitespaces) == String(plan.count) else {
            dialog.refusal = .wrongCount
            dialog.typed = ""
            state.modal = .bulkResubmit(dialog)
            return []
        }
        // why: the keymap checked read-only mode when the dialog opened; checked again as the
        // last step before remote state changes.
        if let reason = KeyMap.disabledReason(.resubmit, in: state), reason == .readOnly {
            state.modal = nil
            state.status.show(.actionDisabled(.resubmit, reason: reason))
            return []
        }
        state.modal = nil
        state.picked.clear()
        state.bulk = BulkProgressState(plan: plan)
        state.status.show(.bulkResubmitStarted(count: plan.count))
        _ = UpdateNavigation.show(.bulkResubmit, &state)
        return [.bulkResubmit(plan)]
    }

    static func event(_ event: BulkResubmitEvent, _ state: inout AppState) {
        state.bulk?.record(event)
    }

    /// The stream ended: the tally on the status line, and the lists refresh.
    static func ended(_ state: inout AppState) -> [Effect] {
        guard var bulk = state.bulk else { return [] }
        bulk.done = true
        state.bulk = bulk
        state.status.show(.bulkResubmitFinished(bulk.tally))
        let onScreen: [Effect] = switch state.route {
        case .inbox, .inboxGroup, .ledger: UpdateNavigation.reload(state)
        default: []
        }
        return [.loadActivity] + onScreen
    }

    /// Esc on the progress screen while it goes on: say that the resubmits go on.
    static func leaving(_ state: inout AppState) {
        guard state.route == .bulkResubmit, let bulk = state.bulk, !bulk.done else { return }
        state.status.show(.bulkResubmitGoesOn)
    }
}
