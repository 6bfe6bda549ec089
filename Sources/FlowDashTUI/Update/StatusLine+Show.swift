import FlowDashCore

extension StatusLine {
    /// Shows `message` with the kind that fits it (error, success or info).
    mutating func show(_ message: StatusMessage) {
        self.message = message
        kind = Self.kind(of: message)
    }

    /// Errors and refusals are `.error` so they stand out; completed fixes are `.success`.
    static func kind(of message: StatusMessage) -> Kind {
        switch message {
        case .failed, .verifyRejected, .verifyInconclusive, .definitionInvalid, .actionDisabled,
             .unknownCommand, .definitionFailuresUnavailable, .bulkResubmitStillGoing, .connectionUnlisted:
            .error
        case .bulkResubmitFinished(let tally):
            tally.refused + tally.failed == 0 ? .success : .error
        case .runFinished(_, let status):
            status == .succeeded ? .success : .error
        case .verified, .resubmitted, .definitionValid, .failedStepsRerun, .tipsSwitched, .supportBundleWritten:
            .success
        case .none, .loading, .resubmitting, .definitionUnchanged, .definitionReadOnly,
             .themeChanged, .cancelled, .demoReady, .editDefinitionElsewhere, .countingFailedSteps,
             .noFailedStepsToRerun, .failedStepsReady, .rerunningFailedSteps, .findingSolutions,
             .writingSupportBundle, .picked, .selectionCleared, .loadingGroup, .groupEmpty,
             .bulkResubmitStarted, .bulkResubmitGoesOn, .connectionUnknown:
            .info
        }
    }
}
