import FlowDashCore
import FlowDashService
import FlowDashTUI
import Foundation
import Testing

/// The switch kept in memory, as a store would keep it.
private actor MemoryTipsSwitch: RepairTipsSwitch {
    private var off: Set<String> = []
    func flowsWithTipsOff() async throws -> Set<String> { off }
    func setTips(enabled: Bool, forFlow flow: String) async throws {
        if enabled { off.remove(flow) } else { off.insert(flow) }
    }
}

struct EffectRunnerTipsTests {
    @Test func theSwitchGoesThroughTheServiceAndShowsInFlowsAndTips() async throws {
        let failing = RunDetail(
            summary: RunSummary(id: RunID("3"), flow: "sync", status: .failed, startedAt: Date(), finishedAt: Date()),
            steps: [StepRun(position: 0, name: "fetch", status: .failed, connection: "crm",
                            error: StepError(httpStatus: 401, message: "Unauthorized"))])
        let service = FlowService(backend: ProgramTestBackend(runs: [failing], flows: ["sync"]), tipsSwitch: MemoryTipsSwitch())
        let runner = EffectRunner(service: service)

        guard case .tipsSwitched("sync", false, .success(false))? = await runner.perform(.setTips(flow: "sync", enabled: false)) else {
            Issue.record("the switch did not answer")
            return
        }
        guard case .flowsLoaded(.success(let flows), .success(let off))? = await runner.perform(.loadFlows) else {
            Issue.record("flows did not load")
            return
        }
        #expect(flows.map(\.name) == ["sync"])
        #expect(off == ["sync"])
        guard case .tipsLoaded(.success(let tips))? = await runner.perform(.loadTips) else {
            Issue.record("tips did not load")
            return
        }
        #expect(tips.map(\.flow) == ["sync"])
        #expect(tips.first?.tipsOff == true)
        guard case .flowTipLoaded(RunID("3"), .success(let tip))? = await runner.perform(.loadFlowTip(flow: "sync", run: RunID("3"))) else {
            Issue.record("the flow tip did not load")
            return
        }
        #expect(tip?.lastRun == RunID("3"))
    }

    @Test func switchingAFlowThatDoesNotExistAnswersTheError() async {
        let service = FlowService(backend: ProgramTestBackend(runs: [], flows: ["sync"]), tipsSwitch: MemoryTipsSwitch())
        guard case .tipsSwitched("nope", false, .failure(let error))? = await EffectRunner(service: service)
            .perform(.setTips(flow: "nope", enabled: false)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains("nope"))
    }
}
