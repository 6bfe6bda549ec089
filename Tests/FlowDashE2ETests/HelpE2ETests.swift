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
            let archive = try #require(files.first.map { folder.appendingPathComponent($0) })
            let environment = try Self.extract("environment.json", from: archive)
            #expect(environment.contains("\"flowdashVersion\" : \"0.1.0\"") || environment.contains("\"flowdashVersion\":\"0.1.0\""),
                    "the interface's bundle carries the version as the CLI's does: \(environment)")
        }
    }

    /// One file of a .tar.gz, read through the system tar (as support would open it).
    private static func extract(_ name: String, from archive: URL) throws -> String {
        let tar = Process()
        let output = Pipe()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzOf", archive.path, "--wildcards", "*" + name]
        tar.standardOutput = output
        try tar.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        tar.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
