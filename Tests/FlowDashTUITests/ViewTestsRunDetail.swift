import Foundation
import FlowDashCore
import FlowDashScreen
import Testing
@testable import FlowDashTUI

@Suite("ViewTests: run detail")
struct ViewTestsRunDetail {
    /// The failing step's marker cell: the `!` at the start of its row in the steps list.
    func marker(_ probe: BufferProbe) throws -> Cell {
        let row = try #require(probe.find("push-customers")).y
        return probe.buffer[0, row]
    }

    @Test("the failing step's ! is red and bold, and stays so while selected on entry")
    func redMarkerInDefaultDark() throws {
        let probe = ViewFixtures.draw(ViewFixtures.runDetail())
        let cell = try marker(probe)
        #expect(cell.text == "!")
        #expect(cell.style.foreground == .red)
        #expect(cell.style.bold)
        // The row is the selection: highlighted, yet the marker keeps its colour.
        #expect(cell.style.background == .blue)
        let succeededRow = try #require(probe.find("fetch-orders")).y
        #expect(probe.buffer[0, succeededRow].text == "✔")
        #expect(probe.buffer[0, succeededRow].style.background == nil)
    }

    @Test("in monochrome the marker is bold and reverse, with no colour at all")
    func markerInMonochrome() throws {
        let probe = ViewFixtures.draw(ViewFixtures.runDetail(), theme: .monochrome)
        let cell = try marker(probe)
        #expect(cell.text == "!")
        #expect(cell.style.bold && cell.style.reverse)
        #expect(cell.style.foreground == nil && cell.style.background == nil)
        #expect(!probe.buffer.cells.contains { $0.style.foreground != nil || $0.style.background != nil })
    }

    @Test("the failing step's code, message, what happened and how to fix with keys")
    func diagnosisPane() throws {
        for width in [80, 120] {
            let probe = ViewFixtures.draw(ViewFixtures.runDetail(size: (width, 34)))
            let code = try #require(probe.find("401 Unauthorized"))
            #expect(probe.buffer[code.x, code.y].style.foreground == .red)
            #expect(probe.contains("What happened"))
            #expect(probe.contains("How to fix"))
            #expect(probe.contains("─ Repair tips ─"))
            let fix = probe.flowing
            #expect(fix.contains("press v"))
            #expect(fix.contains("press r"))
            #expect(probe.contains("1. Verify connection 'crm'"))
        }
    }

    @Test("on wide terminals how to fix sits beside what happened")
    func sideBySide() throws {
        let probe = ViewFixtures.draw(ViewFixtures.runDetail(size: (120, 30)))
        let what = try #require(probe.find("What happened"))
        let how = try #require(probe.find("How to fix"))
        #expect(how.x >= 60)
        #expect(how.y < what.y)
    }

    @Test("the run header: flow, status, start, inputs, resubmitted from")
    func summaryLine() {
        let probe = ViewFixtures.draw(ViewFixtures.runDetail(size: (160, 30)))
        #expect(probe.contains("Run 12 · sync-customers · failed · started 3m ago"))
        #expect(probe.contains("inputs: region=eu"))
        #expect(probe.contains("resubmitted from run 9"))
        #expect(probe.contains("FlowDash › Activity › Run 12"))
    }

    @Test("an expanded step shows its request and sanitised output")
    func expandedStep() {
        var steps = ViewFixtures.steps
        steps[0] = StepRun(position: 0, name: "fetch-orders", status: .succeeded, connection: "shop",
                           request: "GET http://shop/v1/orders", output: "line one\n\u{1b}[31mred\u{1b}[0m\tend")
        var state = ViewFixtures.runDetail(report: ViewFixtures.report(steps: steps))
        state.runDetail?.selection = 0
        state.runDetail?.expandedStep = 0
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("Request · fetch-orders"))
        #expect(probe.contains("GET http://shop/v1/orders"))
        #expect(probe.contains("line one"))
        #expect(probe.contains("red    end"))
        #expect(!probe.buffer.cells.contains { $0.text.contains("\u{1b}") })
        #expect(!probe.contains("What happened"))
    }

    @Test("selecting a step that went fine still shows the failing step's error")
    func selectedFineStep() {
        var state = ViewFixtures.runDetail()
        state.runDetail?.selection = 0
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("Error · push-customers"))
        #expect(probe.find("fetch-orders").map { probe.buffer[20, $0.y].style.background } == .blue)
    }

    @Test("before the report arrives the screen says it is loading")
    func loading() {
        var state = ViewFixtures.runDetail()
        state.runDetail?.report = nil
        let probe = ViewFixtures.draw(state)
        #expect(probe.contains("Loading run 12…"))
        // The activity row already knows the run, so the header is there.
        #expect(probe.contains("Run 12 · sync-customers"))
    }

    @Test("French run detail: headings and fix sentences")
    func frenchDetail() {
        let probe = ViewFixtures.draw(ViewFixtures.runDetail(size: (120, 34)), language: "fr")
        #expect(probe.contains("Que s'est-il passé ?"))
        #expect(probe.contains("Comment résoudre le problème"))
        #expect(probe.contains("── Conseils de réparation ──"))
        #expect(probe.flowing.contains("touche"))
        #expect(probe.contains("Exécution 12 · sync-customers · échec"))
    }

    @Test("step rows are pure: the failed one carries the failure marker role")
    func stepRowFields() {
        let fields = StepRow.fields(ViewFixtures.steps[1], strings: Strings(language: "en"))
        #expect(fields[0] == RowField("!", .failureMarker))
        #expect(fields.map(\.text) == ["!", "2", "push-customers", "failed", "1.2s", "crm"])
    }
}
