import FlowDashCore
import FlowDashService
import Foundation
import Testing

/// Flows with owners and a history the test can extend run by run.
private actor HistoryBackend: FlowBackend {
    nonisolated let kind = "history"
    private var details: [RunID: RunDetail] = [:]
    private var nextID = 1
    let owners: [String: String?]

    init(owners: [String: String?]) { self.owners = owners }

    func add(_ flow: String, _ status: RunStatus) {
        let id = RunID(String(nextID))
        let start = Date(timeIntervalSince1970: Double(nextID) * 60)
        nextID += 1
        let summary = RunSummary(id: id, flow: flow, status: status, startedAt: start, finishedAt: start.addingTimeInterval(1),
                                 inputs: ["customer": "c-1"])
        let step = StepRun(position: 0, name: "fetch", status: status == .failed ? .failed : .succeeded, connection: "crm",
                           error: status == .failed ? StepError(httpStatus: 401, message: "Unauthorized <script>") : nil)
        details[id] = RunDetail(summary: summary, steps: [step])
    }

    func activity(_ query: ActivityQuery) async throws -> [RunSummary] {
        details.values.map(\.summary)
            .filter { (!query.failedOnly || $0.status == .failed) && (query.flow == nil || $0.flow == query.flow) }
            .sorted { $0.id > $1.id }.prefix(query.limit).map { $0 }
    }

    func run(_ id: RunID) async throws -> RunDetail {
        guard let detail = details[id] else { throw BackendError.runNotFound(id) }
        return detail
    }

    func flows() async throws -> [FlowSummary] {
        owners.keys.sorted().map { FlowSummary(name: $0, description: nil, owner: owners[$0] ?? nil, stepCount: 1, inputs: [:]) }
    }
    func connections() async throws -> [ConnectionInfo] { [] }
    func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome { .verified }
    func startRun(flow: String, inputs: TriggerInputs, resubmittedFrom: RunID?) async throws -> RunID { RunID("0") }
    func definition(of flow: String) async throws -> DefinitionSource { DefinitionSource(flow: flow, path: nil) }
    func validateDefinition(of flow: String) async throws -> [DefinitionProblem] { [] }
    func definitionFailures(limit: Int) async throws -> [DefinitionFailure] { [] }
}

/// Records messages; fails while `failing` is set.
private final class FakeTransport: MailTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var _sent: [MailMessage] = []
    private var _failing = false

    var sent: [MailMessage] { lock.withLock { _sent } }
    var failing: Bool {
        get { lock.withLock { _failing } }
        set { lock.withLock { _failing = newValue } }
    }

    func send(_ message: MailMessage) async throws {
        try lock.withLock {
            if _failing { throw MailDeliveryError("connection refused") }
            _sent.append(message)
        }
    }
}

/// A clock the test moves by hand.
private final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_000_000)
    var now: Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

@Suite("Notifier: one email per failure streak")
struct NotifierTests {
    private let backend = HistoryBackend(owners: ["sync": "ops@example.com", "export": nil, "quiet": "q@example.com"])
    private let transport = FakeTransport()
    private let clock = TestClock()
    let stateURL = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-notify-\(UUID().uuidString)/state.json")

    private func notifier(service: FlowService? = nil, fallbackTo: String? = nil) throws -> Notifier {
        let clock = clock
        return try Notifier(
            service: service ?? FlowService(backend: backend), transport: transport, stateFile: NotifierStateFile(url: stateURL),
            settings: .init(from: "flowdash@example.com", fallbackTo: fallbackTo, backoff: [5, 30]),
            mail: RepairTipMail(backendFlags: "--workspace /ws"), now: { clock.now })
    }

    private func pass(_ notifier: Notifier) async throws -> [NotifierEvent] {
        try await notifier.poll() + notifier.deliverDue()
    }

    @Test func oneEmailPerStreakNotOnePerFailedRun() async throws {
        await backend.add("sync", .succeeded)
        await backend.add("sync", .failed)
        let notifier = try notifier()
        _ = try await pass(notifier)
        await backend.add("sync", .failed)
        await backend.add("sync", .failed)
        _ = try await pass(notifier)
        #expect(transport.sent.count == 1)
        #expect(transport.sent.first?.to == "ops@example.com")
        #expect(transport.sent.first?.subject == "[FlowDash] sync is failing: authentication (401)")
    }

    @Test func aSuccessEndsTheStreakAndANewFailureSendsAgain() async throws {
        await backend.add("sync", .failed)
        let notifier = try notifier()
        _ = try await pass(notifier)
        await backend.add("sync", .succeeded)
        _ = try await pass(notifier)
        #expect(transport.sent.count == 1)
        await backend.add("sync", .failed)
        let events = try await pass(notifier)
        #expect(transport.sent.count == 2)
        #expect(events.contains(.sent(.init(flow: "sync", firstFailedRun: RunID("3")), recipient: "ops@example.com", attempt: 1)))
    }

    @Test func aRestartDoesNotResend() async throws {
        await backend.add("sync", .failed)
        _ = try await pass(notifier())
        let events = try await pass(notifier())
        #expect(transport.sent.count == 1)
        #expect(events.isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: stateURL.path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o777 } == 0o600)
    }

    @Test func aFlowWithTipsOffSendsNothing() async throws {
        await backend.add("quiet", .failed)
        let switchFile = TipsSwitchFile(url: stateURL.deletingLastPathComponent().appendingPathComponent("tips.json"))
        try await switchFile.setTips(enabled: false, forFlow: "quiet")
        let service = FlowService(backend: backend, tipsSwitch: switchFile)
        let events = try await pass(notifier(service: service))
        #expect(transport.sent.isEmpty)
        #expect(events == [.skipped(.init(flow: "quiet", firstFailedRun: RunID("1")), reason: "repair tips are off for this flow")])
    }

    @Test func aFlowWithoutAnEmailOwnerIsSkippedOnceOrGoesToTheFallback() async throws {
        await backend.add("export", .failed)
        let skipped = try await pass(notifier())
        #expect(skipped.count == 1)
        guard case .skipped = skipped.first else { Issue.record("expected a skip, got \(skipped)"); return }
        #expect(try await pass(notifier()).isEmpty, "a skipped streak is not reported again")
        #expect(transport.sent.isEmpty)

        try FileManager.default.removeItem(at: stateURL)
        _ = try await pass(notifier(fallbackTo: "fallback@example.com"))
        #expect(transport.sent.map(\.to) == ["fallback@example.com"])
    }

    @Test func aFailedSendIsRetriedWithBackoffAndNotMarkedSent() async throws {
        await backend.add("sync", .failed)
        transport.failing = true
        let first = try await pass(notifier())
        guard case .failed(_, _, let attempt, let error, let next)? = first.last else { Issue.record("\(first)"); return }
        #expect(attempt == 1)
        #expect(error.contains("connection refused"))
        #expect(next == clock.now.addingTimeInterval(5))

        // A restart keeps the pending email; before its time nothing is tried.
        let restarted = try notifier()
        #expect(try await pass(restarted).isEmpty)
        #expect(await restarted.currentState.pending.first?.lastError?.contains("connection refused") == true)
        clock.advance(5)
        guard case .failed(_, _, 2, _, let second)? = try await pass(restarted).last else { Issue.record("no second attempt"); return }
        #expect(second == clock.now.addingTimeInterval(30))

        transport.failing = false
        clock.advance(30)
        #expect(try await pass(restarted).last == .sent(.init(flow: "sync", firstFailedRun: RunID("1")), recipient: "ops@example.com", attempt: 3))
        #expect(transport.sent.count == 1)
        #expect(await restarted.currentState.pending.isEmpty)
    }

    @Test func aPendingEmailOfAnEndedStreakIsDroppedWithAReason() async throws {
        await backend.add("sync", .failed)
        transport.failing = true
        let notifier = try notifier()
        _ = try await pass(notifier)
        await backend.add("sync", .succeeded)
        let events = try await pass(notifier)
        #expect(events.contains { if case .skipped(_, let reason) = $0 { reason.contains("ended") } else { false } })
        #expect(await notifier.currentState.pending.isEmpty)
    }
}
