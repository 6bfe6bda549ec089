import FlowDashCore
import Foundation
import Testing
@testable import FlowDashEmbedded

@Suite("RunStore")
struct StoreTests {
    private static let twoSteps = [PlannedStep(name: "fetch", connection: "crm"), PlannedStep(name: "save", connection: "billing")]

    private func withStore(_ body: (RunStore, TemporaryFolder) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await body(try RunStore(path: folder.storeFile), folder)
    }

    @Test func roundTripsAFailedRunWithItsSteps() async throws {
        try await withStore { store, _ in
            let started = Date(timeIntervalSince1970: 1_700_000_000.5)
            let original = try await store.createRun(flow: "sync", inputs: ["x": "1"], steps: Self.twoSteps)
            let id = try await store.createRun(flow: "sync", inputs: ["customer": "c-1"], steps: Self.twoSteps, resubmittedFrom: original)
            #expect(try await store.claimRun(id, owner: ProcessLiveness.current, at: started))
            #expect(try await store.claimRun(id, owner: ProcessLiveness.current) == false, "a claimed run cannot be claimed twice")
            try await store.completeStep(of: id, at: 0, StepRecord(status: .succeeded, request: "GET http://h/a", output: "{}"),
                                         startingNextAt: started.addingTimeInterval(1))
            let error = StepError(httpStatus: 401, message: "Unauthorized: invalid or expired token")
            try await store.finishRun(id, status: .failed, failure: RunFailure(error: error, step: "save"),
                                      lastStep: (1, StepRecord(status: .failed, error: error, request: "POST http://h/b")))

            let detail = try store.runDetail(id)
            #expect(detail.summary.flow == "sync")
            #expect(detail.summary.status == .failed)
            #expect(detail.summary.inputs == ["customer": "c-1"])
            #expect(detail.summary.resubmittedFrom == original)
            #expect(detail.summary.startedAt == started)
            #expect(detail.summary.failure == RunFailure(kind: .authentication, code: "401", message: error.message, step: "save"))
            #expect(detail.steps.map(\.status) == [.succeeded, .failed])
            #expect(detail.steps[0].output == "{}")
            #expect(detail.steps[1].startedAt == started.addingTimeInterval(1))
            #expect(detail.steps[1].error == error)
            #expect(detail.failingStep?.name == "save")
        }
    }

    @Test func pendingStepsAreSkippedWhenTheRunFinishes() async throws {
        try await withStore { store, _ in
            let id = try await store.createRun(flow: "f", inputs: [:], steps: Self.twoSteps + [PlannedStep(name: "third", connection: nil)])
            _ = try await store.claimRun(id, owner: ProcessLiveness.current)
            let error = StepError(code: TransportCode.timeout, message: "no response")
            try await store.finishRun(id, status: .failed, failure: RunFailure(error: error, step: "fetch"),
                                      lastStep: (0, StepRecord(status: .failed, error: error)))
            #expect(try store.runDetail(id).steps.map(\.status) == [.failed, .skipped, .skipped])
        }
    }

    @Test func listsNewestFirstAndFiltersByStatusFlowAndLimit() async throws {
        try await withStore { store, _ in
            var ids: [RunID] = []
            for index in 0..<6 {
                let id = try await store.createRun(flow: index.isMultiple(of: 2) ? "even" : "odd", inputs: [:], steps: Self.twoSteps)
                _ = try await store.claimRun(id, owner: ProcessLiveness.current)
                let failed = index % 3 == 0
                try await store.finishRun(id, status: failed ? .failed : .succeeded,
                                          failure: failed ? RunFailure(error: StepError(httpStatus: 502, message: "Bad Gateway"), step: "fetch") : nil)
                ids.append(id)
            }
            #expect(try store.recentRuns(ActivityQuery(limit: 50)).map(\.id) == ids.reversed())
            #expect(try store.recentRuns(ActivityQuery(failedOnly: true)).map(\.id) == [ids[3], ids[0]])
            #expect(try store.recentRuns(ActivityQuery(flow: "odd")).map(\.id) == [ids[5], ids[3], ids[1]])
            #expect(try store.recentRuns(ActivityQuery(failedOnly: true, flow: "even")).map(\.id) == [ids[0]])
            #expect(try store.recentRuns(ActivityQuery(limit: 2)).map(\.id) == [ids[5], ids[4]])
            #expect(try store.recentRuns(ActivityQuery(limit: 0)).isEmpty)
            #expect(try store.recentRuns(ActivityQuery(failedOnly: true)).allSatisfy { $0.failure?.kind == .transient })
        }
    }

    @Test func everyActivityListWalksAnIndexWithoutSortingOrScanning() async throws {
        try await withStore { store, _ in
            try store.insertSyntheticRuns(count: 1_000, failedEvery: 10)
            let queries = [ActivityQuery(), ActivityQuery(failedOnly: true), ActivityQuery(flow: "synthetic-orders"),
                           ActivityQuery(failedOnly: true, flow: "synthetic-orders")]
            for query in queries {
                let plan = try store.queryPlan(for: query).joined(separator: " | ")
                #expect(!plan.contains("TEMP B-TREE"), "\(query) sorts: \(plan)")
                if query.failedOnly || query.flow != nil {
                    #expect(plan.contains("USING") && plan.contains("INDEX"), "\(query) scans: \(plan)")
                }
            }
            #expect(try store.queryPlan(for: ActivityQuery(failedOnly: true)).joined().contains("run_failed"))
        }
    }

    @Test func unknownRunIdsAreReportedAsNotFound() async throws {
        try await withStore { store, _ in
            #expect(throws: BackendError.runNotFound(RunID("42"))) { try store.runDetail(RunID("42")) }
            #expect(throws: BackendError.runNotFound(RunID("abc"))) { try store.runDetail(RunID("abc")) }
        }
    }

    @Test func syntheticHistoryListsFailedRunsNewestFirst() async throws {
        try await withStore { store, _ in
            try store.insertSyntheticRuns(count: 50_000, failedEvery: 7)
            // Speed is the benchmark's business (Benchmarks/); the query plan test guards the index.
            let failed = try store.recentRuns(ActivityQuery(failedOnly: true, limit: 200))
            #expect(failed.count == 200)
            #expect(failed.allSatisfy { $0.status == .failed && $0.failure?.code == "503" })
            let numbers = failed.compactMap { Int($0.id.rawValue) }
            #expect(numbers == numbers.sorted(by: >))
            #expect(numbers.first == 49_994, "every 7th row fails: the newest failed one is 7 × 7,142")
            #expect(try store.recentRuns(ActivityQuery(limit: 1_000)).count == 1_000)
        }
    }

    @Test func orphanedRunsBecomeInterruptedAndLiveOnesStay() async throws {
        try await withStore { store, _ in
            let orphan = try await store.createRun(flow: "f", inputs: [:], steps: Self.twoSteps)
            _ = try await store.claimRun(orphan, owner: OwnerProcess(pid: deadPid, startTime: nil))
            let live = try await store.createRun(flow: "f", inputs: [:], steps: Self.twoSteps)
            _ = try await store.claimRun(live, owner: ProcessLiveness.current)
            let freshQueued = try await store.createRun(flow: "f", inputs: [:], steps: Self.twoSteps)
            let staleQueued = try await store.createRun(flow: "f", inputs: [:], steps: Self.twoSteps,
                                                        at: Date().addingTimeInterval(-RunStore.unclaimedRunGrace - 5))

            let marked = try store.markOrphanedRunsInterrupted(isAlive: ProcessLiveness.isAlive)

            #expect(Set(marked) == [orphan, staleQueued])
            let orphanDetail = try store.runDetail(orphan)
            #expect(orphanDetail.summary.status == .interrupted)
            #expect(orphanDetail.summary.finishedAt != nil)
            #expect(orphanDetail.summary.failure?.code == TransportCode.interrupted)
            #expect(orphanDetail.summary.failure?.step == "fetch")
            #expect(orphanDetail.summary.failure?.connection == "crm", "the step that was running, and its connection")
            #expect(orphanDetail.steps.map(\.status) == [.interrupted, .interrupted])
            #expect(try store.runDetail(staleQueued).summary.status == .interrupted)
            #expect(try store.runDetail(live).summary.status == .running)
            #expect(try store.runDetail(freshQueued).summary.status == .queued)
        }
    }

    @Test func createsAPrivateFolderAndFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try RunStore(path: folder.storeFile)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.storeFile.path)
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder.storeFile.deletingLastPathComponent().path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect((folderAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test func twoStoresOnOneFileWriteConcurrently() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // why: both open the new file at once, as two `flowdash` processes may: the migration race
        // and the write lock must both be waited out, not reported.
        async let openedFirst = Task.detached { try RunStore(path: folder.storeFile) }.value
        async let openedSecond = Task.detached { try RunStore(path: folder.storeFile) }.value
        let stores = try await [openedFirst, openedSecond]
        let perStore = 150
        let ids = try await withThrowingTaskGroup(of: RunID.self) { group in
            for store in stores {
                for index in 0..<perStore {
                    group.addTask {
                        let id = try await store.createRun(flow: "f\(index)", inputs: [:], steps: Self.twoSteps)
                        _ = try await store.claimRun(id, owner: ProcessLiveness.current)
                        try await store.finishRun(id, status: .succeeded)
                        return id
                    }
                }
            }
            return try await group.reduce(into: Set<RunID>()) { $0.insert($1) }
        }
        #expect(ids.count == 2 * perStore)
        let reopened = try RunStore(path: folder.storeFile)
        let listed = try reopened.recentRuns(ActivityQuery(limit: 1_000))
        #expect(listed.count == 2 * perStore)
        #expect(listed.allSatisfy { $0.status == .succeeded })
    }

    @Test func connectionSecretsAndStatesPersist() async throws {
        try await withStore { store, folder in
            let verifiedAt = Date(timeIntervalSince1970: 1_800_000_000)
            try store.storeVerifiedSecret(Secret("s3cret"), for: "crm", at: verifiedAt)
            try await store.setConnectionStatus(.unauthorized, for: "crm", lastError: "Unauthorized")
            try await store.setConnectionStatus(.connected, for: "open", lastError: nil)

            let reopened = try RunStore(path: folder.storeFile)
            let crm = try #require(try reopened.connectionState(named: "crm"))
            #expect(crm.secret == Secret("s3cret"), "a status change keeps the secret")
            #expect(crm.status == .unauthorized)
            #expect(crm.lastError == "Unauthorized")
            #expect(crm.lastVerifiedAt == verifiedAt)
            #expect(try reopened.connectionStates()["open"]?.secret == nil)

            try reopened.storeSecret(Secret("new"), for: "crm")
            let replaced = try #require(try reopened.connectionState(named: "crm"))
            #expect(replaced.secret == Secret("new"))
            #expect(replaced.status == .unknown, "an unproven secret has no known status")
            #expect(replaced.lastError == nil)
        }
    }

    @Test func deletingHistoryKeepsConnections() async throws {
        try await withStore { store, _ in
            let old = try await store.createRun(flow: "f", inputs: [:], steps: Self.twoSteps)
            try store.storeSecret(Secret("keep"), for: "crm")
            try store.deleteAllRuns()
            #expect(try store.recentRuns(ActivityQuery()).isEmpty)
            #expect(throws: BackendError.runNotFound(old)) { try store.runDetail(old) }
            #expect(try store.connectionState(named: "crm")?.secret == Secret("keep"))
            let next = try await store.createRun(flow: "f", inputs: [:], steps: Self.twoSteps)
            #expect(next > old, "ids are never reused, so an old id cannot name a new run")
        }
    }

    @Test func livenessTellsLiveDeadAndReusedPidsApart() throws {
        let me = ProcessLiveness.current
        #expect(ProcessLiveness.isAlive(me))
        #expect(!ProcessLiveness.isAlive(OwnerProcess(pid: deadPid, startTime: nil)))
        let startTime = try #require(me.startTime, "Linux has /proc")
        #expect(!ProcessLiveness.isAlive(OwnerProcess(pid: me.pid, startTime: startTime + 1)), "same pid, other process")
    }
}
