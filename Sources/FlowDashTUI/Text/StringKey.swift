/// Every piece of interface text, by meaning. English is in `StringsEnglish`, French and Dutch in
/// their own files; each is an exhaustive switch, so a new key does not compile until all three
/// languages have it. Placeholders are `{name}` and listed in each English text.
public enum StringKey: String, CaseIterable, Sendable {
    // Frame: header, status line, small terminal.
    case appName, crumbActivity, crumbRun, crumbConnections, crumbFlows, headerCounts
    case crumbDefinitionFailure, crumbSource
    case terminalTooSmall

    // Activity list.
    case sectionNeedsAttention, sectionOtherRuns, activityEmpty, activityNoMatch, activityLoading
    case columnRun, columnFlow, columnWhen, columnProblem
    case filterIndicator, statusFilterIndicator, statusFilterAll

    // Time.
    case timeJustNow, timeSecondsAgo, timeMinutesAgo, timeHoursAgo, timeDaysAgo

    // Run and step status words.
    case statusQueued, statusRunning, statusSucceeded, statusFailed, statusCancelled, statusInterrupted
    case stepPending, stepSkipped

    // Failure kinds.
    case kindAuthentication, kindConfiguration, kindTransient, kindOther

    // Run detail.
    case detailLoading, detailTitle, detailStarted, detailInputs, detailNoInputs, detailResubmittedFrom
    case detailSteps, detailNoSteps, detailError, detailStepFine, detailRequest, detailOutput, detailNoOutput
    case repairTips, whatHappened, howToFix
    case diagnosisFailedStep, causeAuthentication, causeAuthenticationVia, causeConfiguration
    case causeTransient, causeOther
    case fixVerify, fixEdit, fixResubmit, fixHelp
    case fixPickConnection, fixFindConnection, fixUnlistedConnection
    case connectionFoundVia, evidenceOperatorField, evidenceTaskLog, evidenceHostMatch, evidenceDefinitionSource

    // Definition files that do not load, and the read-only source.
    case definitionTag, definitionDoesNotLoad, definitionFileLabel, definitionFlowLabel, definitionNoFlow
    case definitionSeen, definitionLoadsNow, fixEditFile, fixEditFileElsewhere
    case sourceEmpty

    // Connections and flows.
    case connectionsEmpty, connectionsLoading, columnName, columnStatus, columnAuth, columnTarget
    case columnLastVerified, columnLastError, never
    case connectionConnected, connectionUnauthorized, connectionUnknown
    case flowsEmpty, flowsLoading, columnSteps, columnOwner, columnDescription, columnInputs

    // Dialogs.
    case confirmTitle, confirmResubmit, confirmYes, confirmNo
    case confirmRerunTitle, confirmRerunOne, confirmRerunMany
    case verifyTitle, verifySecretLabel, verifyTyping, verifyProbing, verifyRejected
    case helpTitle, helpDisabled, helpClose
    case pickConnectionTitle, pickConnectionUnlisted, pickConnectionKeys

    // Status messages.
    case messageLoading, messageFailed, messageVerified, messageVerifyRejected, messageVerifyInconclusive
    case messageResubmitting, messageResubmitted, messageRunFinished
    case messageDefinitionValid, messageDefinitionUnchanged, messageDefinitionInvalid
    case messageDefinitionReadOnly, messageActionDisabled, messageUnknownCommand, messageThemeChanged
    case messageCancelled, messageDemoReady
    case messageEditElsewhere, messageDefinitionFailuresUnavailable, messageCountingFailedSteps
    case messageConnectionUnknown, messageConnectionUnlisted
    case messageNoFailedSteps, messageFailedStepsReady, messageRerunningFailedSteps, messageFailedStepsRerun

    // Why an action is off.
    case reasonReadOnly, reasonRunNotFinished, reasonNothingSelected, reasonNoConnection
    case reasonRerunsByResubmitting, reasonRunDidNotFail, reasonAlreadyResubmitted

    // Short labels for the key-hint bar, one per action.
    case hintMoveDown, hintMoveUp, hintTop, hintBottom, hintPageDown, hintPageUp
    case hintOpen, hintBack, hintQuit, hintFilter, hintCycleStatusFilter, hintCommand, hintHelp
    case hintRefresh, hintShowConnections, hintShowFlows, hintVerify, hintEdit, hintResubmit, hintRerunFailed
    case hintToggleTips

    // One sentence per action for the help overlay.
    case helpMoveDown, helpMoveUp, helpTop, helpBottom, helpPageDown, helpPageUp
    case helpOpen, helpBack, helpQuit, helpFilter, helpCycleStatusFilter, helpCommand, helpHelp
    case helpRefresh, helpShowConnections, helpShowFlows, helpVerify, helpEdit, helpResubmit, helpRerunFailed
    case helpToggleTips

    // Repair tips: the `:tips` screen, the run detail's streak line, the per-flow switch.
    case crumbTips, tipsEmpty, tipsLoading, columnFailures, columnSince, columnTips, tipsOn, tipsOff
    case tipWhen, tipFailedOnce, tipFailedTimes, tipFailedAtLeast, troubleshooting, tipLastInputs, tipNoInputs
    case tipRerun, tipsOffNote, messageTipsOn, messageTipsOff

    // Help: self-help solutions, "ask for help", the support bundle.
    case crumbHelp, helpSubjectRun, helpSubjectRequest, helpLoading, helpEmpty
    case helpMatchedCode, helpMatchedKind, helpMatchedWords, helpSymptoms, helpCauses
    case askTitle, askProblemType, askCategory, askDescription, askKeys
    case messageFindingSolutions, messageWritingSupportBundle, messageSupportBundleWritten, reasonNoSupportFolder
    case hintShowHelp, hintAskForHelp, hintSupportBundle, helpShowHelp, helpAskForHelp, helpSupportBundle

    // Failure inbox (`G`), picking runs, bulk resubmit, the ledger.
    case crumbInbox, crumbLedger, crumbBulk, inboxLoading, inboxEmpty, inboxHeader
    case inboxPartial, inboxGroupTitle, inboxRunsOne, inboxRunsMany, inboxFlowsOne, inboxFlowsMany
    case inboxCauseConnection, inboxCauseStep, causeStateUnauthorized, causeStateTransient, causeStateConfiguration, causeStateOther
    case inboxLastFailed, groupLoading, groupEmpty, selectedIndicator, bulkTitle, bulkSummary
    case bulkFlows, bulkInputs, bulkNoInputs, bulkSkipped, bulkTypeCount, bulkWrongCount
    case bulkNothing, bulkStillUnauthorized, bulkCountLabel, bulkTally, bulkGoing, bulkDone, bulkNone
    case outcomeWaiting, outcomeSubmitted, outcomeRefused, outcomeStillRunning, ledgerLoading, ledgerEmpty
    case columnOriginal, columnResubmitted, columnCode, columnOutcome, messagePicked, messageSelectionCleared
    case messageBulkStarted, messageBulkFinished, messageBulkGoesOn, messageBulkStillGoing, hintToggleGrouped, hintToggleSelection
    case hintShowLedger, helpToggleGrouped, helpToggleSelection, helpShowLedger
    case bulkTitleOne, bulkSummaryOne, messageBulkStartedOne
}
