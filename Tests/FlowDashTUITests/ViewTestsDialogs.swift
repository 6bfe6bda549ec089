import Foundation
import FlowDashCore
import FlowDashScreen
import Testing
@testable import FlowDashTUI

@Suite("ViewTests: dialogs and prompts")
struct ViewTestsDialogs {
    func verifying(_ secret: String, phase: VerifyDialog.Phase = .typing) -> AppState {
        var state = ViewFixtures.runDetail()
        var dialog = VerifyDialog(connection: "crm", returnTo: RunID("12"))
        dialog.secret = secret
        dialog.phase = phase
        state.modal = .verify(dialog)
        return state
    }

    @Test("the verify dialog shows one • per character and never the secret")
    func verifyMasksSecret() throws {
        let probe = ViewFixtures.draw(verifying("hunter2"))
        #expect(probe.contains("Verify connection crm"))
        #expect(probe.contains("Secret: •••••••▏"))
        #expect(!probe.contains("hunter2"))
        let field = try #require(probe.find("Secret: "))
        let shown = probe.text(x: field.x + 8, y: field.y, width: 20)
        #expect(shown.allSatisfy { "•▏ ".contains($0) })
    }

    @Test("the verify dialog says where the check is: typing, probing, rejected")
    func verifyPhases() throws {
        #expect(ViewFixtures.draw(verifying("")).contains("Type the secret"))
        #expect(ViewFixtures.draw(verifying("x", phase: .probing)).contains("Checking with the server…"))
        let rejected = ViewFixtures.draw(verifying("", phase: .rejected("401 invalid\u{1b}[2J token")))
        #expect(rejected.contains("Rejected: 401 invalid token"))
        #expect(rejected.style(of: "Rejected")?.foreground == .red)
    }

    @Test("the resubmit confirmation names the run and the flow, with its keys")
    func confirmResubmit() {
        var state = ViewFixtures.activity()
        state.modal = .confirm(ConfirmRequest(action: .resubmit(RunID("12"))))
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("Resubmit run 12 of sync-customers with the same inputs?"))
        #expect(probe.contains("[y] yes   [n] no"))
        let french = ViewFixtures.draw(state, language: "fr")
        #expect(french.flowing.contains("Soumettre à nouveau"))
        #expect(french.contains("[y] oui   [n] non"))
    }

    @Test("help lists every binding of the screen with its localized text")
    func helpListsEveryBinding() throws {
        for route in [Route.activity, .runDetail(RunID("12")), .connections, .flows, .definitionFailure(file: "a.py"),
                      .inbox, .ledger, .bulkResubmit] {
            var state = route == .activity ? ViewFixtures.activity(size: (100, 40)) : ViewFixtures.runDetail(size: (100, 40))
            state.stack = route == .activity ? [.activity] : [.activity, route]
            state.modal = .help
            let strings = Strings(language: "nl")
            let probe = BufferProbe(render(state, theme: .defaultDark, strings: strings, now: ViewFixtures.now))
            let bindings = KeyMap.bindings(for: route)
            #expect(!bindings.isEmpty)
            for binding in bindings {
                let found = probe.buffer.lines.contains { $0.contains(binding.label) && $0.contains(strings.help(for: binding.action)) }
                #expect(found, "\(route): \(binding.label) \(binding.action)")
            }
        }
    }

    @Test("on a short terminal help keeps this screen's fixes and marks the cut")
    func helpOnAShortTerminal() throws {
        var state = ViewFixtures.runDetail(size: (80, 14))
        state.stack = [.activity, .connections]
        state.modal = .help
        let strings = Strings(language: "en")
        let probe = BufferProbe(render(state, theme: .defaultDark, strings: strings, now: ViewFixtures.now))
        #expect(probe.contains(strings.help(for: .verify)))
        #expect(probe.contains("…"))
    }

    @Test("help greys out a refused key and says why")
    func helpDisabledReason() throws {
        var state = ViewFixtures.activity(size: (100, 40))
        state.readOnly = true
        state.modal = .help
        let probe = ViewFixtures.draw(state)
        let row = try #require(probe.find("Run the selected run again"))
        #expect(probe.find("(off: read-only mode)", row: row.y) != nil)
        #expect(probe.buffer[row.x, row.y].style.dim)
    }

    @Test("the command line and the filter prompt take the bottom row")
    func prompts() {
        var state = ViewFixtures.activity()
        state.modal = .commandLine(PromptState(text: "theme mono"))
        var probe = ViewFixtures.draw(state)
        #expect(probe.buffer.lines.last?.hasPrefix(":theme mono") == true)
        state.modal = .filter(PromptState(text: "crm"))
        probe = ViewFixtures.draw(state)
        #expect(probe.buffer.lines.last?.hasPrefix("/crm") == true)
    }
}
