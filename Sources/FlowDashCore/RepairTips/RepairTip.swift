import Foundation

/// The four sections of a repair tip for one failing flow, as data the interface, the CLI and
/// the notifier all render.
public struct RepairTip: Hashable, Sendable {
    public let flow: String
    /// When the current failure streak began.
    public let firstFailedAt: Date
    public let diagnosis: Diagnosis
    /// Failed runs in the current streak.
    public let failureCount: Int
    public let lastRun: RunID
    public let lastInputs: TriggerInputs

    public init(
        flow: String, firstFailedAt: Date, diagnosis: Diagnosis, failureCount: Int,
        lastRun: RunID, lastInputs: TriggerInputs
    ) {
        self.flow = flow
        self.firstFailedAt = firstFailedAt
        self.diagnosis = diagnosis
        self.failureCount = failureCount
        self.lastRun = lastRun
        self.lastInputs = lastInputs
    }

    /// Builds the tip from a flow's runs, newest first: the streak is every failed run since the
    /// last success. Nil when the newest finished run did not fail.
    public static func make(flow: String, runsNewestFirst: [RunSummary], lastFailureDetail: RunDetail) -> RepairTip? {
        let finished = runsNewestFirst.filter { $0.status.isFinished }
        let streak = finished.prefix { $0.status != .succeeded }.filter { $0.status == .failed }
        guard let newest = streak.first, let oldest = streak.last,
              let step = lastFailureDetail.failingStep,
              let diagnosis = Diagnoser.diagnose(flow: flow, step: step) else { return nil }
        return RepairTip(flow: flow, firstFailedAt: oldest.startedAt, diagnosis: diagnosis,
                         failureCount: streak.count, lastRun: newest.id, lastInputs: newest.inputs)
    }
}
