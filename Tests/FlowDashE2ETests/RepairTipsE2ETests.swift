import Foundation
import Testing

/// `:tips` and the `t` switch in a real terminal, on the demo.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct RepairTipsE2ETests {
    @Test func tipsListTheFailingFlowsAndTheSwitchShowsThere() async throws {
        try await InterfaceSession.withDemo { session in
            try await session.waitForActivity()
            try await session.tmux.press(":")
            try await session.tmux.type("tips")
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor("the tips screen") { screen in
                screen.contains("Failing since") && screen.contains("sync-customers") && screen.contains("Troubleshooting")
            }

            try await session.tmux.press("F")
            try await session.tmux.waitFor(text: "bill-customers")
            try await session.tmux.press("t")
            try await session.tmux.waitFor(text: "Repair tips for flow bill-customers are off")

            try await session.tmux.press(":")
            try await session.tmux.type("tips")
            try await session.tmux.press("Enter")
            let screen = try await session.tmux.waitFor("bill-customers marked off") { screen in
                screen.split(separator: "\n").contains { $0.contains("bill-customers") && $0.contains(" off ") }
            }
            #expect(screen.contains("sync-customers"), "a flow with tips off is listed with the others")
        }
    }
}
