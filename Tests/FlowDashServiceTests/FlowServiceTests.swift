import FlowDashCore
import FlowDashService
import Foundation
import Testing

struct FlowServiceTests {
    static let failed = RunDetail(
        summary: RunSummary(id: RunID("1"), flow: "sync", status: .failed, startedAt: Date(),
                            inputs: ["customer": "c-1"],
                            failure: RunFailure(kind: .authentication, code: "401", message: "Unauthorized", step: "fetch")),
        steps: [
            StepRun(position: 0, name: "fetch", status: .failed, connection: "crm",
                    error: StepError(httpStatus: 401, message: "Unauthorized")),
            StepRun(position: 1, name: "invoice", status: .skipped, connection: "billing"),
        ]
    )
    static let running = RunDetail(
        summary: RunSummary(id: RunID("2"), flow: "sync", status: .running, startedAt: Date()), steps: []
    )

    @Test func resubmitReusesTheInputsAndLinksTheOriginal() async throws {
        let backend = RecordingBackend(runs: [Self.failed])
        let newID = try await FlowService(backend: backend).resubmit(RunID("1"))
        let started = await backend.started
        #expect(started.count == 1)
        #expect(started.first?.flow == "sync")
        #expect(started.first?.inputs == ["customer": "c-1"])
        #expect(started.first?.from == RunID("1"))
        #expect(try await backend.run(newID).summary.resubmittedFrom == RunID("1"))
    }

    @Test func aRunThatHasNotFinishedCannotBeResubmitted() async throws {
        let backend = RecordingBackend(runs: [Self.running])
        await #expect(throws: ServiceError.runStillActive(RunID("2"))) {
            try await FlowService(backend: backend).resubmit(RunID("2"))
        }
        #expect(await backend.started.isEmpty)
    }

    @Test func anEmptySecretNeverReachesTheBackend() async throws {
        let backend = RecordingBackend(runs: [])
        await #expect(throws: ServiceError.emptySecret) {
            try await FlowService(backend: backend).verifyConnection("crm", secret: Secret(""))
        }
        #expect(await backend.verifyCalls == 0)
    }

    @Test func theReportDiagnosesTheFailingStep() async throws {
        let report = try await FlowService(backend: RecordingBackend(runs: [Self.failed])).report(for: RunID("1"))
        #expect(report.diagnosis?.kind == .authentication)
        #expect(report.diagnosis?.step == "fetch")
        #expect(report.diagnosis?.fix == [.verifyConnection("crm"), .resubmit])
    }

    @Test func waitingForARunThatNeverEndsTimesOut() async throws {
        let service = FlowService(backend: RecordingBackend(runs: [Self.running]))
        await #expect(throws: ServiceError.waitTimedOut(RunID("2"))) {
            try await service.waitForRun(RunID("2"), timeout: .milliseconds(100), pollEvery: .milliseconds(10))
        }
    }

    @Test func activityPassesTheFilterOn() async throws {
        let service = FlowService(backend: RecordingBackend(runs: [Self.failed, Self.running]))
        #expect(try await service.activity(failedOnly: true).map(\.id) == [RunID("1")])
        #expect(try await service.activity(limit: 1).map(\.id) == [RunID("2")])
    }
}
