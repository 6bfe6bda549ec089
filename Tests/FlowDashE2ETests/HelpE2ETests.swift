import Foundation
import Testing

/// `h` on a failure of kind other, then `b`, in a real terminal on the demo.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct HelpE2ETests {
    @Test func helpOnTheNoManagerFailureListsThatEntryFirstAndWritesABundle() async throws {
        try await InterfaceSession.withDemo { session in
            try await session.waitForActivity()
            try await session.openRun(of: "notify-manager")
            try await session.tmux.waitFor(text: "press h for matching solutions")
            try await session.tmux.press("h")
            let screen = try await session.tmux.waitFor("the solutions") { $0.contains("#2 ") && $0.contains("#1 Directory lookup has no manager") }
            #expect(screen.contains("code 422"), "why it matched")
            #expect(screen.contains("notify-manager"), "FLOW filled in")

            try await session.tmux.press("b")
            try await session.tmux.waitFor(text: "Support bundle written, secrets removed")
            let folder = session.root.appendingPathComponent("data/flowdash/support")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            #expect(files.count == 1 && files.first?.hasPrefix("flowdash-support-") == true)
        }
    }
}
