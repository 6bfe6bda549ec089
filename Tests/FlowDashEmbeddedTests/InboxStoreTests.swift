import FlowDashCore
import FlowDashDemoAPI
import Foundation
import GRDB
import Testing
@testable import FlowDashEmbedded

@Suite("RunStore inbox")
struct InboxStoreTests {
    private func withStore(_ body: (RunStore) async throws -> Void) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try await body(try RunStore(path: folder.storeFile))
    }

    private func allRuns(_ store: RunStore) throws -> [RunSummary] {
        try store.recentRuns(ActivityQuery(limit: 1_000_000))
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func theSQLInboxEqualsCoresRulesOverAllRuns(seed: UInt64) async throws {
        try await withStore { store in
            try await InboxFixture.seed(store, count: 700, seed: seed)
            let runs = try allRuns(store)
            let expected = FailureInbox.make(from: runs, isPartial: false)

            let inbox = try store.failureInbox()
            #expect(inbox == expected)
            #expect(!inbox.isPartial)
            #expect(inbox.groups.count >= 6, "the fixture must hold many causes: \(inbox.groups.map(\.id))")
            #expect(inbox.groups.contains { $0.cause.basis == .connection && $0.flows.count > 1 })
            #expect(inbox.groups.contains { $0.cause.name == FailureCause.unknownStep })

            let open = FailureInbox.openFailures(in: runs)
            #expect(try store.openFailures(cause: nil, failedSince: nil, limit: 100_000) == open)
            #expect(try store.openFailures(cause: nil, failedSince: nil, limit: 9) == Array(open.prefix(9)))
            let since = InboxFixture.start.addingTimeInterval(350)
            for group in inbox.groups {
                let members = open.filter { $0.failure.map(group.cause.matches) ?? false }
                #expect(try store.openFailures(cause: group.cause, failedSince: nil, limit: 100_000) == members, "\(group.id)")
                #expect(try store.openFailures(cause: group.cause, failedSince: nil, limit: 3) == Array(members.prefix(3)))
                let recent = members.filter { ($0.finishedAt ?? $0.startedAt) >= since }
                #expect(try store.openFailures(cause: group.cause, failedSince: since, limit: 100_000) == recent)
                // The id a script passes back finds the same runs.
                let fromID = try #require(FailureCause(id: group.id))
                #expect(try store.openFailures(cause: fromID, failedSince: nil, limit: 100_000) == members)
            }

            let ledger = LedgerEntry.make(from: runs, limit: 100_000)
            #expect(!ledger.isEmpty)
            #expect(Set(ledger.map(\.outcome)).isSuperset(of: [.failed, .succeeded]))
            #expect(try store.ledger(limit: 100_000) == ledger)
            #expect(try store.ledger(limit: 4) == Array(ledger.prefix(4)))
            #expect(try store.ledger(limit: 0).isEmpty)
        }
    }

    @Test func aCauseThatNoFailureCanHaveFindsNothing() async throws {
        try await withStore { store in
            try await InboxFixture.seed(store, count: 200, seed: 9)
            let notConnectionWide = FailureCause(basis: .connection, name: "crm", kind: .configuration, code: nil)
            #expect(try store.openFailures(cause: notConnectionWide, failedSince: nil, limit: 100).isEmpty)
            let withoutCode = FailureCause(basis: .step, name: "fetch", kind: .other, code: nil)
            #expect(try store.openFailures(cause: withoutCode, failedSince: nil, limit: 100).isEmpty)
            #expect(try store.openFailures(cause: nil, failedSince: nil, limit: 0).isEmpty)
        }
    }

    @Test func aLaterSuccessAndAResubmitCloseFailures() async throws {
        try await withStore { store in
            let steps = [PlannedStep(name: "fetch", connection: "crm")]
            let unauthorized = RunFailure(error: StepError(httpStatus: 401, message: "Unauthorized"), step: "fetch", connection: "crm")
            func failed(_ flow: String, from original: RunID? = nil) async throws -> RunID {
                let id = try await store.createRun(flow: flow, inputs: [:], steps: steps, resubmittedFrom: original)
                try await store.finishRun(id, status: .failed, failure: unauthorized)
                return id
            }
            _ = try await failed("a")
            let success = try await store.createRun(flow: "a", inputs: [:], steps: steps)
            try await store.finishRun(success, status: .succeeded)
            let stillOpen = try await failed("a")
            let resubmitted = try await failed("b")
            let again = try await failed("b", from: resubmitted)

            let inbox = try store.failureInbox()
            #expect(inbox.groups.map(\.id) == ["connection:crm:authentication"])
            #expect(inbox.groups.first?.runCount == 2)
            #expect(inbox.groups.first?.flows == ["a", "b"])
            #expect(try store.openFailures(cause: nil, failedSince: nil, limit: 10).map(\.id) == [again, stillOpen])
            let ledger = try store.ledger(limit: 10)
            #expect(ledger.map(\.original.id) == [resubmitted])
            #expect(ledger.map(\.resubmitted.id) == [again])
            #expect(ledger.first?.outcome == .failed)
        }
    }

    @Test func noInboxQueryScansTheRunTable() async throws {
        try await withStore { store in
            try store.insertSyntheticRuns(count: 20_000, failedEvery: 5)
            try await InboxFixture.seed(store, count: 100, seed: 4)
            for (name, plan) in try store.inboxQueryPlans() {
                let text = plan.joined(separator: " | ")
                let fullScans = plan.filter { line in
                    line.hasPrefix("SCAN") && !line.contains("INDEX") && !["flows", "since", "CONSTANT ROW"].contains { line.hasPrefix("SCAN \($0)") }
                }
                #expect(fullScans.isEmpty, "\(name) scans a table: \(text)")
                #expect(!plan.contains { $0.hasPrefix("SCAN") && $0.contains("INDEX") && !$0.contains("run_resubmits") },
                        "\(name) walks a whole index: \(text)")
                if name != "ledger" {
                    #expect(text.contains("run_flow_failed_cause"), "\(name) reads failures from the covering index: \(text)")
                    #expect(text.contains("run_flow_succeeded"), "\(name) finds each flow's last success by index: \(text)")
                    #expect(text.contains("run_resubmitted_from"), "\(name) looks resubmits up by index: \(text)")
                } else {
                    #expect(!text.contains("TEMP B-TREE"), "the ledger walks its index newest first: \(text)")
                }
            }
        }
    }

    @Test func migrationV2BackfillsTheConnectionOfFailuresStoredBefore() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.storeFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            let old = try DatabaseQueue(path: folder.storeFile.path)
            var v1Only = DatabaseMigrator()
            v1Only.registerMigration("v1") { db in try db.execute(sql: StoreSchema.v1) }
            try v1Only.migrate(old)
            try await old.write { db in
                try db.execute(sql: """
                    INSERT INTO run (id, flow, status, startedAt, failureKind, failureCode, failureMessage, failureStep)
                    VALUES (1, 'sync', 'failed', 1, 'authentication', '401', 'Unauthorized', 'save'),
                           (2, 'sync', 'failed', 2, 'other', 'launch_failed', 'no worker', NULL),
                           (3, 'sync', 'succeeded', 3, NULL, NULL, NULL, NULL);
                    INSERT INTO step (runId, position, name, connection, status) VALUES
                        (1, 0, 'fetch', 'crm', 'succeeded'), (1, 1, 'save', 'billing', 'failed'),
                        (3, 0, 'fetch', 'crm', 'succeeded'), (3, 1, 'save', 'billing', 'succeeded');
                    """)
            }
            try old.close()
        }
        let store = try RunStore(path: folder.storeFile)
        #expect(try store.runDetail(RunID("1")).summary.failure?.connection == "billing")
        #expect(try store.runDetail(RunID("2")).summary.failure?.connection == nil)
        #expect(try store.runDetail(RunID("3")).summary.failure == nil)
    }

    @Test func expiredTokensOfTwoFlowsAreOneGroupUnderTheirConnection() async throws {
        let fetch = """
            steps:
              - name: fetch-customer
                connection: crm
                path: /v1/customers/c-1001
            """
        let export = """
            steps:
              - name: export
                connection: crm
                path: /v1/customers/c-1002
            """
        try await EngineFixture.with(flows: ["sync": fetch, "export": export]) { fixture in
            try fixture.backend.storeSecret(Secret(DemoCredentials.expiredCRMToken), for: "crm")
            let first = try await fixture.runToEnd("sync")
            _ = try await fixture.runToEnd("export")
            _ = try await fixture.runToEnd("sync", resubmittedFrom: first.summary.id)

            let inbox = try await fixture.backend.failureInbox()
            #expect(inbox.groups.map(\.id) == ["connection:crm:authentication"])
            #expect(inbox.groups.first?.runCount == 2, "the resubmitted run stands for the first")
            #expect(inbox.groups.first?.flows == ["export", "sync"])
            #expect(inbox.groups.first?.codes == ["401"])
            #expect(try await fixture.backend.ledger(limit: 5).map(\.original.id) == [first.summary.id])
        }
    }
}
