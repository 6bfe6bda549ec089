import FlowDashCore
import FlowDashService
import Foundation
import Testing

struct BulkResubmitTests {
    static func failedRun(_ id: Int, flow: String, customer: String, at seconds: TimeInterval,
                          connection: String = "crm", code: String = "401") -> RunDetail {
        let failure = RunFailure(error: StepError(code: code, message: "Unauthorized"), step: "fetch", connection: connection)
        return RunDetail(summary: RunSummary(
            id: RunID(String(id)), flow: flow, status: .failed, startedAt: Date(timeIntervalSince1970: seconds),
            finishedAt: Date(timeIntervalSince1970: seconds + 1), inputs: TriggerInputs(["customer": customer]), failure: failure),
            steps: [])
    }

    static let selection: [RunDetail] = [
        failedRun(3, flow: "export", customer: "c-3", at: 300),
        failedRun(1, flow: "sync", customer: "c-1", at: 100),
        failedRun(2, flow: "sync", customer: "c-1", at: 200),
    ]

    static let quick = BulkResubmitPace(perSecond: 1_000, pollEvery: .milliseconds(1), followFor: .seconds(30))

    @Test func theDryRunCountsRunsFlowsAndInputsAndSkipsRunsStillGoing() {
        let running = RunSummary(id: RunID("9"), flow: "sync", status: .running, startedAt: Date())
        let plan = BulkResubmitPlan(selection: Self.selection.map(\.summary) + [running, Self.selection[0].summary])
        #expect(plan.count == 3, "the repeated run counts once")
        #expect(plan.runs.map(\.id) == [RunID("1"), RunID("2"), RunID("3")], "replayed oldest first")
        #expect(plan.flows.map(\.flow) == ["sync", "export"])
        #expect(plan.flows.map(\.runs) == [2, 1])
        #expect(plan.distinctInputs == [["customer": "c-1"], ["customer": "c-3"]])
        #expect(plan.skipped.map(\.id) == [RunID("9")])
    }

    @Test func everyRunIsResubmittedWithItsInputsAndEachOutcomeArrives() async throws {
        let backend = RecordingBackend(runs: Self.selection, startedRunsEndAs: .succeeded)
        let service = FlowService(backend: backend)
        let plan = service.planBulkResubmit(Self.selection.map(\.summary))
        var events: [BulkResubmitEvent] = []
        var tally = BulkResubmitTally()
        for await event in service.bulkResubmit(plan, pace: Self.quick) {
            events.append(event)
            tally.record(event)
        }
        let started = await backend.started
        #expect(started.map(\.from) == [RunID("1"), RunID("2"), RunID("3")])
        #expect(started.map(\.inputs) == [["customer": "c-1"], ["customer": "c-1"], ["customer": "c-3"]])
        let finished = events.compactMap { event -> RunID? in
            if case .finished(let original, let run) = event, run.status == .succeeded { return original }
            return nil
        }
        #expect(Set(finished) == [RunID("1"), RunID("2"), RunID("3")])
        #expect(tally.submitted == 3 && tally.succeeded == 3 && tally.refused == 0 && tally.stillRunning == 0)
    }

    @Test func aRunThatCannotBeResubmittedIsReportedAndTheOthersGoOn() async throws {
        let backend = RecordingBackend(runs: Array(Self.selection.dropFirst()))
        let service = FlowService(backend: backend)
        let plan = service.planBulkResubmit(Self.selection.map(\.summary))
        let none = BulkResubmitPace(perSecond: 1_000, followFor: .zero)
        var events: [BulkResubmitEvent] = []
        for await event in service.bulkResubmit(plan, pace: none) { events.append(event) }
        #expect(events.contains(.refused(original: RunID("3"), reason: BackendError.runNotFound(RunID("3")).description)))
        #expect(await backend.started.count == 2)
        guard case .stillRunning(let going)? = events.last else {
            Issue.record("without following, the started runs are reported still running: \(events)")
            return
        }
        #expect(going.count == 2)
    }

    @Test func theInboxOfABackendWithoutOneIsWorkedOutFromRecentRuns() async throws {
        let success = RunDetail(summary: RunSummary(
            id: RunID("4"), flow: "sync", status: .succeeded, startedAt: Date(timeIntervalSince1970: 150)), steps: [])
        let other = Self.failedRun(5, flow: "report", customer: "c-5", at: 500, connection: "reports", code: "404")
        let backend = RecordingBackend(runs: Self.selection + [success, other])
        let service = FlowService(backend: backend)
        #expect(service.inboxCoversAllHistory == false)

        let inbox = try await service.failureInbox()
        #expect(inbox.isPartial == false, "fewer runs than the window: all history was seen")
        let crm = try #require(inbox.group(FailureCause(basis: .connection, name: "crm", kind: .authentication, code: nil)))
        #expect(crm.runCount == 2, "run 1 was followed by a success of its flow")
        #expect(crm.flows == ["export", "sync"])
        #expect(inbox.groups.map(\.id) == ["connection:crm:authentication", "step:fetch:404"])

        let since = try await service.openFailures(failedSince: Date(timeIntervalSince1970: 250))
        #expect(since.map(\.id) == [RunID("5"), RunID("3")])
        let ofCrm = try await service.openFailures(cause: crm.cause)
        #expect(ofCrm.map(\.id) == [RunID("3"), RunID("2")])
    }

    @Test func aResubmittedRunLeavesTheInboxAndTheLedgerLinksIt() async throws {
        let backend = RecordingBackend(runs: Self.selection, startedRunsEndAs: .failed)
        let service = FlowService(backend: backend)
        let newID = try await service.resubmit(RunID("2"))
        let open = try await service.openFailures()
        #expect(!open.map(\.id).contains(RunID("2")), "its resubmit stands for it now")
        let ledger = try await service.ledger()
        #expect(ledger.map(\.original.id) == [RunID("2")])
        #expect(ledger.first?.resubmitted.id == newID)
        #expect(ledger.first?.outcome == .failed)
    }

    @Test func theDryRunWarnsWhileTheRefusingConnectionIsStillUnauthorized() async throws {
        let backend = RecordingBackend(runs: Self.selection)
        let service = FlowService(backend: backend)
        let crm = FailureCause(basis: .connection, name: "crm", kind: .authentication, code: nil)
        await backend.setConnections([ConnectionInfo(name: "crm", auth: "bearer", target: "x", status: .unauthorized),
                                      ConnectionInfo(name: "reports", auth: "none", target: "x", status: .unauthorized)])
        let before = try await service.planBulkResubmit(cause: crm, failedSince: nil)
        #expect(before.stillUnauthorized == ["crm"], "only the connections these runs failed through")

        await backend.setConnections([ConnectionInfo(name: "crm", auth: "bearer", target: "x", status: .connected)])
        let after = try await service.planBulkResubmit(cause: crm, failedSince: nil)
        #expect(after.stillUnauthorized.isEmpty, "verified: nothing to warn about")
        #expect(after.count == 3)
    }

    @Test func tipsFindAStreakOlderThanTheRecentFailuresWhenTheBackendKnowsItsWholeInbox() async throws {
        func failed(_ id: Int, flow: String) -> RunDetail {
            let run = Self.failedRun(id, flow: flow, customer: "c", at: TimeInterval(id))
            return RunDetail(summary: run.summary, steps: [StepRun(
                position: 0, name: "fetch", status: .failed, connection: "crm",
                error: StepError(httpStatus: 401, message: "Unauthorized"))])
        }
        let history = [failed(1, flow: "old")] + (2...(FlowService.tipsFailedRunsScanned + 5)).map { failed($0, flow: "busy") }
        let windowOnly = try await FlowService(backend: RecordingBackend(runs: history)).repairTips()
        #expect(windowOnly.map(\.flow) == ["busy"], "the old streak lies beyond the newest failed runs")
        let whole = try await FlowService(backend: InboxAnsweringBackend(runs: history)).repairTips()
        #expect(Set(whole.map(\.flow)) == ["busy", "old"])
    }
}
