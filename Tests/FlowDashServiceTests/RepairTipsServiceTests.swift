import FlowDashCore
import FlowDashService
import Foundation
import Testing

/// Runs of several flows, with the flows listed and each run-detail read counted.
private actor FlowsBackend: FlowBackend {
    nonisolated let kind = "fake"
    let details: [RunID: RunDetail]
    let flowNames: [String]
    private(set) var detailReads: [RunID] = []

    init(runs: [RunSummary], flows: [String]) {
        details = Dictionary(uniqueKeysWithValues: runs.map { run in
            let step = StepRun(position: 0, name: "fetch", status: run.status == .failed ? .failed : .succeeded,
                               connection: "crm",
                               error: run.status == .failed ? StepError(httpStatus: 401, message: "Unauthorized") : nil)
            return (run.id, RunDetail(summary: run, steps: [step]))
        })
        flowNames = flows
    }

    func activity(_ query: ActivityQuery) async throws -> [RunSummary] {
        details.values.map(\.summary)
            .filter { (!query.failedOnly || $0.status == .failed) && (query.flow == nil || $0.flow == query.flow) }
            .sorted { $0.id > $1.id }.prefix(query.limit).map { $0 }
    }

    func run(_ id: RunID) async throws -> RunDetail {
        detailReads.append(id)
        guard let detail = details[id] else { throw BackendError.runNotFound(id) }
        return detail
    }

    func flows() async throws -> [FlowSummary] {
        flowNames.map { FlowSummary(name: $0, description: nil, owner: nil, stepCount: 1, inputs: [:]) }
    }
    func connections() async throws -> [ConnectionInfo] { [] }
    func verifyConnection(_ name: String, secret: Secret) async throws -> VerificationOutcome { .verified }
    func startRun(flow: String, inputs: TriggerInputs, resubmittedFrom: RunID?) async throws -> RunID { RunID("0") }
    func definition(of flow: String) async throws -> DefinitionSource { DefinitionSource(flow: flow, path: nil) }
    func validateDefinition(of flow: String) async throws -> [DefinitionProblem] { [] }
    func definitionFailures(limit: Int) async throws -> [DefinitionFailure] { [] }
}

@Suite("Repair tips in the service")
struct RepairTipsServiceTests {
    private static func run(_ id: Int, _ flow: String, _ status: RunStatus, at minute: Double, inputs: TriggerInputs = [:]) -> RunSummary {
        RunSummary(id: RunID(String(id)), flow: flow, status: status, startedAt: Date(timeIntervalSince1970: minute * 60),
                   finishedAt: Date(timeIntervalSince1970: minute * 60 + 1), inputs: inputs)
    }

    private static let runs = [
        run(1, "sync", .succeeded, at: 1), run(2, "sync", .failed, at: 2), run(5, "sync", .failed, at: 5, inputs: ["c": "9"]),
        run(3, "billing", .failed, at: 3), run(6, "billing", .succeeded, at: 6),
        run(4, "export", .failed, at: 4),
    ]

    private func scratchFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-tips-\(UUID().uuidString)/tips.json")
    }

    @Test func everyFailingFlowHasOneTipTheNewestStreakFirst() async throws {
        let backend = FlowsBackend(runs: Self.runs, flows: ["sync", "billing", "export"])
        let service = FlowService(backend: backend, tipsSwitch: TipsSwitchFile(url: scratchFile()))
        let tips = try await service.repairTips()
        #expect(tips.map(\.flow) == ["export", "sync"], "billing succeeded after failing")
        let sync = try #require(tips.last)
        #expect(sync.failureCount == 2)
        #expect(sync.firstFailedRun == RunID("2"))
        #expect(sync.lastRun == RunID("5"))
        #expect(sync.lastInputs == ["c": "9"])
        #expect(sync.failureCountIsLowerBound == false)
        #expect(await backend.detailReads.sorted() == [RunID("4"), RunID("5")], "one detail per failing flow")
        #expect(try await service.repairTips(limit: 1).count == 1)
    }

    @Test func aFlowWithTipsOffStillHasItsTipMarkedOff() async throws {
        let file = scratchFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let service = FlowService(backend: FlowsBackend(runs: Self.runs, flows: ["sync", "export"]), tipsSwitch: TipsSwitchFile(url: file))
        try await service.setTips(enabled: false, forFlow: "sync")
        let tips = try await service.repairTips()
        #expect(tips.map(\.flow) == ["export", "sync"])
        #expect(tips.map(\.tipsOff) == [false, true])
        #expect(try await service.repairTip(forFlow: "sync")?.tipsOff == true)
        #expect(try await service.repairTip(forFlow: "billing") == nil)

        let reread = FlowService(backend: FlowsBackend(runs: [], flows: ["sync"]), tipsSwitch: TipsSwitchFile(url: file))
        #expect(try await reread.flowsWithTipsOff() == ["sync"], "the switch is kept in the file")
        try await reread.setTips(enabled: true, forFlow: "sync")
        #expect(try await service.flowsWithTipsOff().isEmpty)
    }

    @Test func onlyAnExistingFlowCanBeSwitched() async throws {
        let file = scratchFile()
        let service = FlowService(backend: FlowsBackend(runs: [], flows: ["sync"]), tipsSwitch: TipsSwitchFile(url: file))
        await #expect(throws: BackendError.flowNotFound("nope")) { try await service.setTips(enabled: false, forFlow: "nope") }
        #expect(FileManager.default.fileExists(atPath: file.path) == false)
    }

    @Test func withoutASwitchStoreTipsAreOnAndCannotBeSwitched() async throws {
        let service = FlowService(backend: FlowsBackend(runs: Self.runs, flows: ["sync"]))
        #expect(service.canSwitchTips == false)
        #expect(try await service.flowsWithTipsOff().isEmpty)
        await #expect(throws: RepairTipsError.switchUnavailable(backend: "fake")) {
            try await service.setTips(enabled: false, forFlow: "sync")
        }
    }

    @Test func anUnreadableSwitchFileIsAStorageError() async throws {
        let file = scratchFile()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not json".utf8).write(to: file)
        await #expect(throws: BackendError.self) { try await TipsSwitchFile(url: file).flowsWithTipsOff() }
    }
}
