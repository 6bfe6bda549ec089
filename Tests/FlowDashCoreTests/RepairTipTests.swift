import FlowDashCore
import Foundation
import Testing

struct RepairTipTests {
    private func run(_ id: Int, _ status: RunStatus, at minute: Double, inputs: TriggerInputs = [:]) -> RunSummary {
        RunSummary(id: RunID(String(id)), flow: "sync", status: status,
                   startedAt: Date(timeIntervalSince1970: minute * 60), inputs: inputs)
    }

    private let failingDetail = RunDetail(
        summary: RunSummary(id: RunID("5"), flow: "sync", status: .failed, startedAt: Date()),
        steps: [StepRun(position: 0, name: "fetch", status: .failed, connection: "crm",
                        error: StepError(httpStatus: 401, message: "Unauthorized"))]
    )

    @Test func theStreakStartsAfterTheLastSuccess() throws {
        let runs = [
            run(5, .failed, at: 50, inputs: ["c": "2"]), run(4, .running, at: 45), run(3, .failed, at: 40),
            run(2, .succeeded, at: 30), run(1, .failed, at: 10),
        ]
        let tip = try #require(RepairTip.make(flow: "sync", runsNewestFirst: runs, lastFailureDetail: failingDetail))
        #expect(tip.failureCount == 2)
        #expect(tip.firstFailedAt == Date(timeIntervalSince1970: 40 * 60))
        #expect(tip.lastRun == RunID("5"))
        #expect(tip.lastInputs == ["c": "2"])
        #expect(tip.diagnosis.kind == .authentication)
    }

    @Test func aFlowWhoseLatestRunSucceededHasNoTip() {
        let runs = [run(2, .succeeded, at: 30), run(1, .failed, at: 10)]
        #expect(RepairTip.make(flow: "sync", runsNewestFirst: runs, lastFailureDetail: failingDetail) == nil)
    }
}
