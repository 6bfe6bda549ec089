import FlowDashCore
import FlowDashScreen
import FlowDashService
@testable import FlowDashTUI
import Foundation
import Testing

/// The loop with a backend that reruns failed steps in place and reports broken definitions,
/// as Airflow does.
@MainActor
struct ProgramTestsAirflowActions {
    static let broken = DefinitionFailure(
        file: "/dags/broken.py", flow: nil, seenAt: nil,
        problem: DefinitionProblem(file: "/dags/broken.py", line: 2, message: "SyntaxError: invalid syntax"))

    @Test func theDryRunThenTheRealRerunReachTheBackendInThatOrder() async {
        let backend = RerunningProgramTestBackend(ProgramTestBackend(runs: [ProgramTests.failed]), failedSteps: 2)
        let terminal = ScriptedTerminal([
            .waitUntilShown("run 1 failed"), .send([.key(.character("x"))]),
            .waitUntilShown("rerunFailedSteps"), .send([.key(.character("y"))]),
            .waitUntilShown("failedStepsRerun"), .send([.key(.control("c"))]),
        ])
        let program = Program(terminal: terminal, service: FlowService(backend: backend), state: AppState(),
                              render: programTestRender, editor: { _ in })
        let final = await program.run()
        #expect(!terminal.timedOut)
        let calls = await backend.rerunCalls
        #expect(calls.map(\.run) == [RunID("1"), RunID("1")])
        #expect(calls.map(\.dryRun) == [true, false])
        #expect(final.canRerunFailedSteps)
        #expect(final.status.message == .failedStepsRerun(RunID("1"), count: 2))
    }

    @Test func onAnEngineWithoutInPlaceRerunsXOnlySaysToResubmit() async {
        let backend = ProgramTestBackend(runs: [ProgramTests.failed])
        let terminal = ScriptedTerminal([
            .waitUntilShown("run 1 failed"), .send([.key(.character("x"))]),
            .waitUntilShown("rerunsByResubmitting"), .send([.key(.control("c"))]),
        ])
        let final = await ProgramTests.program(terminal, backend: backend).run()
        #expect(!terminal.timedOut)
        #expect(!final.canRerunFailedSteps)
        #expect(final.modal == nil)
    }

    @Test func aBrokenDefinitionIsListedFirstAndOpens() async {
        let backend = ProgramTestBackend(runs: [ProgramTests.failed], definitionFailures: .success([Self.broken]))
        let terminal = ScriptedTerminal([
            .waitUntilShown("broken /dags/broken.py"), .send([.key(.enter)]),
            .waitUntilShown("route definitionFailure"), .send([.key(.control("c"))]),
        ])
        let final = await ProgramTests.program(terminal, backend: backend).run()
        #expect(!terminal.timedOut)
        #expect(final.route == .definitionFailure(file: "/dags/broken.py"))
        let listed = terminal.frames.first { $0.lines.contains { $0.hasPrefix("broken /dags") } }
        let rows = listed?.lines.map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        #expect(rows.prefix(3) == ["route activity", "broken /dags/broken.py", "run 1 failed"])
    }

    @Test func aRemoteDefinitionOpensItsSourceReadOnly() async {
        let backend = ProgramTestBackend(runs: [], flows: ["orders"], definitionPath: nil)
        let terminal = ScriptedTerminal([
            .waitUntilShown("flow orders"), .send([.key(.character("e"))]),
            .waitUntilShown("source steps: []"), .send([.key(.escape)]),
            .waitUntilShown("route flows"), .send([.key(.control("c"))]),
        ])
        var state = AppState()
        state.stack = [.activity, .flows]
        let program = Program(terminal: terminal, service: FlowService(backend: backend), state: state,
                              render: programTestRender, editor: { _ in Issue.record("editor opened") })
        let final = await program.run()
        #expect(!terminal.timedOut)
        #expect(terminal.suspensions == 0)
        #expect(final.source == nil)
    }

    @Test func theActivityRefreshAsksForBrokenDefinitionsAndSurvivesTheirFailure() async {
        let working = EffectRunner(service: FlowService(backend: ProgramTestBackend(
            runs: [ProgramTests.failed], definitionFailures: .success([Self.broken]))))
        let answer = await working.perform(.loadActivity)
        guard case .activityLoaded(.success(let runs), .success(let failures))? = answer else {
            Issue.record("loadActivity did not load both")
            return
        }
        #expect(runs.map(\.id) == [RunID("1")])
        #expect(failures == [Self.broken])
        let failing = EffectRunner(service: FlowService(backend: ProgramTestBackend(
            runs: [ProgramTests.failed], definitionFailures: .failure(.unreachable("import errors: 503")))))
        let degraded = await failing.perform(.loadActivity)
        guard case .activityLoaded(.success(let kept), .failure(let error))? = degraded else {
            Issue.record("a failed listing hid the runs")
            return
        }
        #expect(kept.map(\.id) == [RunID("1")])
        #expect(error == ErrorText("cannot reach the backend: import errors: 503"))
    }

    @Test func theRunnerAnswersADryRunAndARerunApart() async {
        let backend = RerunningProgramTestBackend(ProgramTestBackend(runs: [ProgramTests.failed]), failedSteps: 3)
        let runner = EffectRunner(service: FlowService(backend: backend))
        let counted = await runner.perform(.rerunFailedSteps(RunID("1"), dryRun: true))
        let rerun = await runner.perform(.rerunFailedSteps(RunID("1"), dryRun: false))
        guard case .failedStepsCounted(RunID("1"), .success(3))? = counted,
              case .failedStepsRerun(RunID("1"), .success(3))? = rerun else {
            Issue.record("unexpected answers")
            return
        }
        let embedded = EffectRunner(service: FlowService(backend: ProgramTestBackend(runs: [ProgramTests.failed])))
        let refused = await embedded.perform(.rerunFailedSteps(RunID("1"), dryRun: true))
        guard case .failedStepsCounted(_, .failure(let error))? = refused else {
            Issue.record("an engine without in-place reruns answered")
            return
        }
        #expect(error.message.contains("cannot rerun only the failed steps"))
    }
}
