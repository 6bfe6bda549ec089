import FlowDashCore
import Foundation

/// The periodic tick: the spinner turns, and what is on screen refreshes while it can change.
enum UpdateTick {
    /// How stale the activity list may get before the tick asks again.
    static let activityInterval: TimeInterval = 2
    /// How often a live run's progress is asked for.
    static let liveRunInterval: TimeInterval = 1
    // why: divisible by every spinner length up to 16, so wrapping around never skips a frame.
    static let spinnerCycle = 720_720

    static func tick(_ state: inout AppState, now: Date) -> [Effect] {
        state.status.spinnerFrame = (state.status.spinnerFrame + 1) % spinnerCycle
        // why: never pile up refreshes behind a slow backend or an action still running.
        guard state.status.inFlight == 0 else { return [] }
        switch state.route {
        case .activity, .definitionFailure:
            guard isDue(activityInterval, state, now) else { return [] }
            state.lastRefresh = now
            return [.loadActivity]
        case .runDetail(let id):
            guard let report = state.runDetail?.report, state.runDetail?.runID == id,
                  !report.detail.summary.status.isFinished, isDue(liveRunInterval, state, now) else { return [] }
            state.lastRefresh = now
            return [.loadReport(id)]
        case .inbox, .inboxGroup, .ledger:
            guard isDue(activityInterval, state, now) else { return [] }
            state.lastRefresh = now
            return UpdateNavigation.reload(state)
        case .connections, .flows, .source, .tips, .help, .bulkResubmit:
            return []
        }
    }

    private static func isDue(_ interval: TimeInterval, _ state: AppState, _ now: Date) -> Bool {
        guard let last = state.lastRefresh else { return true }
        return now.timeIntervalSince(last) >= interval
    }
}
