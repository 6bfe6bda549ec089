import FlowDashCore
import FlowDashService
import FlowDashTUI
import Foundation
import Testing

/// A small engine that remembers resubmissions: each one starts a run that has already succeeded
/// (the bulk runner and loop tests share it).
actor ResubmittingTestBackend: FlowBackend {
    nonisolated let kind = "bulk-test"
    private var runs: [RunID: RunSummary]
    private var next = 100

    init(_ runs: [RunSummary]) { self.runs = Dictionary(uniqueKeysWithValues: runs.map { ($0.id, $0) }) }

    func activity(_ query: ActivityQuery) async throws -> [RunSummary] {
        Array(runs.values.filter { !query.failedOnly || $0.status == .failed }.sorted { $0.id > $1.id }.prefix(query.limit))
    }

    func run(_ id: RunID) async throws -> RunDetail {
        guard let summary = runs[id] else { throw BackendError.runNotFound(id) }
        return RunDetail(summary: summary, steps: [])
    }

    func flows() async throws -> [FlowSummary] { [] }
    func connections() async throws -> [ConnectionInfo] { [] }
    func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome { .verified }

    func startRun(flow: String, inputs: TriggerInputs, resubmittedFrom: RunID?) async throws -> RunID {
        next += 1
        let id = RunID(String(next))
        runs[id] = RunSummary(id: id, flow: flow, status: .succeeded, startedAt: Date(), finishedAt: Date(),
                              inputs: inputs, resubmittedFrom: resubmittedFrom)
        return id
    }

    func definition(of flow: String) async throws -> DefinitionSource {
        DefinitionSource(flow: flow, path: nil, readOnlyText: nil, readOnlyReason: "test")
    }

    func validateDefinition(of flow: String) async throws -> [DefinitionProblem] { [] }
    func definitionFailures(limit: Int) async throws -> [DefinitionFailure] { [] }
}

/// Collects the messages a streaming effect sends while it runs.
private actor Inbox {
    private(set) var messages: [Msg] = []
    func add(_ msg: Msg) { messages.append(msg) }
}

struct EffectRunnerBulkTests {
    static func failed(_ id: String, flow: String) -> RunSummary {
        RunSummary(id: RunID(id), flow: flow, status: .failed, startedAt: Date(timeIntervalSince1970: Double(id) ?? 0),
                   finishedAt: Date(timeIntervalSince1970: (Double(id) ?? 0) + 1), inputs: ["n": id],
                   failure: RunFailure(kind: .authentication, code: "401", message: "Unauthorized", step: "push",
                                       connection: "crm"))
    }

    @Test func theInboxThePlanAndTheBulkEventsComeBackAsMessages() async throws {
        let service = FlowService(backend: ResubmittingTestBackend([Self.failed("1", flow: "a"), Self.failed("2", flow: "b")]))
        let runner = EffectRunner(service: service)
        let crm = FailureCause(basis: .connection, name: "crm", kind: .authentication, code: nil)

        guard case .inboxLoaded(.success(let inbox))? = await runner.perform(.loadInbox) else {
            Issue.record("the inbox did not load")
            return
        }
        #expect(inbox.groups.map(\.cause) == [crm])
        #expect(inbox.groups.first?.runCount == 2)
        guard case .bulkPlanned(.success(let plan))? = await runner.perform(.planBulkResubmit(crm)) else {
            Issue.record("no plan")
            return
        }
        #expect(plan.runs.map(\.id) == [RunID("1"), RunID("2")])

        let received = Inbox()
        let last = await runner.perform(.bulkResubmit(plan)) { await received.add($0) }
        guard case .bulkResubmitEnded? = last else {
            Issue.record("the stream did not end with its message")
            return
        }
        let events = await received.messages.compactMap { msg -> BulkResubmitEvent? in
            if case .bulkResubmitEvent(let event) = msg { return event }
            return nil
        }
        let submitted = events.filter { if case .submitted = $0 { true } else { false } }
        let finished = events.compactMap { event -> RunStatus? in
            if case .finished(_, let run) = event { return run.status }
            return nil
        }
        #expect(submitted.count == 2)
        #expect(finished == [.succeeded, .succeeded])

        guard case .ledgerLoaded(.success(let ledger))? = await runner.perform(.loadLedger) else {
            Issue.record("no ledger")
            return
        }
        #expect(Set(ledger.map(\.original.id)) == [RunID("1"), RunID("2")])
        guard case .inboxLoaded(.success(let after))? = await runner.perform(.loadInbox) else {
            Issue.record("the inbox did not load again")
            return
        }
        #expect(after.groups.isEmpty)
    }
}
