import FlowDashCore
import FlowDashService
import FlowDashTUI
import Foundation
import Testing

struct EffectRunnerTests {
    @Test func anOldFailureStillReachesTheActivityList() async throws {
        let old = RunDetail(summary: RunSummary(id: RunID("1"), flow: "sync", status: .failed, startedAt: Date()), steps: [])
        let newer = (2...(EffectRunner.activityWindow + 50)).map { number in
            RunDetail(summary: RunSummary(id: RunID(String(number)), flow: "ok", status: .succeeded, startedAt: Date()), steps: [])
        }
        let runner = EffectRunner(service: FlowService(backend: ProgramTestBackend(runs: [old] + newer)))
        guard case .activityLoaded(.success(let runs), _)? = await runner.perform(.loadActivity) else {
            Issue.record("loadActivity did not load")
            return
        }
        #expect(runs.count == EffectRunner.activityWindow + 1)
        #expect(runs.last?.id == RunID("1"))
        #expect(runs.first?.id == RunID(String(EffectRunner.activityWindow + 50)))
    }
}
