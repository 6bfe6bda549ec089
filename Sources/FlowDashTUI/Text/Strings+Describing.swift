import FlowDashCore
import FlowDashService

/// Interface data put into words. Every remote value (names, codes, messages) is sanitised here,
/// so a caller cannot forget to.
extension Strings {
    /// The short label of `action` for the key-hint bar.
    public func hint(for action: Action) -> String {
        switch action {
        case .moveDown: self[.hintMoveDown]
        case .moveUp: self[.hintMoveUp]
        case .top: self[.hintTop]
        case .bottom: self[.hintBottom]
        case .pageDown: self[.hintPageDown]
        case .pageUp: self[.hintPageUp]
        case .open: self[.hintOpen]
        case .back: self[.hintBack]
        case .quit: self[.hintQuit]
        case .filter: self[.hintFilter]
        case .cycleStatusFilter: self[.hintCycleStatusFilter]
        case .command: self[.hintCommand]
        case .help: self[.hintHelp]
        case .refresh: self[.hintRefresh]
        case .showConnections: self[.hintShowConnections]
        case .showFlows: self[.hintShowFlows]
        case .verify: self[.hintVerify]
        case .edit: self[.hintEdit]
        case .resubmit: self[.hintResubmit]
        case .rerunFailed: self[.hintRerunFailed]
        case .toggleTips: self[.hintToggleTips]
        case .showHelp: self[.hintShowHelp]
        case .askForHelp: self[.hintAskForHelp]
        case .supportBundle: self[.hintSupportBundle]
        case .toggleGrouped: self[.hintToggleGrouped]
        case .toggleSelection: self[.hintToggleSelection]
        case .showLedger: self[.hintShowLedger]
        }
    }

    /// One sentence saying what `action` does, for the help overlay.
    public func help(for action: Action) -> String {
        switch action {
        case .moveDown: self[.helpMoveDown]
        case .moveUp: self[.helpMoveUp]
        case .top: self[.helpTop]
        case .bottom: self[.helpBottom]
        case .pageDown: self[.helpPageDown]
        case .pageUp: self[.helpPageUp]
        case .open: self[.helpOpen]
        case .back: self[.helpBack]
        case .quit: self[.helpQuit]
        case .filter: self[.helpFilter]
        case .cycleStatusFilter: self[.helpCycleStatusFilter]
        case .command: self[.helpCommand]
        case .help: self[.helpHelp]
        case .refresh: self[.helpRefresh]
        case .showConnections: self[.helpShowConnections]
        case .showFlows: self[.helpShowFlows]
        case .verify: self[.helpVerify]
        case .edit: self[.helpEdit]
        case .resubmit: self[.helpResubmit]
        case .rerunFailed: self[.helpRerunFailed]
        case .toggleTips: self[.helpToggleTips]
        case .showHelp: self[.helpShowHelp]
        case .askForHelp: self[.helpAskForHelp]
        case .supportBundle: self[.helpSupportBundle]
        case .toggleGrouped: self[.helpToggleGrouped]
        case .toggleSelection: self[.helpToggleSelection]
        case .showLedger: self[.helpShowLedger]
        }
    }

    /// Why an action is off, as a short phrase.
    public func reason(_ reason: DisabledReason) -> String {
        switch reason {
        case .readOnly: self[.reasonReadOnly]
        case .runNotFinished: self[.reasonRunNotFinished]
        case .nothingSelected: self[.reasonNothingSelected]
        case .noConnection: self[.reasonNoConnection]
        case .rerunsByResubmitting: self[.reasonRerunsByResubmitting, ["key": KeyMap.label(of: .resubmit)]]
        case .runDidNotFail: self[.reasonRunDidNotFail]
        case .noSupportFolder: self[.reasonNoSupportFolder]
        case .alreadyResubmitted(let run): self[.reasonAlreadyResubmitted, ["run": clean(run.rawValue)]]
        }
    }

    /// The status line's text; empty for `.none`.
    public func message(_ status: StatusMessage) -> String {
        switch status {
        case .none: ""
        case .loading: self[.messageLoading]
        case .failed(let error): self[.messageFailed, ["message": clean(error.message)]]
        case .verified(let connection): self[.messageVerified, ["connection": clean(connection)]]
        case .verifyRejected(let connection, let code, let message):
            self[.messageVerifyRejected, ["connection": clean(connection), "code": clean(code), "message": clean(message)]]
        case .connectionUnknown(let step):
            self[.messageConnectionUnknown, ["step": clean(step), "key": "v"]]
        case .connectionUnlisted(let connection): self[.messageConnectionUnlisted, ["connection": clean(connection)]]
        case .verifyInconclusive(let connection, let code, let message):
            self[.messageVerifyInconclusive,
                 ["connection": clean(connection), "code": clean(code), "message": clean(message)]]
        case .resubmitting(let run): self[.messageResubmitting, ["id": clean(run.rawValue)]]
        case .resubmitted(let from, let to):
            self[.messageResubmitted, ["from": clean(from.rawValue), "to": clean(to.rawValue)]]
        case .runFinished(let run, let status):
            self[.messageRunFinished, ["id": clean(run.rawValue), "status": statusName(status)]]
        case .definitionValid(let flow): self[.messageDefinitionValid, ["flow": clean(flow)]]
        case .definitionUnchanged(let flow): self[.messageDefinitionUnchanged, ["flow": clean(flow)]]
        case .definitionInvalid(let flow, let firstProblem, let count):
            self[.messageDefinitionInvalid, ["flow": clean(flow), "problem": clean(firstProblem), "count": String(count)]]
        case .definitionReadOnly(let flow, let reason):
            self[.messageDefinitionReadOnly, ["flow": clean(flow), "reason": clean(reason)]]
        case .actionDisabled(let action, let reason):
            self[.messageActionDisabled, ["action": hint(for: action), "reason": self.reason(reason)]]
        case .unknownCommand(let command): self[.messageUnknownCommand, ["command": clean(command)]]
        case .themeChanged(let theme): self[.messageThemeChanged, ["theme": clean(theme)]]
        case .tipsSwitched(let flow, let enabled):
            self[enabled ? .messageTipsOn : .messageTipsOff, ["flow": clean(flow), "key": KeyMap.label(of: .toggleTips)]]
        case .cancelled: self[.messageCancelled]
        case .demoReady(let connection, let token):
            self[.messageDemoReady, ["connection": clean(connection), "token": clean(token)]]
        case .editDefinitionElsewhere(let location): self[.messageEditElsewhere, ["location": clean(location)]]
        case .definitionFailuresUnavailable(let error):
            self[.messageDefinitionFailuresUnavailable, ["message": clean(error.message)]]
        case .countingFailedSteps(let run): self[.messageCountingFailedSteps, ["id": clean(run.rawValue)]]
        case .noFailedStepsToRerun(let run): self[.messageNoFailedSteps, ["id": clean(run.rawValue)]]
        case .failedStepsReady(let run, let count):
            self[.messageFailedStepsReady, ["id": clean(run.rawValue), "count": String(count),
                                            "key": KeyMap.label(of: .rerunFailed)]]
        case .rerunningFailedSteps(let run): self[.messageRerunningFailedSteps, ["id": clean(run.rawValue)]]
        case .failedStepsRerun(let run, let count):
            self[.messageFailedStepsRerun, ["id": clean(run.rawValue), "count": String(count)]]
        case .findingSolutions: self[.messageFindingSolutions]
        case .writingSupportBundle(let run): self[.messageWritingSupportBundle, ["id": clean(run.rawValue)]]
        case .supportBundleWritten(let path): self[.messageSupportBundleWritten, ["path": clean(path)]]
        case .picked(let count): self[.messagePicked, ["count": String(count), "key": KeyMap.label(of: .resubmit)]]
        case .selectionCleared: self[.messageSelectionCleared]
        case .loadingGroup: self[.groupLoading]
        case .groupEmpty: self[.groupEmpty]
        case .bulkResubmitStarted(let count):
            count == 1 ? self[.messageBulkStartedOne] : self[.messageBulkStarted, ["count": String(count)]]
        case .bulkResubmitFinished(let tally): self[.messageBulkFinished, tallyValues(tally)]
        case .bulkResubmitGoesOn: self[.messageBulkGoesOn]
        case .bulkResubmitStillGoing: self[.messageBulkStillGoing]
        }
    }

    /// The name of a failure kind ("authentication", "authentification", "authenticatie").
    public func kindName(_ kind: FailureKind) -> String {
        switch kind {
        case .authentication: self[.kindAuthentication]
        case .configuration: self[.kindConfiguration]
        case .transient: self[.kindTransient]
        case .other: self[.kindOther]
        }
    }

    /// The word for a run status.
    public func statusName(_ status: RunStatus) -> String {
        switch status {
        case .queued: self[.statusQueued]
        case .running: self[.statusRunning]
        case .succeeded: self[.statusSucceeded]
        case .failed: self[.statusFailed]
        case .cancelled: self[.statusCancelled]
        case .interrupted: self[.statusInterrupted]
        }
    }

    /// The word for a step status.
    public func stepStatusName(_ status: StepStatus) -> String {
        switch status {
        case .pending: self[.stepPending]
        case .running: self[.statusRunning]
        case .succeeded: self[.statusSucceeded]
        case .failed: self[.statusFailed]
        case .skipped: self[.stepSkipped]
        case .interrupted: self[.statusInterrupted]
        }
    }

    /// The word for a connection status.
    public func connectionStatusName(_ status: ConnectionStatus) -> String {
        switch status {
        case .connected: self[.connectionConnected]
        case .unauthorized: self[.connectionUnauthorized]
        case .unknown: self[.connectionUnknown]
        }
    }

    /// "What happened": the failing step, its message, and the cause its kind points to.
    public func whatHappened(_ diagnosis: Diagnosis) -> String {
        let code = clean(diagnosis.error.code)
        let failed = self[.diagnosisFailedStep, [
            "step": clean(diagnosis.step), "flow": clean(diagnosis.flow), "message": clean(diagnosis.error.message),
        ]]
        let cause: String
        switch diagnosis.kind {
        case .authentication:
            if let connection = diagnosis.connection {
                cause = self[.causeAuthenticationVia, ["code": code, "connection": clean(connection)]]
                    + (diagnosis.connectionEvidence.map { " (" + self[.connectionFoundVia, ["evidence": evidence($0)]] + ")" } ?? "")
            } else {
                cause = self[.causeAuthentication, ["code": code]]
            }
        case .configuration: cause = self[.causeConfiguration, ["code": code]]
        case .transient: cause = self[.causeTransient, ["code": code]]
        case .other: cause = self[.causeOther, ["code": code]]
        }
        return failed + " " + cause
    }

    /// "How to fix": one sentence per step of the fix, each naming the key that does it.
    /// `keys` overrides the default key captions (v, e, r, ?) when the keymap binds others.
    public func howToFix(_ diagnosis: Diagnosis, keys: [Action: String] = [:]) -> [String] {
        diagnosis.fix.map { fixStep($0, keys: keys) }
    }

    /// One step of a fix in words, with its key.
    public func fixStep(_ fix: FixAction, keys: [Action: String] = [:]) -> String {
        func key(_ action: Action, _ fallback: String) -> String { keys[action] ?? fallback }
        switch fix {
        case .verifyConnection(let connection):
            return self[.fixVerify, ["connection": clean(connection), "key": key(.verify, "v")]]
        case .pickConnection(let connections):
            return self[.fixPickConnection, ["connections": connections.map(clean).joined(separator: ", "),
                                             "key": key(.verify, "v")]]
        case .findConnection: return self[.fixFindConnection, ["key": key(.verify, "v")]]
        case .fixUnlistedConnection(let connection): return self[.fixUnlistedConnection, ["connection": clean(connection)]]
        case .editDefinition(let flow): return self[.fixEdit, ["flow": clean(flow), "key": key(.edit, "e")]]
        case .resubmit: return self[.fixResubmit, ["key": key(.resubmit, "r")]]
        case .getHelp: return self[.fixHelp, ["key": key(.showHelp, "h")]]
        }
    }

    /// `via host match`: how a connection the backend inferred was found.
    public func evidence(_ evidence: ConnectionLead.Evidence) -> String {
        switch evidence {
        case .operatorField: self[.evidenceOperatorField]
        case .taskLog: self[.evidenceTaskLog]
        case .hostMatch: self[.evidenceHostMatch]
        case .definitionSource: self[.evidenceDefinitionSource]
        }
    }

    /// The counts of a bulk resubmit's tally, as template values.
    func tallyValues(_ tally: BulkResubmitTally) -> [String: String] {
        ["submitted": String(tally.submitted), "refused": String(tally.refused), "succeeded": String(tally.succeeded),
         "failed": String(tally.failed), "running": String(tally.stillRunning)]
    }

    /// A group's row title: "14 runs in 5 flows: connection crm unauthorized", in this language.
    public func groupTitle(_ group: FailureGroup) -> String {
        let runs = group.runCount == 1 ? self[.inboxRunsOne] : self[.inboxRunsMany, ["count": String(group.runCount)]]
        let flows = group.flows.count == 1
            ? self[.inboxFlowsOne] : self[.inboxFlowsMany, ["count": String(group.flows.count)]]
        return self[.inboxGroupTitle, ["runs": runs, "flows": flows, "cause": causeText(group.cause)]]
    }

    /// "connection crm unauthorized" or "step create-invoice 404 (configuration)".
    public func causeText(_ cause: FailureCause) -> String {
        switch cause.basis {
        case .connection:
            let state: StringKey = switch cause.kind {
            case .authentication: .causeStateUnauthorized
            case .transient: .causeStateTransient
            case .configuration: .causeStateConfiguration
            case .other: .causeStateOther
            }
            return self[.inboxCauseConnection, ["name": clean(cause.name), "state": self[state]]]
        case .step:
            return self[.inboxCauseStep, ["name": clean(cause.name), "code": clean(cause.code ?? ""),
                                          "kind": kindName(cause.kind)]]
        }
    }

    private func clean(_ text: String) -> String { TextSanitizer.clean(text) }
}
