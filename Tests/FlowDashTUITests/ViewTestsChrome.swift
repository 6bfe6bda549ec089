import Foundation
import FlowDashCore
import FlowDashScreen
import Testing
@testable import FlowDashTUI

@Suite("ViewTests: frame, sizes, status line, other screens")
struct ViewTestsChrome {
    @Test("tiny terminals render without crashing, at exactly their size", arguments: [
        (0, 0), (1, 1), (2, 1), (1, 5), (39, 9), (39, 30), (100, 9), (40, 10),
    ])
    func tinySizes(width: Int, height: Int) {
        for var state in [ViewFixtures.activity(size: (width, height)), ViewFixtures.runDetail(size: (width, height))] {
            state.modal = .help
            let buffer = render(state, theme: .defaultDark, strings: Strings(language: "en"), now: ViewFixtures.now)
            #expect(buffer.width == width && buffer.height == height)
        }
    }

    @Test("below 40×10 only the too-small message is drawn, as much as fits")
    func tooSmallMessage() {
        let probe = ViewFixtures.draw(ViewFixtures.activity(size: (39, 9)))
        let text = probe.flowing
        #expect(text.contains("Terminal too small: need 40×10, have 39×9"))
        #expect(ViewFixtures.draw(ViewFixtures.activity(size: (1, 1))).buffer[0, 0].text == "T")
        let dutch = ViewFixtures.draw(ViewFixtures.activity(size: (60, 5)), language: "nl")
        #expect(dutch.contains("Terminal te klein"))
        #expect(!ViewFixtures.draw(ViewFixtures.activity(size: (40, 10))).contains("too small"))
    }

    @Test("the status line shows the spinner while work is in flight")
    func spinner() {
        var state = ViewFixtures.activity()
        state.status.inFlight = 1
        state.status.spinnerFrame = 2
        state.status.message = .loading
        var last = ViewFixtures.draw(state).buffer.lines.last ?? ""
        #expect(last.hasPrefix(Spinner.glyph(2) + " Loading…"))
        state.status.inFlight = 0
        last = ViewFixtures.draw(state).buffer.lines.last ?? ""
        #expect(last.hasPrefix("Loading…"))
    }

    @Test("status messages are in the user's language and coloured by kind")
    func statusMessage() throws {
        var state = ViewFixtures.activity()
        state.status.message = .resubmitted(from: RunID("12"), to: RunID("14"))
        state.status.kind = .success
        let english = ViewFixtures.draw(state)
        #expect(english.style(of: "Run 12 resubmitted as run 14.")?.foreground == .green)
        #expect(ViewFixtures.draw(state, language: "nl").contains("Uitvoering 12 opnieuw verzonden als uitvoering 14."))
        state.status.message = .failed(ErrorText("backend down"))
        state.status.kind = .error
        #expect(ViewFixtures.draw(state, language: "fr").style(of: "Erreur : backend down")?.foreground == .red)
    }

    @Test("the hint bar names the keys of the screen, dimming refused ones")
    func hintBar() throws {
        var state = ViewFixtures.runDetail()
        var probe = ViewFixtures.draw(state)
        let hints = probe.buffer.lines[ScreenLayout(state).hintBar.y]
        for text in ["v verify", "e edit", "r resubmit", "? help"] { #expect(hints.contains(text)) }
        #expect(probe.style(of: "r resubmit")?.dim == false)
        state.readOnly = true
        probe = ViewFixtures.draw(state)
        #expect(probe.style(of: "r resubmit")?.dim == true)
        #expect(probe.buffer.lines.last?.hasSuffix("read-only mode") == true)
    }

    @Test("connections: unauthorized in red, connected in green, never-verified said so")
    func connections() throws {
        var state = ViewFixtures.activity()
        state.stack = [.activity, .connections]
        state.connections.items = [
            ConnectionInfo(name: "crm", auth: "bearer", target: "http://crm", status: .unauthorized,
                           lastVerifiedAt: ViewFixtures.now.addingTimeInterval(-7200), lastError: "401 bad\u{1b}[0m token"),
            ConnectionInfo(name: "shop", auth: "basic", target: "http://shop", status: .connected),
        ]
        state.connections.loaded = true
        let probe = ViewFixtures.draw(state)
        #expect(probe.style(of: "unauthorized")?.foreground == .red)
        #expect(probe.style(of: "connected")?.foreground == .green)
        #expect(probe.contains("never"))
        #expect(probe.contains("2h ago"))
        #expect(probe.contains("401 bad token"))
        #expect(probe.find("Name")?.y == 1)
        #expect(probe.contains("FlowDash › Activity › Connections"))
    }

    @Test("flows: name, steps, owner, inputs, description; empty says so")
    func flows() {
        var state = ViewFixtures.activity()
        state.stack = [.activity, .flows]
        state.flows.items = [FlowSummary(name: "sync-customers", description: "Copies customers", owner: "ops",
                                         stepCount: 3, inputs: ["region": "eu"])]
        state.flows.loaded = true
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("sync-customers"))
        #expect(probe.contains("Copies customers"))
        #expect(probe.find("region")?.y == probe.find("sync-customers")?.y)
        state.flows.items = []
        #expect(ViewFixtures.draw(state).contains("No flows in this workspace."))
    }
}
