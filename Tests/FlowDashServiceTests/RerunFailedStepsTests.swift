import FlowDashCore
import FlowDashService
import Foundation
import Testing

struct RerunFailedStepsTests {
    @Test func aBackendThatCannotRerunInPlaceIsRefusedWithTheAlternative() async throws {
        let service = FlowService(backend: RecordingBackend(runs: [FlowServiceTests.failed]))
        #expect(!service.canRerunFailedSteps)
        await #expect(throws: ServiceError.cannotRerunFailedSteps(backend: "recording")) {
            try await service.rerunFailedSteps(RunID("1"), dryRun: true)
        }
    }

    @Test func aFailedRunIsCountedThenRerun() async throws {
        let backend = RerunningBackend(runs: [FlowServiceTests.failed])
        let service = FlowService(backend: backend)
        #expect(service.canRerunFailedSteps)
        #expect(try await service.rerunFailedSteps(RunID("1"), dryRun: true) == 2)
        #expect(try await service.rerunFailedSteps(RunID("1"), dryRun: false) == 2)
        let reruns = await backend.reruns
        #expect(reruns.map(\.dryRun) == [true, false])
        #expect(reruns.allSatisfy { $0.run == RunID("1") })
    }

    @Test func aRunThatDidNotFailHasNothingToRerun() async throws {
        let backend = RerunningBackend(runs: [FlowServiceTests.running])
        await #expect(throws: ServiceError.runDidNotFail(RunID("2"))) {
            try await FlowService(backend: backend).rerunFailedSteps(RunID("2"), dryRun: true)
        }
        #expect(await backend.reruns.isEmpty)
    }
}
