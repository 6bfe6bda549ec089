import FlowDashCore
@testable import FlowDashTUI
import Foundation
import Testing

/// The configuration loop: edit the flow definition, see it validated, resubmit.
struct UpdateTestsEdit {
    typealias F = UpdateFixture

    @Test func eOnARunEditsItsFlow() {
        var state = F.detailState(F.failedReport("7", flow: "orders", code: "404"))
        #expect(F.press(&state, .character("e")) == [.editDefinition(flow: "orders")])
        #expect(state.status.inFlight == 1)
    }

    @Test func eOnTheFlowsScreenEditsTheSelectedFlow() {
        var state = F.state([])
        F.press(&state, .character("F"))
        let flows = ["a", "b"].map { FlowSummary(name: $0, description: nil, owner: nil, stepCount: 1, inputs: [:]) }
        _ = update(&state, .flowsLoaded(.success(flows)), now: F.now)
        F.press(&state, .character("j"))
        #expect(F.press(&state, .character("e")) == [.editDefinition(flow: "b")])
    }

    @Test func readOnlyRefusesEdit() {
        var state = F.detailState(F.failedReport("7"), readOnly: true)
        #expect(F.press(&state, .character("e")).isEmpty)
        #expect(state.status.message == .actionDisabled(.edit, reason: .readOnly))
    }

    @Test func aValidDefinitionIsConfirmedAndTheResubmitOffered() {
        var state = F.detailState(F.failedReport("7", flow: "orders", code: "404"))
        F.press(&state, .character("e"))
        _ = update(&state, .editFinished(flow: "orders", .success([])), now: F.now)
        #expect(state.status.message == .definitionValid(flow: "orders"))
        #expect(state.status.inFlight == 0)
        #expect(state.modal?.confirmRequest == ConfirmRequest(action: .resubmit(RunID("7"))))
    }

    @Test func problemsShowTheFirstAndTheCount() {
        var state = F.detailState(F.failedReport("7", flow: "orders", code: "404"))
        let problems = [DefinitionProblem(file: "orders.yaml", line: 4, message: "unknown field 'urll'"),
                        DefinitionProblem(file: "orders.yaml", line: 9, message: "missing url")]
        _ = update(&state, .editFinished(flow: "orders", .success(problems)), now: F.now)
        #expect(state.status.message == .definitionInvalid(
            flow: "orders", firstProblem: "orders.yaml:4: unknown field 'urll'", count: 2))
        #expect(state.modal == nil)
    }

    @Test func aFailedEditAndAReadOnlyDefinitionAreReported() {
        var state = F.state([])
        _ = update(&state, .editFinished(flow: "orders", .failure(ErrorText("editor exited 1"))), now: F.now)
        #expect(state.status.message == .failed(ErrorText("editor exited 1")))
        _ = update(&state, .definitionReadOnly(flow: "orders", reason: "remote"), now: F.now)
        #expect(state.status.message == .definitionReadOnly(flow: "orders", reason: "remote"))
    }
}
