import FlowDashCore
import FlowDashKnowledge
import FlowDashService
import Foundation
import Testing

@Suite struct SolutionsTests {
    static func failedRun(_ id: RunID, code: String, message: String) -> RunDetail {
        let step = StepRun(position: 1, name: "lookup-manager", status: .failed, connection: "directory",
                           error: StepError(code: code, message: message))
        let summary = RunSummary(id: id, flow: "onboard", status: .failed, startedAt: Date(timeIntervalSince1970: 0),
                                 failure: RunFailure(error: StepError(code: code, message: message), step: step.name))
        return RunDetail(summary: summary, steps: [step])
    }

    let service = FlowService(backend: RecordingBackend(runs: [
        failedRun(RunID("1"), code: "422", message: "Unprocessable Entity: no manager configured for user u-17"),
        failedRun(RunID("2"), code: "timeout", message: "the request timed out after 30 s"),
        RunDetail(summary: RunSummary(id: RunID("3"), flow: "onboard", status: .succeeded, startedAt: Date()), steps: []),
    ]))

    @Test func aFailedRunIsMatchedByItsCodeKindAndMessage() async throws {
        #expect(try await service.solutions(for: RunID("1")).first?.entry.id == "http-422-missing-manager")
        let timeout = try await service.solutions(for: RunID("2"), limit: 2)
        #expect(timeout.first?.entry.id == "timeout")
        #expect(timeout.count == 2)
    }

    @Test func aRunThatDidNotFailHasNothingToLookUp() async {
        await #expect(throws: HelpError.runDidNotFail(RunID("3"))) { try await service.solutions(for: RunID("3")) }
    }

    @Test func askingForHelpRanksByTypeCategoryAndDescription() throws {
        let request = HelpRequest(problemType: "authentication", category: "http",
                                  description: "our IP address got blocked by their firewall")
        #expect(try service.solutions(matching: request).first?.entry.id == "http-403-ip-allow-list")
        let byCode = HelpRequest(description: "", code: "429")
        #expect(try FlowService.solutions(matching: byCode).first?.entry.id == "http-429-rate-limited")
        #expect(throws: HelpError.emptyRequest) { try service.solutions(matching: HelpRequest(description: "  ")) }
    }
}
