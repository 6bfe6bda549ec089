import FlowDashCore
@testable import FlowDashTUI
import Foundation
import Testing

/// The authentication loop: verify the failing step's connection, then resubmit the run.
struct UpdateTestsVerify {
    typealias F = UpdateFixture

    /// On run 7's detail with the verify dialog open and `secret` typed.
    static func typing(_ secret: String) -> AppState {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character("v"))
        F.type(&state, secret)
        return state
    }

    @Test func vOpensTheDialogForTheFailingStepsConnection() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character("j"))
        F.press(&state, .character("v"))
        let dialog = state.modal?.verifyDialog
        #expect(dialog?.connection == "crm")
        #expect(dialog?.returnTo == RunID("7"))
        #expect(dialog?.phase == .typing)
    }

    @Test func typingFillsTheSecretAndBackspaceDeletes() {
        var state = Self.typing("s3cr3tX")
        F.press(&state, .backspace)
        #expect(state.modal?.verifyDialog?.secret == "s3cr3t")
    }

    @Test func keysThatAreBindingsElsewhereAreTypedIntoTheField() {
        let state = Self.typing("qjr?")
        #expect(state.modal?.verifyDialog?.secret == "qjr?")
        #expect(!state.shouldQuit)
    }

    @Test func enterProbesWithTheTypedSecret() {
        var state = Self.typing("hunter2")
        let effects = F.press(&state, .enter)
        #expect(effects == [.verify(connection: "crm", secret: Secret("hunter2"))])
        #expect(state.modal?.verifyDialog?.phase == .probing)
        #expect(state.modal?.verifyDialog?.secret == "")
        #expect(state.status.inFlight == 1)
    }

    @Test func enterWithAnEmptyFieldSendsNothing() {
        var state = Self.typing("")
        #expect(F.press(&state, .enter).isEmpty)
        #expect(state.modal?.verifyDialog?.phase == .typing)
    }

    @Test func aRejectedSecretKeepsTheDialogWithAClearedField() {
        var state = Self.typing("wrong")
        F.press(&state, .enter)
        let error = StepError(httpStatus: 401, message: "Unauthorized")
        _ = update(&state, .verifyFinished(connection: "crm", .success(.rejected(error))), now: F.now)
        let dialog = state.modal?.verifyDialog
        #expect(dialog?.secret == "")
        #expect(dialog?.phase == .rejected("401: Unauthorized"))
        #expect(state.status.message == .verifyRejected(connection: "crm", code: "401", message: "Unauthorized"))
        #expect(state.status.inFlight == 0)
        F.type(&state, "again")
        #expect(state.modal?.verifyDialog?.secret == "again")
    }

    @Test func anInconclusiveProbeKeepsTheDialogToo() {
        var state = Self.typing("maybe")
        F.press(&state, .enter)
        let error = StepError(code: "timeout", message: "no answer")
        _ = update(&state, .verifyFinished(connection: "crm", .success(.inconclusive(error))), now: F.now)
        #expect(state.modal?.verifyDialog?.phase == .rejected("timeout: no answer"))
        #expect(state.status.message == .verifyInconclusive(connection: "crm", code: "timeout", message: "no answer"))
    }

    @Test func verifiedReturnsToTheRunAndOffersResubmit() {
        var state = Self.typing("right")
        F.press(&state, .enter)
        let effects = update(&state, .verifyFinished(connection: "crm", .success(.verified)), now: F.now)
        #expect(effects == [.loadConnections])
        #expect(state.status.message == .verified(connection: "crm"))
        #expect(state.route == .runDetail(RunID("7")))
        #expect(state.modal?.confirmRequest == ConfirmRequest(action: .resubmit(RunID("7"))))
        #expect(F.press(&state, .character("y")) == [.resubmit(RunID("7"))])
    }

    @Test func verifiedFromAnotherScreenComesBackToTheRun() {
        var state = Self.typing("right")
        F.press(&state, .enter)
        state.stack.append(.connections)
        _ = update(&state, .verifyFinished(connection: "crm", .success(.verified)), now: F.now)
        #expect(state.stack == [.activity, .runDetail(RunID("7"))])
        #expect(state.modal?.confirmRequest != nil)
    }

    @Test func onTheConnectionsScreenVIsForTheSelectedConnectionWithNoRunToReturnTo() {
        var state = F.state([])
        F.press(&state, .character("c"))
        let connections = [ConnectionInfo(name: "billing", auth: "bearer", target: "b", status: .connected),
                           ConnectionInfo(name: "crm", auth: "bearer", target: "c", status: .unauthorized)]
        _ = update(&state, .connectionsLoaded(.success(connections)), now: F.now)
        F.press(&state, .character("j"), .character("v"))
        #expect(state.modal?.verifyDialog?.connection == "crm")
        #expect(state.modal?.verifyDialog?.returnTo == nil)
        F.type(&state, "pw")
        F.press(&state, .enter)
        _ = update(&state, .verifyFinished(connection: "crm", .success(.verified)), now: F.now)
        #expect(state.modal == nil)
        #expect(state.route == .connections)
    }

    @Test func aStepWithoutAConnectionCannotBeVerified() {
        var state = F.detailState(F.failedReport("7", connection: nil))
        F.press(&state, .character("j"), .character("v"))
        #expect(state.modal?.verifyDialog?.connection == "mail")
        var bare = F.detailState(F.report("8", status: .failed, steps: [.failed]))
        F.press(&bare, .character("v"))
        #expect(bare.modal == nil)
        #expect(bare.status.message == .actionDisabled(.verify, reason: .noConnection))
    }

    @Test func readOnlyRefusesVerifyWithTheReason() {
        var state = F.detailState(F.failedReport("7"), readOnly: true)
        F.press(&state, .character("v"))
        #expect(state.modal == nil)
        #expect(state.status.message == .actionDisabled(.verify, reason: .readOnly))
    }
}
