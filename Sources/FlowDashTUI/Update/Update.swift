import FlowDashCore
import FlowDashScreen
import Foundation

/// The work to start with: load the activity list (the home screen), and the screen on top
/// when the state starts deeper (e.g. on the flows screen).
public func initialEffects(_ state: AppState) -> [Effect] {
    state.route == .activity ? [.loadActivity] : [.loadActivity] + UpdateNavigation.reload(state)
}

/// Applies `msg` to `state` and returns the work to do next. Pure: no I/O, and time comes in
/// as `now`. Every effect is a service call, so each one emitted counts in `status.inFlight`
/// until its result message arrives.
public func update(_ state: inout AppState, _ msg: Msg, now: Date) -> [Effect] {
    if msg.isEffectResult { state.status.inFlight = max(0, state.status.inFlight - 1) }
    let effects: [Effect]
    switch msg {
    case .input(let event): effects = UpdateInput.handle(event, &state, now: now)
    case .tick: effects = UpdateTick.tick(&state, now: now)
    default: effects = UpdateResults.apply(msg, &state, now: now)
    }
    noteStarted(effects, in: &state)
    return effects
}

/// Counts `effects` as running; the runtime calls it for `initialEffects`, `update` for the rest.
func noteStarted(_ effects: [Effect], in state: inout AppState) {
    state.status.inFlight += effects.filter { !$0.isLongRunning }.count
}

extension Msg {
    /// Whether this message answers an effect (and so ends one in-flight call).
    var isEffectResult: Bool {
        switch self {
        case .input, .tick, .bulkResubmitEvent, .bulkResubmitEnded: false
        case .activityLoaded, .reportLoaded, .connectionsLoaded, .flowsLoaded, .verifyFinished,
             .resubmitted, .editFinished, .definitionReadOnly, .failedStepsCounted, .failedStepsRerun,
             .tipsLoaded, .flowTipLoaded, .tipsSwitched, .solutionsLoaded, .requestSolutionsFound,
             .supportBundleWritten, .inboxLoaded, .openFailuresLoaded, .groupPicked, .bulkPlanned, .bulkPlanChecked, .ledgerLoaded:
            true
        }
    }
}
