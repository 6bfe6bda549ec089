import Foundation
import FlowDashCore
import FlowDashScreen
import Testing
@testable import FlowDashTUI

@Suite("ViewTests: read-only source")
struct ViewTestsSource {
    static func state(_ text: String, size: (width: Int, height: Int) = (80, 24), offset: Int = 0,
                      reason: String = "the DAG file is on the scheduler's host") -> AppState {
        var state = ViewFixtures.activity(size: size)
        state.stack = [.activity, .flows, .source(flow: "orders")]
        state.source = SourceViewState(flow: "orders", reason: reason, text: text)
        state.source?.offset = offset
        return state
    }

    static let dag = (1...40).map { "line \($0) = task_\($0)()" }.joined(separator: "\n")

    @Test("the reason heads the numbered text; the title bar names the flow")
    func headerAndLines() throws {
        let probe = ViewFixtures.draw(Self.state(Self.dag))
        #expect(probe.find("the DAG file is on the scheduler's host")?.y == 1)
        #expect(probe.find("Source of orders (read-only)")?.y == 0)
        let first = try #require(probe.find("line 1 = task_1()"))
        #expect(first.y == ScreenLayout.headerRows)
        #expect(probe.text(x: 0, y: first.y, width: first.x) == " 1 │ ")
        #expect(probe.contains("line 20 = task_20()"))
        #expect(!probe.contains("line 21 = task_21()"))
        #expect(probe.find("Esc back")?.y == 22)
    }

    @Test("scrolled, the body starts at the offset")
    func scrolled() throws {
        let probe = ViewFixtures.draw(Self.state(Self.dag, offset: 20))
        #expect(probe.find("line 21 = task_21()")?.y == ScreenLayout.headerRows)
        #expect(probe.contains("line 40 = task_40()"))
        #expect(!probe.contains("line 20 = task_20()"))
    }

    @Test("wide characters wrap by display width and never split")
    func wideCharacters() throws {
        let wide = String(repeating: "語", count: 50)
        let probe = ViewFixtures.draw(Self.state("x = '" + wide + "'\nend", size: (40, 10)))
        // 36 text columns after the "1 │ " gutter: "x = '" and 15, then 18, then 17 and "'".
        let rows = probe.buffer.lines.dropFirst(2).prefix(3).map { $0.filter { $0 == "語" }.count }
        #expect(rows == [15, 18, 17])
        #expect(probe.text(x: 0, y: 3, width: 4) == "  │ ")
        #expect(probe.find("end")?.y == 5)
    }

    @Test("hostile text is drawn harmless, in French too")
    func sanitisedAndTranslated() {
        let state = Self.state("a\u{1b}[2Jb\u{1b}]0;x\u{07}c", reason: "loin\u{1b}[31m")
        let probe = ViewFixtures.draw(state, language: "fr")
        #expect(probe.contains("abc"))
        #expect(probe.contains("Source de orders (lecture seule)"))
        #expect(probe.find("loin")?.y == 1)
        #expect(!probe.buffer.lines.joined().contains("\u{1b}"))
    }

    @Test("a long reason wraps over the first rows of the body, at most three, and the text follows")
    func longReason() throws {
        let reason = "the DAG file (/opt/airflow/dags/orders.py) is on the Airflow host, not on this machine; "
            + "edit it there (shown: the source Airflow last loaded)"
        let probe = ViewFixtures.draw(Self.state(Self.dag, reason: reason))
        #expect(probe.flowing.contains("edit it there (shown: the source Airflow last loaded)"))
        let first = try #require(probe.find("line 1 = task_1()"))
        #expect(first.y == 3)
        #expect(probe.find("line 19 = task_19()")?.y == 21)
        let endless = String(repeating: "far away ", count: 80)
        let cut = ViewFixtures.draw(Self.state(Self.dag, reason: endless))
        #expect(cut.find("line 1 = task_1()")?.y == 4)
        #expect(cut.find("…")?.y == 3)
    }

    @Test("an empty source says so")
    func empty() {
        #expect(ViewFixtures.draw(Self.state("\n  \n")).contains("(empty file)"))
    }

    @Test("tiny terminals render without crashing, at exactly their size",
          arguments: [(20, 5), (40, 10), (41, 11), (1, 1), (0, 0)])
    func tiny(width: Int, height: Int) {
        let probe = ViewFixtures.draw(Self.state(Self.dag + "\n" + String(repeating: "語", count: 30),
                                                 size: (width, height), offset: 3))
        #expect(probe.buffer.width == width && probe.buffer.height == height)
    }
}
