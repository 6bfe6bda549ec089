import Foundation
import Testing

/// The operator's loop in a real terminal: keys in through tmux, the screen read back with colours.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct TroubleshootingLoopE2ETests {
    @Test func authenticationFailureIsVerifiedAndResubmittedOnScreen() async throws {
        try await InterfaceSession.withDemo { session in
            try await session.waitForActivity()
            #expect(try await session.tmux.screen().contains("The valid token for crm is flowdash-demo"),
                    "the demo tells a newcomer what to type")
            try await session.openRun(of: "sync-customers")

            let styled = try await session.tmux.styledScreen()
            let marker = try #require(styled.style(of: "!", onRowContaining: "fetch-customer"))
            #expect(marker.isRed, "the failing step's ! must be red: \(styled.raw)")
            #expect(marker.bold)

            try await session.tmux.press("v")
            try await session.tmux.waitFor(text: "Verify connection crm")
            try await session.tmux.type("not-the-token")
            #expect(!(try await session.tmux.screen()).contains("not-the-token"))
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor(text: "Rejected")

            try await session.tmux.type("flowdash-demo")
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor(text: "Resubmit run")
            try await session.tmux.press("y")
            let screen = try await session.waitForResubmittedRunToSucceed()
            #expect(screen.contains("create-invoice"))
            #expect(!screen.contains("flowdash-demo"))
        }
    }

    @Test func configurationFailureIsEditedInTheEditorAndResubmitted() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let editor = root.appendingPathComponent("fix-path")
        try Data("#!/bin/sh\nsed -i 's#/v1/invoice$#/v1/invoices#' \"$1\"\n".utf8).write(to: editor)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)

        try await InterfaceSession.withDemo(environment: ["EDITOR": editor.path]) { session in
            try await session.waitForActivity()
            try await session.openRun(of: "bill-customers")
            try await session.tmux.waitFor(text: "404")
            try await session.tmux.press("e")
            try await session.tmux.waitFor(text: "Resubmit run")
            try await session.tmux.press("y")
            try await session.waitForResubmittedRunToSucceed()
            let file = session.workspace.appendingPathComponent("flows/bill-customers.yaml")
            #expect(try String(contentsOf: file, encoding: .utf8).contains("/v1/invoices"))
        }
    }
}
