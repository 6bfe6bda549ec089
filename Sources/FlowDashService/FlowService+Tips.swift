import FlowDashCore
import Foundation

/// Repair tips for failing flows and the per-flow switch. A flow with tips off keeps its tip
/// here, marked `tipsOff`: it still fails visibly, only the notifier sends nothing for it.
extension FlowService {
    /// How many recent runs of one flow are read to find its current streak.
    public static let tipsHistoryPerFlow = 100
    /// How many recent failed runs are read to find the flows that may be failing (with the
    /// inbox's flows, when the backend answers the inbox over all its history).
    public static let tipsFailedRunsScanned = 200

    /// The tip of every failing flow, the most recently begun streak first, at most `limit`.
    /// Reads the recent failures once, then per candidate flow its recent runs and one run detail.
    public func repairTips(limit: Int = 50) async throws -> [RepairTip] {
        let failures = try await backend.activity(ActivityQuery(failedOnly: true, limit: Self.tipsFailedRunsScanned))
        // why: a backend that knows its whole history also names flows whose streak began long
        // before the newest failed runs (a busy store), through the inbox's groups.
        let inboxFlows = try await (backend as? any FailureInboxReading)?.failureInbox().groups.flatMap(\.flows) ?? []
        var candidates: [String] = []
        var seen: Set<String> = []
        for flow in failures.map(\.flow) + inboxFlows where seen.insert(flow).inserted { candidates.append(flow) }
        let tipsOff = try await flowsWithTipsOff()
        var tips: [RepairTip] = []
        for flow in candidates where tips.count < max(0, limit) {
            if let tip = try await readTip(forFlow: flow, tipsOff: tipsOff) { tips.append(tip) }
        }
        return tips.sorted { ($0.firstFailedAt, $1.flow) > ($1.firstFailedAt, $0.flow) }
    }

    /// The flow's tip; nil when the flow is not failing now.
    public func repairTip(forFlow flow: String) async throws -> RepairTip? {
        try await readTip(forFlow: flow, tipsOff: flowsWithTipsOff())
    }

    private func readTip(forFlow flow: String, tipsOff: Set<String>) async throws -> RepairTip? {
        let runs = try await backend.activity(ActivityQuery(flow: flow, limit: Self.tipsHistoryPerFlow))
        let windowIsFull = runs.count >= Self.tipsHistoryPerFlow
        guard let streak = FailureStreak.current(in: runs.filter { $0.flow == flow }, windowIsFull: windowIsFull) else {
            return nil
        }
        let detail: RunDetail
        do {
            detail = try await backend.run(streak.newest.id)
        } catch BackendError.runNotFound(let id) {
            // why: history reset or the run was deleted between the two reads; the next look finds it settled.
            logger.notice("failed run vanished while reading its tip", metadata: ["run": "\(id)"])
            return nil
        }
        var tip = RepairTip.make(flow: flow, runsNewestFirst: runs, lastFailureDetail: detail, windowIsFull: windowIsFull)
        tip?.tipsOff = tipsOff.contains(flow)
        return tip
    }

    // MARK: The switch

    /// Whether repair tips can be switched per flow on this service.
    public var canSwitchTips: Bool { tipsSwitch != nil }

    /// Flows with repair tips off; none when nothing keeps the switch.
    public func flowsWithTipsOff() async throws -> Set<String> {
        try await tipsSwitch?.flowsWithTipsOff() ?? []
    }

    /// Switches a flow's repair tips on or off; the flow must exist.
    public func setTips(enabled: Bool, forFlow flow: String) async throws {
        guard let tipsSwitch else { throw RepairTipsError.switchUnavailable(backend: backend.kind) }
        guard try await backend.flows().contains(where: { $0.name == flow }) else {
            throw BackendError.flowNotFound(flow)
        }
        try await tipsSwitch.setTips(enabled: enabled, forFlow: flow)
        logger.info("switched repair tips", metadata: ["flow": "\(flow)", "enabled": "\(enabled)"])
    }
}

public enum RepairTipsError: Error, Sendable, Equatable, CustomStringConvertible {
    case switchUnavailable(backend: String)

    public var description: String {
        switch self {
        case .switchUnavailable(let backend):
            "repair tips cannot be switched per flow here: nothing keeps the switch for the \(backend) backend"
        }
    }
}
