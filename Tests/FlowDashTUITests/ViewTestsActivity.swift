import Foundation
import FlowDashCore
import FlowDashScreen
import Testing
@testable import FlowDashTUI

@Suite("ViewTests: activity list")
struct ViewTestsActivity {
    @Test("failed runs come first with a red ! and their kind and one-line error")
    func failuresFirstWithMarker() throws {
        let probe = ViewFixtures.draw(ViewFixtures.activity())
        let problem = try #require(probe.find("authentication · 401 Unauthorized: invalid or expired token"))
        let other = try #require(probe.find("configuration · 404 Not Found"))
        let succeeded = try #require(probe.find("✔"))
        #expect(problem.y < succeeded.y && other.y < succeeded.y)
        let marker = probe.buffer[0, problem.y]
        #expect(marker.text == "!")
        #expect(marker.style.foreground == .red && marker.style.bold)
    }

    @Test("the section the top row is in titles the list")
    func sectionTitle() {
        let probe = ViewFixtures.draw(ViewFixtures.activity())
        #expect(probe.find("Needs attention (2)")?.y == ScreenLayout.headerRows - 1)
    }

    @Test("a rule under the last run that needs attention separates it from the others")
    func sectionRule() throws {
        let probe = ViewFixtures.draw(ViewFixtures.activity())
        let lastFailure = try #require(probe.find("configuration · 404")).y
        #expect(probe.buffer[5, lastFailure].style.underline)
        #expect(!probe.buffer[5, lastFailure - 1].style.underline)
        #expect(!probe.buffer[5, lastFailure + 1].style.underline)
        #expect(probe.buffer[0, lastFailure].style == Theme.defaultDark[.failureMarker])
    }

    @Test("without colour a failed run still stands out by its glyph, bold and reverse")
    func monochromeActivity() throws {
        let probe = ViewFixtures.draw(ViewFixtures.activity(), theme: .monochrome)
        let row = try #require(probe.find("authentication · 401")).y
        let marker = probe.buffer[0, row]
        #expect(marker.text == "!" && marker.style.bold && marker.style.reverse && marker.style.foreground == nil)
    }

    @Test("the selected row is highlighted, the others are not")
    func selectedRow() throws {
        var state = ViewFixtures.activity()
        state.activity.list.selection = 1
        let probe = ViewFixtures.draw(state)
        let list = ScreenLayout(state).list(for: .activity)
        #expect(probe.buffer[5, list.y + 1].style.background == .blue)
        #expect(probe.buffer[5, list.y].style.background == nil)
        #expect(probe.buffer[5, list.y + 2].style.background == nil)
        // The bar covers the key columns (glyph, run, flow), not the problem text.
        #expect(probe.buffer[list.maxX - 1, list.y + 1].style.background == nil)
    }

    @Test("row r of the list rect shows visible run offset + r, as the mouse hit-tests it")
    func rowsMatchLayout() throws {
        let runs = (1...12).map { ViewFixtures.run("r\($0)", status: .succeeded, minutesAgo: Double($0)) }
        var state = ViewFixtures.activity(size: (80, 10), runs: runs)
        state.activity.list.selection = 7
        state.activity.list.offset = 2
        let probe = ViewFixtures.draw(state)
        let list = ScreenLayout(state).list(for: .activity)
        let visible = visibleRuns(state)
        for row in 0..<list.height {
            let id = probe.text(x: 3, y: list.y + row, width: 3).trimmingCharacters(in: .whitespaces)
            #expect(id == visible[2 + row].id.rawValue)
        }
        #expect(probe.buffer[10, list.y + 5].style.background == .blue)
    }

    @Test("escape sequences in remote text never reach a cell")
    func escapesNeverReachCells() {
        let evil = RunFailure(kind: .other, code: "500\u{1b}[2J", message: "boom\u{1b}]0;pwned\u{07} done", step: "x")
        let state = ViewFixtures.activity(runs: [
            ViewFixtures.run("7", flow: "evil\u{1b}[31mflow\u{9b}1m", status: .failed, minutesAgo: 2, failure: evil),
        ])
        let probe = ViewFixtures.draw(state)
        #expect(!probe.buffer.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
        #expect(probe.contains("evilflow"))
        #expect(probe.contains("boom done"))
        #expect(!probe.contains("pwned") && !probe.contains("[31m"))
    }

    @Test("wide flow names keep the columns after them aligned")
    func wideTextAlignment() throws {
        let state = ViewFixtures.activity(runs: [
            ViewFixtures.run("1", flow: "漢字のフロー", status: .succeeded, minutesAgo: 5),
            ViewFixtures.run("2", flow: "sync", status: .succeeded, minutesAgo: 5),
        ])
        let probe = ViewFixtures.draw(state)
        let wide = try #require(probe.find("漢字のフロー"))
        let narrow = try #require(probe.find("sync"))
        #expect(wide.x == narrow.x)
        #expect(probe.find("5m ago", row: wide.y) == probe.find("5m ago", row: narrow.y))
        #expect(probe.find("5m ago", row: wide.y) == wide.x + 12 + Columns.gap)
    }

    @Test("empty, loading and filtered-out lists each say so")
    func emptyStates() {
        var state = ViewFixtures.activity(runs: [])
        #expect(ViewFixtures.draw(state).contains("No runs yet"))
        state.activity.list.loaded = false
        #expect(ViewFixtures.draw(state).contains("Loading runs…"))
        state = ViewFixtures.activity()
        state.activity.filterText = "nothing-like-this"
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("No run matches the filter"))
        #expect(probe.contains("filter: nothing-like-this"))
    }

    @Test("the status filter is shown when it narrows the list")
    func statusFilterIndicator() {
        var state = ViewFixtures.activity()
        state.activity.statusFilter = .failed
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("showing: failed"))
        #expect(!probe.contains("✔"))
    }

    @Test("a run's time is relative to now and absolute")
    func whenColumn() {
        let probe = ViewFixtures.draw(ViewFixtures.activity())
        #expect(probe.contains("3m ago " + TimeText.clock(ViewFixtures.runs[1].startedAt, now: ViewFixtures.now)))
    }

    @Test("French and Dutch draw the header and sections in that language")
    func translatedActivity() {
        let french = ViewFixtures.draw(ViewFixtures.activity(), language: "fr")
        #expect(french.contains("FlowDash › Activité"))
        #expect(french.contains("exécutions 4 · échecs 2"))
        #expect(french.contains("À traiter (2)"))
        #expect(french.contains("il y a 3 min"))
        #expect(french.contains("authentification · 401"))
        let dutch = ViewFixtures.draw(ViewFixtures.activity(), language: "nl")
        #expect(dutch.contains("FlowDash › Activiteit"))
        #expect(dutch.contains("Actie vereist (2)"))
        #expect(dutch.contains("3 min geleden"))
    }

    @Test("row fields are pure: glyph, id, flow, when, problem")
    func runRowFields() {
        let fields = RunRow.fields(ViewFixtures.runs[1], now: ViewFixtures.now, strings: Strings(language: "en"))
        #expect(fields.map(\.role) == [.failureMarker, .dim, .text, .dim, .errorText])
        #expect(fields[0].text == "!" && fields[1].text == "12" && fields[2].text == "sync-customers")
        #expect(RunRow.marker(for: .interrupted).0 == "⚠" && RunRow.marker(for: .queued).0 == "·")
    }
}
