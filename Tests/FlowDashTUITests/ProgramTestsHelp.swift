import FlowDashCore
import FlowDashScreen
import FlowDashService
@testable import FlowDashTUI
import Foundation
import Testing

/// `h` then `b` through the real loop, the service and the shipped knowledge base.
@MainActor
struct ProgramTestsHelp {
    static let noManager = RunDetail(
        summary: RunSummary(id: RunID("5"), flow: "notify-manager", status: .failed, startedAt: Date()),
        steps: [StepRun(position: 0, name: "lookup-manager", status: .failed, connection: "directory",
                        error: StepError(httpStatus: 422, message: "no manager configured for user jdoe"))]
    )

    @Test func hShowsTheMatchingSolutionsAndBWritesTheBundleFile() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("flowdash-help-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = AppState(readOnly: true)
        state.supportFolder = folder.path
        let terminal = ScriptedTerminal([
            .waitUntilShown("run 5 failed"), .send([.key(.character("h"))]),
            .waitUntilShown("solution http-422-missing-manager"), .send([.key(.character("b"))]),
            .waitUntilShown("supportBundleWritten"), .send([.key(.control("c"))]),
        ])
        let program = Program(terminal: terminal, service: FlowService(backend: ProgramTestBackend(runs: [Self.noManager])),
                              state: state, render: programTestRender, editor: { _ in })
        let final = await program.run()
        #expect(!terminal.timedOut, "\(terminal.lastScreen)")
        #expect(final.help?.solutions.first?.entry.id == "http-422-missing-manager")
        #expect(final.help?.placeholders["FLOW"] == "notify-manager")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1)
        #expect(files.first?.hasPrefix("flowdash-support-5-") == true && files.first?.hasSuffix(".tar.gz") == true)
        guard case .supportBundleWritten(let path) = final.status.message else {
            Issue.record("no bundle message: \(final.status.message)")
            return
        }
        #expect(path == folder.appendingPathComponent(files.first ?? "").path)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size > 0)
    }
}
