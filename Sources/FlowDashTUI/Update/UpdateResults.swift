import FlowDashCore
import FlowDashService
import Foundation

/// What the answers to effects do to the state.
enum UpdateResults {
    static func apply(_ msg: Msg, _ state: inout AppState, now: Date) -> [Effect] {
        switch msg {
        case .input, .tick:
            return []
        case .activityLoaded(let runs, let failures):
            activityLoaded(runs, failures, &state, now: now)
        case .reportLoaded(let id, let result):
            guard let report = value(of: result, &state) else { return [] }
            return reportLoaded(id, report, &state, now: now)
        case .connectionsLoaded(let result):
            guard let connections = value(of: result, &state) else { return [] }
            let kept = state.connections.selected?.name
            state.connections.items = connections
            state.connections.loaded = true
            let index = connections.firstIndex { $0.name == kept } ?? state.connections.selection
            state.connections.moveCursor(to: index, count: connections.count, rows: rows(.connections, state))
        case .flowsLoaded(let result, let tipsOff):
            UpdateTipsResults.tipsOffLoaded(tipsOff, &state)
            guard let flows = value(of: result, &state) else { return [] }
            let kept = state.flows.selected?.name
            state.flows.items = flows
            state.flows.loaded = true
            let index = flows.firstIndex { $0.name == kept } ?? state.flows.selection
            state.flows.moveCursor(to: index, count: flows.count, rows: rows(.flows, state))
        case .tipsLoaded, .flowTipLoaded, .tipsSwitched:
            UpdateTipsResults.apply(msg, &state)
        case .solutionsLoaded, .requestSolutionsFound, .supportBundleWritten:
            UpdateHelp.apply(msg, &state)
        case .verifyFinished(let connection, let result):
            return UpdateVerifyResult.apply(connection: connection, result, &state)
        case .resubmitted(let from, let result):
            guard let newID = value(of: result, &state) else { return [] }
            state.status.show(.resubmitted(from: from, to: newID))
            return UpdateNavigation.show(.runDetail(newID), &state) + [.loadActivity]
        case .editFinished(let flow, let result):
            guard let problems = value(of: result, &state) else { return [] }
            return editFinished(flow, problems, &state)
        case .definitionReadOnly(let flow, let reason, let text):
            state.status.show(.definitionReadOnly(flow: flow, reason: TextSanitizer.clean(reason)))
            guard let text else { return [] }
            return UpdateSource.open(flow: flow, reason: reason, text: text, &state)
        case .failedStepsCounted(let id, let result):
            UpdateRerunResult.counted(id, result, &state)
        case .failedStepsRerun(let id, let result):
            return UpdateRerunResult.rerun(id, result, &state)
        case .inboxLoaded, .openFailuresLoaded, .groupPicked, .ledgerLoaded:
            return UpdateInbox.apply(msg, &state, now: now)
        case .bulkPlanned(let result):
            UpdateBulk.planned(result, &state)
        case .bulkPlanChecked(let plan):
            UpdateBulk.checked(plan, &state)
        case .bulkResubmitEvent(let event):
            UpdateBulk.event(event, &state)
        case .bulkResubmitEnded:
            return UpdateBulk.ended(&state)
        }
        return []
    }

    /// The success value, or nil after putting the error in the status line.
    static func value<Value>(of result: Result<Value, ErrorText>, _ state: inout AppState) -> Value? {
        switch result {
        case .success(let value):
            return value
        case .failure(let error):
            state.status.show(.failed(error))
            return nil
        }
    }

    private static func rows(_ route: RouteKind, _ state: AppState) -> Int {
        ScreenLayout(state).list(for: route).height
    }

    /// Live refresh must not move the cursor off the row the operator is looking at. Runs and
    /// definition failures are answered apart: either may fail and the other still shows.
    private static func activityLoaded(
        _ runs: Result<[RunSummary], ErrorText>, _ failures: Result<[DefinitionFailure], ErrorText>,
        _ state: inout AppState, now: Date
    ) {
        let kept = selectedItem(state)?.id
        switch failures {
        case .success(let failures):
            state.activity.definitionFailures = failures
            state.activity.definitionFailuresError = nil
        case .failure(let error):
            // why: the tick refreshes every few seconds; say it once, not over every other message.
            if state.activity.definitionFailuresError != error {
                state.status.show(.definitionFailuresUnavailable(error))
            }
            state.activity.definitionFailuresError = error
        }
        if let runs = value(of: runs, &state) {
            state.activity.list.items = ActivityOrder.sorted(runs)
            state.activity.list.loaded = true
            if [.activity, .definitionFailure].contains(state.route.kind) { state.lastRefresh = now }
        }
        UpdateNavigation.reselect(kept, fallback: state.activity.list.selection, &state)
    }

    /// Stores the report of the run on screen. The failing step is selected on the first load,
    /// and again when a live run finishes (that is when its failing step appears); a failed
    /// run then asks for its flow's repair tip (When, how many failures in the streak).
    private static func reportLoaded(_ id: RunID, _ report: RunReport, _ state: inout AppState, now: Date) -> [Effect] {
        guard var detail = state.runDetail, detail.runID == id else { return [] }
        let previous = detail.report
        let wasLive = previous.map { !$0.detail.summary.status.isFinished } ?? false
        let status = report.detail.summary.status
        let justFinished = wasLive && status.isFinished
        detail.report = report
        var index = detail.selection
        if previous == nil || justFinished,
           let failing = report.detail.steps.firstIndex(where: { $0.status == .failed }) {
            index = failing
        }
        detail.moveCursor(to: index, rows: rows(.runDetail, state))
        state.runDetail = detail
        if state.route == .runDetail(id) { state.lastRefresh = now }
        if justFinished { state.status.show(.runFinished(id, status)) }
        guard status == .failed, previous == nil || justFinished else { return [] }
        return [.loadFlowTip(flow: report.detail.summary.flow, run: id)]
    }

    /// A valid edit made from a finished run's detail offers the resubmit that completes the fix.
    private static func editFinished(
        _ flow: String, _ problems: [DefinitionProblem], _ state: inout AppState
    ) -> [Effect] {
        guard let first = problems.first else {
            state.status.show(.definitionValid(flow: flow))
            // why: a fixed file leaves the definition failures at once, not at the next tick.
            if [.activity, .definitionFailure].contains(state.route.kind) { return [.loadActivity] }
            if state.route.kind == .runDetail, ActionTargets.flowToEdit(in: state) == flow,
               state.modal == nil, KeyMap.disabledReason(.resubmit, in: state) == nil,
               let pending = UpdateActions.pendingAction(for: .resubmit, in: state) {
                state.modal = .confirm(ConfirmRequest(action: pending))
            }
            return []
        }
        state.status.show(.definitionInvalid(
            flow: flow, firstProblem: TextSanitizer.clean(first.description), count: problems.count))
        return []
    }
}
