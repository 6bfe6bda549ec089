import FlowDashCore
import Foundation

/// What each keymap action does. Disabled actions only say why; actions whose binding is marked
/// `changesRemoteState` are parked in a confirm dialog first.
enum UpdateActions {
    static func perform(_ action: Action, _ state: inout AppState, now: Date) -> [Effect] {
        if let reason = KeyMap.disabledReason(action, in: state) {
            state.status.show(.actionDisabled(action, reason: reason))
            return []
        }
        // why: many runs are confirmed by typing their count in the dry run, not with y.
        if action == .resubmit, ActionTargets.bulkApplies(in: state) { return UpdateBulk.start(&state) }
        if needsConfirmation(action, on: state.route), let pending = pendingAction(for: action, in: state) {
            state.modal = .confirm(ConfirmRequest(action: pending))
            return []
        }
        switch action {
        case .moveDown: UpdateNavigation.moveCursor(by: 1, &state)
        case .moveUp: UpdateNavigation.moveCursor(by: -1, &state)
        case .top: UpdateNavigation.moveCursor(to: 0, &state)
        case .bottom: UpdateNavigation.moveCursor(to: UpdateNavigation.currentCount(state) - 1, &state)
        case .pageDown: UpdateNavigation.moveCursor(by: pageRows(state), &state)
        case .pageUp: UpdateNavigation.moveCursor(by: -pageRows(state), &state)
        case .open: return open(&state)
        case .back: return back(&state)
        case .quit: state.shouldQuit = true
        case .filter: state.modal = .filter(PromptState(text: state.activity.filterText))
        case .cycleStatusFilter: cycleStatusFilter(&state)
        case .command: state.modal = .commandLine(PromptState())
        case .help: state.modal = .help
        case .refresh: return UpdateNavigation.reload(state)
        case .showConnections: return UpdateNavigation.show(.connections, &state)
        case .showFlows: return UpdateNavigation.show(.flows, &state)
        case .verify: return openVerifyDialog(&state)
        case .edit:
            if let failure = ActionTargets.definitionFailure(in: state), failure.flow == nil {
                state.status.show(.editDefinitionElsewhere(location: TextSanitizer.clean(failure.problem.location)))
                return []
            }
            guard let flow = ActionTargets.flowToEdit(in: state) else { return [] }
            return [.editDefinition(flow: flow)]
        case .toggleTips:
            guard let flow = state.flows.selected?.name else { return [] }
            return [.setTips(flow: flow, enabled: state.flowsWithTipsOff.contains(flow))]
        case .rerunFailed:
            // why: the confirmation shows how many steps rerun, so a dry run counts them first;
            // its answer (`failedStepsCounted`) opens the dialog.
            guard let run = ActionTargets.runToResubmit(in: state) else { return [] }
            state.status.show(.countingFailedSteps(run.id))
            return [.rerunFailedSteps(run.id, dryRun: true)]
        case .showHelp:
            guard let run = ActionTargets.runForHelp(in: state) else { return [] }
            return UpdateNavigation.show(.help(run.id), &state)
        case .askForHelp:
            state.modal = .askHelp(HelpForm())
        case .supportBundle:
            return UpdateHelp.writeBundle(&state, now: now)
        case .toggleGrouped: return UpdateInbox.toggleGrouped(&state)
        case .toggleSelection: return UpdateInbox.toggleSelection(&state)
        case .showLedger: return UpdateNavigation.show(.ledger, &state)
        case .resubmit:
            // why: reached only if the binding's confirmation mark is removed; still safe to run.
            guard let pending = pendingAction(for: action, in: state) else { return [] }
            return run(pending, &state)
        }
        return []
    }

    /// Runs a confirmed remote-changing action.
    static func run(_ pending: PendingAction, _ state: inout AppState) -> [Effect] {
        switch pending {
        case .resubmit(let id):
            state.status.show(.resubmitting(id))
            return [.resubmit(id)]
        case .rerunFailedSteps(let id, _):
            state.status.show(.rerunningFailedSteps(id))
            return [.rerunFailedSteps(id, dryRun: false)]
        }
    }

    /// The confirmation a remote-changing action waits for, with its subject filled in. Nil
    /// for rerun failed steps: its confirmation needs the dry run's count first.
    static func pendingAction(for action: Action, in state: AppState) -> PendingAction? {
        switch action {
        case .resubmit: ActionTargets.runToResubmit(in: state).map { .resubmit($0.id) }
        default: nil
        }
    }

    private static func needsConfirmation(_ action: Action, on route: Route) -> Bool {
        KeyMap.bindings(for: route).contains { $0.action == action && $0.changesRemoteState }
    }

    private static func pageRows(_ state: AppState) -> Int {
        if state.route.kind == .source { return UpdateSource.pageRows(state) }
        return ScreenLayout(state).visibleRows(on: state.route.kind)
    }

    /// Enter: drill into the selected run or definition failure, or show/hide the selected
    /// step's details.
    private static func open(_ state: inout AppState) -> [Effect] {
        switch state.route {
        case .activity:
            switch selectedItem(state) {
            case .run(let run): return UpdateNavigation.show(.runDetail(run.id), &state)
            case .definition(let failure): return UpdateNavigation.show(.definitionFailure(file: failure.file), &state)
            case nil: return []
            }
        case .runDetail:
            guard var detail = state.runDetail, let steps = detail.report?.detail.steps,
                  steps.indices.contains(detail.selection) else { return [] }
            detail.expandedStep = detail.expandedStep == detail.selection ? nil : detail.selection
            state.runDetail = detail
            return []
        case .tips:
            guard let tip = state.tips.selected else { return [] }
            return UpdateNavigation.show(.runDetail(tip.lastRun), &state)
        case .help:
            UpdateHelp.toggleExpanded(&state)
            return []
        case .inbox, .inboxGroup, .ledger, .bulkResubmit:
            return UpdateInbox.open(&state)
        case .connections, .flows, .definitionFailure, .source:
            return []
        }
    }

    /// Esc: one screen back; on the activity list it clears a text filter instead.
    private static func back(_ state: inout AppState) -> [Effect] {
        if UpdateInbox.clearSelection(&state) { return [] }
        UpdateBulk.leaving(&state)
        if state.route == .activity {
            if !state.activity.filterText.isEmpty { UpdatePrompts.setFilter("", &state) }
            return []
        }
        return UpdateNavigation.back(&state)
    }

    private static func cycleStatusFilter(_ state: inout AppState) {
        let all = StatusFilter.allCases
        let next = ((all.firstIndex(of: state.activity.statusFilter) ?? 0) + 1) % all.count
        let kept = selectedItem(state)?.id
        state.activity.statusFilter = all[next]
        UpdateNavigation.reselect(kept, fallback: 0, &state)
    }

    private static func openVerifyDialog(_ state: inout AppState) -> [Effect] {
        guard let target = ActionTargets.verifyTarget(in: state) else { return [] }
        var returnTo: RunID?
        if case .runDetail(let id) = state.route { returnTo = id }
        switch target {
        case .connection(let connection):
            state.modal = .verify(VerifyDialog(connection: connection, returnTo: returnTo))
        case .choose(let step, let leads):
            state.modal = .pickConnection(ConnectionPicker(step: step, leads: leads, returnTo: returnTo))
        case .unlisted(let connection):
            state.status.show(.connectionUnlisted(TextSanitizer.clean(connection)))
        case .unknown(let step):
            // why: never a made-up name; the operator knows the DAG and picks from the real list.
            let effects = UpdateNavigation.show(.connections, &state)
            state.status.show(.connectionUnknown(step: TextSanitizer.clean(step)))
            return effects
        }
        return []
    }
}
