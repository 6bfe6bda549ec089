import FlowDashCore
import Foundation
import Testing

/// The inbox's rules themselves (`FailureInbox`, `FailureCause`, `LedgerEntry`), which every
/// backend must follow: the embedded store's SQL is tested equal to them.
@Suite("Failure inbox rules")
struct FailureInboxRulesTests {
    private static let start = Date(timeIntervalSince1970: 1_760_000_000)

    private static func failure(_ code: Int, step: String? = "fetch", connection: String? = "crm") -> RunFailure {
        RunFailure(error: StepError(httpStatus: code, message: "HTTP \(code)"), step: step, connection: connection)
    }

    /// Run `id` of `flow`, started `id` seconds after the start (so ids order creation).
    private static func run(_ id: Int, _ flow: String, _ status: RunStatus, _ failure: RunFailure? = nil,
                            from original: Int? = nil) -> RunSummary {
        RunSummary(id: RunID(String(id)), flow: flow, status: status, startedAt: start.addingTimeInterval(Double(id)),
                   finishedAt: status.isFinished ? start.addingTimeInterval(Double(id) + 0.5) : nil,
                   resubmittedFrom: original.map { RunID(String($0)) }, failure: failure)
    }

    private static func openIDs(_ runs: [RunSummary]) -> [String] {
        FailureInbox.openFailures(in: runs).map(\.id.rawValue)
    }

    @Test func aLaterSuccessOfTheFlowClosesItsEarlierFailures() {
        let runs = [Self.run(1, "a", .failed, Self.failure(404)), Self.run(2, "a", .succeeded),
                    Self.run(3, "a", .failed, Self.failure(404)), Self.run(4, "b", .failed, Self.failure(404))]
        #expect(Self.openIDs(runs) == ["4", "3"], "newest first; run 1 is closed by run 2, run 4 is another flow")
        #expect(Self.openIDs(runs.shuffled()) == ["4", "3"], "input order does not matter")
    }

    @Test func aResubmittedFailureIsStoodForByItsResubmit() {
        let closed = [Self.run(1, "a", .failed, Self.failure(401)), Self.run(2, "a", .succeeded, from: 1)]
        #expect(Self.openIDs(closed).isEmpty, "its resubmit succeeded")
        let running = [Self.run(1, "a", .failed, Self.failure(401)), Self.run(2, "a", .running, from: 1)]
        #expect(Self.openIDs(running).isEmpty, "its resubmit is under way")
        let failedAgain = [Self.run(1, "a", .failed, Self.failure(401)), Self.run(2, "a", .failed, Self.failure(401), from: 1)]
        #expect(Self.openIDs(failedAgain) == ["2"], "a failed resubmit is in the inbox in its place, counted once")
        let inbox = FailureInbox.make(from: failedAgain + failedAgain, isPartial: false)
        #expect(inbox.runCount == 1, "a run listed twice counts once")
    }

    @Test func cancelledRunningQueuedAndInterruptedRunsAreNotInTheInbox() {
        let runs = [Self.run(1, "a", .cancelled), Self.run(2, "a", .running), Self.run(3, "a", .queued),
                    Self.run(4, "a", .interrupted, Self.failure(503)), Self.run(5, "a", .failed, nil)]
        #expect(Self.openIDs(runs).isEmpty)
        #expect(FailureInbox.make(from: runs, isPartial: true).groups.isEmpty)
    }

    @Test func anUnauthorizedConnectionIsOneGroupAcrossFlowsStepsAndCodes() throws {
        let runs = [Self.run(1, "sync", .failed, Self.failure(401, step: "fetch")),
                    Self.run(2, "export", .failed, Self.failure(403, step: "list")),
                    Self.run(3, "sync", .failed, Self.failure(401, step: "fetch", connection: "billing"))]
        let inbox = FailureInbox.make(from: runs, isPartial: false)
        #expect(inbox.groups.map(\.id) == ["connection:crm:authentication", "connection:billing:authentication"])
        let crm = try #require(inbox.groups.first)
        #expect(crm.runCount == 2)
        #expect(crm.flows == ["export", "sync"])
        #expect(crm.codes == ["401", "403"])
        #expect(crm.latestMessage == "HTTP 403")
        #expect(crm.firstFailedAt == Self.start.addingTimeInterval(1.5))
        #expect(crm.lastFailedAt == Self.start.addingTimeInterval(2.5))
        #expect(FailureCauseText.title(crm) == "2 runs in 2 flows: connection crm unauthorized")
    }

    @Test func aRequestErrorIsGroupedByStepAndCode() {
        let runs = [Self.run(1, "a", .failed, Self.failure(404, step: "create-invoice")),
                    Self.run(2, "b", .failed, Self.failure(404, step: "create-invoice", connection: "billing")),
                    Self.run(3, "a", .failed, Self.failure(422, step: "create-invoice")),
                    Self.run(4, "a", .failed, Self.failure(404, step: "fetch"))]
        let inbox = FailureInbox.make(from: runs, isPartial: false)
        #expect(inbox.groups.map(\.id) == ["step:create-invoice:404", "step:fetch:404", "step:create-invoice:422"],
                "biggest first, then the most recent")
        #expect(inbox.groups.first?.flows == ["a", "b"], "a 404 is the step's, whatever connection it used")
    }

    @Test func aFailureWithoutConnectionOrStepIsGroupedByItsStep() {
        #expect(FailureCause(of: Self.failure(401, step: "fetch", connection: nil)).id == "step:fetch:401")
        #expect(FailureCause(of: Self.failure(401, step: "fetch", connection: "")).id == "step:fetch:401")
        #expect(FailureCause(of: Self.failure(503, step: nil, connection: nil)).id == "step:?:503")
        #expect(FailureCause(of: Self.failure(503, step: nil, connection: "crm")).id == "connection:crm:transient")
    }

    @Test(arguments: ["connection:crm:authentication", "connection:a:b:c:transient", "step:a:b:404",
                      "step:create-invoice:timeout", "step:?:503"])
    func anIDReadsBackAsTheSameCause(id: String) throws {
        let cause = try #require(FailureCause(id: id))
        #expect(cause.id == id)
    }

    @Test func namesWithColonsKeepThemInTheID() throws {
        let cause = FailureCause(of: Self.failure(401, step: "s", connection: "http:crm:eu"))
        #expect(cause.id == "connection:http:crm:eu:authentication")
        #expect(FailureCause(id: cause.id) == cause)
        let step = FailureCause(of: Self.failure(404, step: "a:b", connection: nil))
        #expect(FailureCause(id: step.id) == step)
    }

    @Test(arguments: ["", "crm", "connection:", "connection::authentication", "connection:crm:unknownkind",
                      "step:fetch:", "other:x:404"])
    func aMalformedIDIsNoCause(id: String) {
        #expect(FailureCause(id: id) == nil)
    }

    @Test func matchesFollowsTheCauseChoice() throws {
        let crm = try #require(FailureCause(id: "connection:crm:authentication"))
        #expect(crm.matches(Self.failure(401)))
        #expect(crm.matches(Self.failure(403, step: "other")))
        #expect(!crm.matches(Self.failure(401, connection: "billing")))
        #expect(!crm.matches(Self.failure(503)), "transient is another cause of the same connection")
        #expect(!crm.matches(Self.failure(404)), "a 404 through crm is the step's")
        let fetch404 = try #require(FailureCause(id: "step:fetch:404"))
        #expect(fetch404.matches(Self.failure(404)))
        #expect(fetch404.matches(RunFailure(kind: .other, code: "404", message: "", step: "fetch")),
                "a step cause ignores the stored kind")
        #expect(!fetch404.matches(Self.failure(404, step: "save")))
        #expect(!fetch404.matches(Self.failure(401, connection: nil)))
        let unknownStep = try #require(FailureCause(id: "step:?:503"))
        #expect(unknownStep.matches(Self.failure(503, step: nil, connection: nil)))
    }

    @Test func theLedgerListsResubmissionsNewestFirstWithTheirOutcome() {
        let runs = [Self.run(1, "a", .failed, Self.failure(401)), Self.run(2, "a", .failed, Self.failure(401), from: 1),
                    Self.run(3, "a", .succeeded, from: 2), Self.run(4, "b", .running, from: 99)]
        let ledger = LedgerEntry.make(from: runs.shuffled(), limit: 10)
        #expect(ledger.map(\.resubmitted.id.rawValue) == ["3", "2"], "run 4's original is not known")
        #expect(ledger.map(\.outcome) == [.succeeded, .failed])
        #expect(LedgerEntry.make(from: runs, limit: 1).map(\.original.id.rawValue) == ["2"])
        #expect(LedgerEntry.make(from: runs, limit: -1).isEmpty)
    }
}
