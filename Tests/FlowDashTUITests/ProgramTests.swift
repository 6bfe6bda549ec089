import FlowDashCore
import FlowDashScreen
import FlowDashService
@testable import FlowDashTUI
import Foundation
import Testing

/// The event loop against a scripted terminal and a small in-memory backend.
@MainActor
struct ProgramTests {
    static let failed = RunDetail(
        summary: RunSummary(id: RunID("1"), flow: "orders", status: .failed, startedAt: Date()),
        steps: [StepRun(position: 0, name: "fetch", status: .succeeded, connection: "crm"),
                StepRun(position: 1, name: "push", status: .failed, connection: "crm",
                        error: StepError(httpStatus: 401, message: "Unauthorized"))]
    )

    static func program(
        _ terminal: ScriptedTerminal, backend: ProgramTestBackend,
        editor: @escaping @Sendable (String) throws -> Void = { _ in }
    ) -> Program {
        Program(terminal: terminal, service: FlowService(backend: backend), state: AppState(),
                render: programTestRender, editor: editor)
    }

    @Test func theInitialLoadIsDrawn() async {
        let terminal = ScriptedTerminal([.waitUntilShown("run 1 failed"), .send([.key(.character("q"))])])
        let final = await Self.program(terminal, backend: ProgramTestBackend(runs: [Self.failed])).run()
        #expect(!terminal.timedOut)
        #expect(final.shouldQuit)
        #expect(final.size == (60, 12))
        #expect(terminal.frames.first?.lines.joined().contains("run 1") == false)
        #expect(final.status.inFlight == 0)
    }

    @Test func aKeysEffectResultIsDrawn() async {
        let terminal = ScriptedTerminal([
            .waitUntilShown("run 1"), .send([.key(.enter)]),
            .waitUntilShown("step push"), .send([.key(.control("c"))]),
        ])
        let final = await Self.program(terminal, backend: ProgramTestBackend(runs: [Self.failed])).run()
        #expect(!terminal.timedOut)
        #expect(final.route == .runDetail(RunID("1")))
        #expect(final.runDetail?.selection == 1)
    }

    @Test func resubmitRunsThroughTheServiceAfterConfirmation() async {
        let backend = ProgramTestBackend(runs: [Self.failed])
        let terminal = ScriptedTerminal([
            .waitUntilShown("run 1"), .send([.key(.character("r")), .key(.character("y"))]),
            .waitUntilShown("resubmitted"), .send([.key(.control("c"))]),
        ])
        let final = await Self.program(terminal, backend: backend).run()
        #expect(!terminal.timedOut)
        #expect(await backend.resubmissions == [RunID("1")])
        #expect(final.route == .runDetail(RunID("99")))
    }

    @Test func quitEndsTheLoopAtOnce() async {
        let terminal = ScriptedTerminal([.send([.key(.character("q"))])])
        let final = await Self.program(terminal, backend: ProgramTestBackend(runs: [])).run()
        #expect(final.shouldQuit)
        #expect(!terminal.timedOut)
    }

    @Test func framesAreSentOnlyWhenThePictureChanges() async {
        let terminal = ScriptedTerminal([
            .waitUntilShown("run 1"), .send([]), .send([]), .send([.key(.character("q"))]),
        ])
        _ = await Self.program(terminal, backend: ProgramTestBackend(runs: [Self.failed])).run()
        let frames = terminal.frames
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $0 != $1 })
    }

    @Test func theEditorRunsInsideSuspendAndTheSaveIsValidated() async {
        let backend = ProgramTestBackend(runs: [], flows: ["orders"])
        let terminal = ScriptedTerminal([
            .waitUntilShown("route activity"), .send([.key(.character("F"))]),
            .waitUntilShown("flow orders"), .send([.key(.character("e"))]),
            .waitUntilShown("definitionValid"), .send([.key(.control("c"))]),
        ])
        let probe = EditorProbe()
        let program = Self.program(terminal, backend: backend) { path in
            MainActor.assumeIsolated { probe.record(path, suspended: terminal.isSuspended) }
        }
        let final = await program.run()
        #expect(!terminal.timedOut)
        #expect(probe.openings.map(\.path) == ["/tmp/flows/orders.yaml"])
        #expect(probe.openings.first?.suspended == true)
        #expect(terminal.suspensions == 1)
        #expect(await backend.validations == 1)
        #expect(final.status.message == .definitionValid(flow: "orders"))
    }

    @Test func aDefinitionWithoutALocalFileIsNotOpened() async {
        let backend = ProgramTestBackend(runs: [], flows: ["orders"], definitionPath: nil)
        let terminal = ScriptedTerminal([
            .waitUntilShown("flow orders"), .send([.key(.character("e"))]),
            .waitUntilShown("definitionReadOnly"), .send([.key(.control("c"))]),
        ])
        var state = AppState()
        state.stack = [.activity, .flows]
        let program = Program(terminal: terminal, service: FlowService(backend: backend), state: state,
                              render: programTestRender, editor: { _ in Issue.record("editor opened") })
        let final = await program.run()
        #expect(!terminal.timedOut)
        #expect(terminal.suspensions == 0)
        #expect(final.status.message == .definitionReadOnly(flow: "orders", reason: "served by a remote engine"))
    }

    @Test func theEffectRunnerTurnsErrorsIntoOneCleanLine() async {
        let runner = EffectRunner(service: FlowService(backend: ProgramTestBackend(runs: [])))
        let answer = await runner.perform(.loadReport(RunID("9")))
        guard case .reportLoaded(let id, .failure(let error))? = answer else {
            Issue.record("unexpected answer \(String(describing: answer))")
            return
        }
        #expect(id == RunID("9"))
        #expect(error == ErrorText("no run with id 9"))
        #expect(await runner.perform(.editDefinition(flow: "orders")) == nil)
    }
}
