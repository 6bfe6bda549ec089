import FlowDashCore

/// The answer to a verify probe: success closes the dialog and, when it was opened from a
/// failed run, returns there and offers the resubmit; a refusal keeps the dialog for a retry.
enum UpdateVerifyResult {
    static func apply(
        connection: String, _ result: Result<VerificationOutcome, ErrorText>, _ state: inout AppState
    ) -> [Effect] {
        var dialog: VerifyDialog?
        if case .verify(let open)? = state.modal, open.connection == connection { dialog = open }
        switch result {
        case .success(.verified):
            state.status.show(.verified(connection: connection))
            guard let dialog else { return [.loadConnections] }
            state.modal = nil
            guard let runID = dialog.returnTo else { return [.loadConnections] }
            return [.loadConnections] + returnAndOfferResubmit(runID, &state)
        case .success(.rejected(let error)):
            state.status.show(.verifyRejected(connection: connection, code: error.code, message: error.message))
            retry(dialog, because: error, &state)
        case .success(.inconclusive(let error)):
            state.status.show(.verifyInconclusive(connection: connection, code: error.code, message: error.message))
            retry(dialog, because: error, &state)
        case .failure(let error):
            state.status.show(.failed(error))
            retry(dialog, because: StepError(code: "error", message: error.message), &state)
        }
        return []
    }

    private static func retry(_ dialog: VerifyDialog?, because error: StepError, _ state: inout AppState) {
        guard var dialog else { return }
        dialog.secret = ""
        dialog.phase = .rejected(TextSanitizer.clean("\(error.code): \(error.message)"))
        state.modal = .verify(dialog)
    }

    private static func returnAndOfferResubmit(_ runID: RunID, _ state: inout AppState) -> [Effect] {
        let effects = UpdateNavigation.bringToTop(runID, &state)
        // why: a run whose status is not known yet is offered anyway; the service refuses a
        // live run, so the worst case is a clear error.
        let reason = KeyMap.disabledReason(.resubmit, in: state)
        if reason == nil || reason == .nothingSelected {
            state.modal = .confirm(ConfirmRequest(action: .resubmit(runID)))
        }
        return effects
    }
}
