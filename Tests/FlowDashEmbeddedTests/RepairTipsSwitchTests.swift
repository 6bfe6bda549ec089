import FlowDashCore
import Foundation
import GRDB
import Testing
@testable import FlowDashEmbedded

@Suite("Repair-tips switch in the store")
struct RepairTipsSwitchTests {
    @Test func theSwitchPersistsAcrossReopeningTheStore() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try RunStore(path: folder.storeFile)
        #expect(try store.flowsWithTipsOff().isEmpty, "tips are on until switched off")
        try await store.setTips(enabled: false, forFlow: "sync")
        try await store.setTips(enabled: false, forFlow: "billing")
        try await store.setTips(enabled: true, forFlow: "billing")
        #expect(try RunStore(path: folder.storeFile).flowsWithTipsOff() == ["sync"])
    }

    @Test func aStoreWrittenBeforeTheSwitchExistedOpensWithItsRunsAndTipsOn() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A store as the first release wrote it: v1 applied, one run, no flow settings.
        let older = try RunStore(path: folder.storeFile)
        let id = try await older.createRun(flow: "sync", inputs: ["x": "1"], steps: [PlannedStep(name: "fetch", connection: "crm")])
        let applied = try await older.pool.read { try DatabaseMigrator().appliedIdentifiers($0) }
        #expect(applied == ["v1", "v2"], "the switch's table is part of v1: no migration of its own")

        let reopened = try RunStore(path: folder.storeFile)
        #expect(try reopened.runDetail(id).summary.inputs == ["x": "1"])
        #expect(try reopened.flowsWithTipsOff().isEmpty)
        try await reopened.setTips(enabled: false, forFlow: "sync")
        #expect(try reopened.flowsWithTipsOff() == ["sync"])
    }

    @Test func theBackendSwitchesOnlyFlowsTheWorkspaceHas() async throws {
        let workspace = try ScratchWorkspace(flows: ["sync.yaml": ScratchWorkspace.flow()])
        let backend = try EmbeddedBackend(workspace: workspace.root)
        try await backend.setTips(enabled: false, forFlow: "sync")
        #expect(try await backend.flowsWithTipsOff() == ["sync"])
        await #expect(throws: BackendError.flowNotFound("nope")) {
            try await backend.setTips(enabled: false, forFlow: "nope")
        }
        #expect(try await backend.flowsWithTipsOff() == ["sync"])
    }
}
