import FlowDashCore
import Foundation
import Testing

struct RepairTipTests {
    private func run(_ id: Int, _ status: RunStatus, at minute: Double, inputs: TriggerInputs = [:]) -> RunSummary {
        RunSummary(id: RunID(String(id)), flow: "sync", status: status,
                   startedAt: Date(timeIntervalSince1970: minute * 60), inputs: inputs)
    }

    private func failingDetail(_ id: Int = 5, status: Int = 401, connection: String? = "crm") -> RunDetail {
        RunDetail(
            summary: RunSummary(id: RunID(String(id)), flow: "sync", status: .failed, startedAt: Date()),
            steps: [StepRun(position: 0, name: "fetch", status: .failed, connection: connection,
                            error: StepError(httpStatus: status, message: "Unauthorized"))])
    }

    @Test func theStreakStartsAfterTheLastSuccess() throws {
        let runs = [
            run(5, .failed, at: 50, inputs: ["c": "2"]), run(4, .running, at: 45), run(3, .failed, at: 40),
            run(2, .succeeded, at: 30), run(1, .failed, at: 10),
        ]
        let tip = try #require(RepairTip.make(flow: "sync", runsNewestFirst: runs, lastFailureDetail: failingDetail()))
        #expect(tip.failureCount == 2)
        #expect(tip.firstFailedAt == Date(timeIntervalSince1970: 40 * 60))
        #expect(tip.firstFailedRun == RunID("3"))
        #expect(tip.lastRun == RunID("5"))
        #expect(tip.lastInputs == ["c": "2"])
        #expect(tip.diagnosis.kind == .authentication)
        #expect(tip.tipsOff == false)
        #expect(tip.rerunCommand == "flowdash resubmit 5")
    }

    @Test func aFlowWhoseLatestRunSucceededHasNoTip() {
        let runs = [run(2, .succeeded, at: 30), run(1, .failed, at: 10)]
        #expect(RepairTip.make(flow: "sync", runsNewestFirst: runs, lastFailureDetail: failingDetail()) == nil)
    }

    @Test func theDetailMustBeOfTheStreaksNewestFailure() {
        let runs = [run(5, .failed, at: 50), run(3, .failed, at: 40)]
        #expect(RepairTip.make(flow: "sync", runsNewestFirst: runs, lastFailureDetail: failingDetail(3)) == nil)
    }

    @Test func howToFixGivesEachStepItsKeyAndCommand() throws {
        let tip = try #require(RepairTip.make(flow: "sync", runsNewestFirst: [run(5, .failed, at: 50)],
                                              lastFailureDetail: failingDetail()))
        #expect(tip.fixSteps.map(\.key) == ["v", "r"])
        #expect(tip.fixSteps.map(\.command) == ["flowdash connections verify crm", "flowdash resubmit 5"])
        #expect(tip.fixSteps[0].text.contains("flowdash connections verify crm"))

        let notFound = try #require(RepairTip.make(flow: "sync", runsNewestFirst: [run(5, .failed, at: 50)],
                                                   lastFailureDetail: failingDetail(status: 404)))
        #expect(notFound.fixSteps.map(\.command) == ["flowdash flows edit sync", "flowdash resubmit 5"])
        let other = try #require(RepairTip.make(flow: "sync", runsNewestFirst: [run(5, .failed, at: 50)],
                                                lastFailureDetail: failingDetail(status: 418)))
        #expect(other.fixSteps.map(\.action) == [.getHelp])
        #expect(other.fixSteps[0].key == nil)
    }
}
