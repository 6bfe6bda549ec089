import Foundation
import Testing

/// The terminal around the loop: sizes, colour rules, language, hostile text, signals.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct TerminalE2ETests {
    @Test func resizingRedrawsAtOnceAndATinyTerminalSaysSo() async throws {
        try await InterfaceSession.withDemo { session in
            try await session.waitForActivity()
            try await session.tmux.resize(width: 80, height: 24)
            try await session.tmux.waitFor("the list at 80 columns") { screen in
                screen.contains("sync-customers") && screen.split(separator: "\n").count <= 24
            }
            try await session.tmux.resize(width: 30, height: 8)
            try await session.tmux.waitFor(text: "too small")
            try await session.tmux.resize(width: 100, height: 30)
            try await session.tmux.waitFor(text: "sync-customers")
        }
    }

    @Test func noColorKeepsTheMarkerVisibleWithoutColour() async throws {
        try await InterfaceSession.withDemo(environment: ["NO_COLOR": "1"]) { session in
            try await session.waitForActivity()
            try await session.openRun(of: "sync-customers")
            let styled = try await session.tmux.styledScreen()
            #expect(!styled.hasAnyColor, "NO_COLOR must give no colour: \(styled.raw)")
            let marker = try #require(styled.style(of: "!", onRowContaining: "fetch-customer"))
            #expect(marker.bold || marker.reverse)
        }
    }

    @Test func frenchIsSpokenOnRequest() async throws {
        try await InterfaceSession.withDemo(arguments: ["--lang", "fr"]) { session in
            try await session.tmux.waitFor(text: "À traiter", timeout: .seconds(60))
        }
    }

    @Test func escapeSequencesInAnErrorAreDrawnHarmlessly() async throws {
        try await InterfaceSession.withDemo { session in
            try await session.waitForActivity()
            let flow = "steps:\n  - name: read-report\n    connection: reports\n    path: /v1/hostile\n"
            try Data(flow.utf8).write(to: session.workspace.appendingPathComponent("flows/hostile.yaml"))
            let titleBefore = try await session.tmux.format("#{pane_title}")

            let runner = Process()
            runner.executableURL = URL(fileURLWithPath: InterfaceSession.flowdash)
            runner.arguments = ["run", "hostile", "--wait", "--workspace", session.workspace.path]
            runner.environment = ["HOME": session.root.path, "XDG_STATE_HOME": session.root.appendingPathComponent("state").path]
            runner.standardOutput = FileHandle.nullDevice
            runner.standardError = FileHandle.nullDevice
            try runner.run()
            runner.waitUntilExit()

            try await session.tmux.waitFor(text: "runs 13")
            try await session.openRun(of: "hostile")
            let shown = try await session.tmux.waitFor(text: "red alert")
            #expect(!shown.contains("\u{1b}"))
            #expect(!shown.contains("]0;pwned"))
            #expect(try await session.tmux.format("#{pane_title}") == titleBefore)
        }
    }

    @Test func sigtermLeavesASaneTerminal() async throws {
        try await InterfaceSession.withDemo { session in
            try await session.waitForActivity()
            let pid = try #require(try await session.tmux.appPid())
            kill(pid, SIGTERM)
            let screen = try await session.tmux.waitFor(text: "TTY=")
            #expect(screen.contains("EXIT=0"))
            #expect(screen.contains("TTY=icanon"))
            #expect(try await session.tmux.format("#{alternate_on}") == "0")
            #expect(try await session.tmux.format("#{cursor_flag}") == "1")
        }
    }
}
