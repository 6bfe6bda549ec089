import Foundation

/// The four sections of a repair tip for one failing flow, as data the interface, the CLI and
/// the notifier all render.
public struct RepairTip: Hashable, Sendable {
    public let flow: String
    /// When: the current failure streak began.
    public let firstFailedAt: Date
    /// The streak's first failed run.
    public let firstFailedRun: RunID
    /// What happened: the diagnosis of the latest failed run.
    public let diagnosis: Diagnosis
    /// Troubleshooting: failed runs in the current streak.
    public let failureCount: Int
    /// The window of runs looked at held only this streak, so `failureCount` is a lower bound.
    public let failureCountIsLowerBound: Bool
    /// The latest failed run; resubmitting it reruns with `lastInputs`.
    public let lastRun: RunID
    public let lastInputs: TriggerInputs
    /// The owner switched repair tips off for this flow: it still fails visibly, nothing is sent.
    public var tipsOff: Bool

    public init(
        flow: String, firstFailedAt: Date, firstFailedRun: RunID, diagnosis: Diagnosis, failureCount: Int,
        failureCountIsLowerBound: Bool = false, lastRun: RunID, lastInputs: TriggerInputs, tipsOff: Bool = false
    ) {
        self.flow = flow
        self.firstFailedAt = firstFailedAt
        self.firstFailedRun = firstFailedRun
        self.diagnosis = diagnosis
        self.failureCount = failureCount
        self.failureCountIsLowerBound = failureCountIsLowerBound
        self.lastRun = lastRun
        self.lastInputs = lastInputs
        self.tipsOff = tipsOff
    }

    /// How to fix: the steps for the failure's kind, each with its key and command.
    public var fixSteps: [FixStep] { diagnosis.fix.map { FixStep(action: $0, runID: lastRun) } }

    /// The one command that reruns the flow with the last trigger inputs.
    public var rerunCommand: String { "flowdash resubmit \(lastRun)" }
    /// The interface key that does the same on the run.
    public static let rerunKey = "r"

    /// Builds the tip from a flow's recent runs (see `FailureStreak` for the rules) and the
    /// detail of the streak's newest failed run. Nil when the flow is not failing, or when the
    /// detail is of another run or shows no failed step.
    public static func make(
        flow: String, runsNewestFirst: [RunSummary], lastFailureDetail: RunDetail, windowIsFull: Bool = false
    ) -> RepairTip? {
        guard let streak = FailureStreak.current(in: runsNewestFirst.filter { $0.flow == flow }, windowIsFull: windowIsFull),
              lastFailureDetail.summary.id == streak.newest.id,
              let step = lastFailureDetail.failingStep,
              let diagnosis = Diagnoser.diagnose(flow: flow, step: step) else { return nil }
        return RepairTip(
            flow: flow, firstFailedAt: streak.firstFailedAt, firstFailedRun: streak.oldest.id, diagnosis: diagnosis,
            failureCount: streak.failureCount, failureCountIsLowerBound: streak.mayContinueBeyondWindow,
            lastRun: streak.newest.id, lastInputs: streak.newest.inputs)
    }
}
