import FlowDashCore
import FlowDashScreen
import FlowDashService
@testable import FlowDashTUI
import Foundation
import Testing

/// The scripted flow the end-to-end test follows: G, the group, r, the count, Enter; each event
/// of the bulk resubmit reaches the screen through the loop while the stream still runs.
@MainActor
struct ProgramTestsBulk {
    @Test func gThenROnTheGroupThenTheCountResubmitsTheWholeGroup() async {
        let backend = ResubmittingTestBackend([
            EffectRunnerBulkTests.failed("1", flow: "a"), EffectRunnerBulkTests.failed("2", flow: "b"),
        ])
        let terminal = ScriptedTerminal([
            .waitUntilShown("run 2 failed"), .send([.key(.character("G"))]),
            .waitUntilShown("group connection:crm:authentication 2"), .send([.key(.character("r"))]),
            .waitUntilShown("modal bulkResubmit"), .send([.key(.character("2")), .key(.enter)]),
            .waitUntilShown("bulkResubmitFinished"), .send([.key(.control("c"))]),
        ])
        let program = Program(terminal: terminal, service: FlowService(backend: backend), state: AppState(),
                              render: programTestRender, editor: { _ in })
        let final = await program.run()
        #expect(!terminal.timedOut)
        #expect(final.route == .bulkResubmit)
        #expect(final.bulk?.list.items.map(\.outcome) == [.finished(.succeeded), .finished(.succeeded)])
        #expect(final.bulk?.tally.submitted == 2)
        // why: the submitted events were drawn before the stream ended, not all at once after it.
        let framesWithAStart = terminal.frames.filter { frame in
            frame.lines.contains { $0.contains("bulk") && $0.contains("submitted") }
        }
        #expect(!framesWithAStart.isEmpty)
    }
}
