import FlowDashCore
import FlowDashKnowledge
import FlowDashScreen
import Foundation
import Testing
@testable import FlowDashTUI

/// The Help screen and the "ask for help" form.
struct ViewTestsHelp {
    private static func solution(_ id: String, title: String, steps: [String]) -> Solution {
        let entry = KnowledgeEntry(id: id, title: title, kinds: [.other], codes: ["422"], keywords: [],
                                   symptoms: "The step answers 422 naming a manager.",
                                   causes: "The person has no manager in the directory.", steps: steps)
        return Solution(entry: entry, score: 2, matchedCode: true, matchedKind: true)
    }

    private static func helpScreen(size: (width: Int, height: Int) = (100, 30), selection: Int = 0,
                                   expanded: Int? = nil) -> AppState {
        var state = ViewFixtures.activity(size: size)
        state.stack = [.activity, .runDetail(RunID("12")), .help(RunID("12"))]
        var help = HelpState(runID: RunID("12"))
        help.solutions = [
            solution("missing-manager", title: "No manager configured 管理者", steps: ["Open `FLOW` and rerun RUN via CONNECTION."]),
            solution("validation", title: "Validation failed", steps: ["Read the message."]),
        ]
        help.placeholders = ["RUN": "12", "FLOW": "notify-manager", "CONNECTION": "hr"]
        help.code = "422"
        help.kind = .other
        help.loaded = true
        help.selection = selection
        help.expanded = expanded
        state.help = help
        return state
    }

    @Test func theSolutionsShowBestFirstWithWhyAndFilledSteps() {
        let probe = ViewFixtures.draw(Self.helpScreen())
        #expect(probe.contains("Solutions for run 12, best first"))
        let first = probe.find("#1 No manager configured 管理者")
        let second = probe.find("#2 Validation failed")
        #expect(first != nil && second != nil && (first?.y ?? 0) < (second?.y ?? 0))
        #expect(probe.contains("code 422 · kind other"))
        #expect(probe.contains("1. Open notify-manager and rerun 12 via hr."))
        #expect(!probe.contains("Symptoms"))
        #expect(probe.style(of: "#1 No manager") == Theme.defaultDark[.selection])
        #expect(probe.contains("b bundle"))
        #expect(probe.contains("a ask"))
    }

    @Test func anExpandedEntryShowsItsSymptomsAndCauses() {
        let probe = ViewFixtures.draw(Self.helpScreen(expanded: 0))
        #expect(probe.contains("Symptoms"))
        #expect(probe.flowing.contains("The person has no manager in the directory."))
    }

    @Test func theSelectedEntryIsScrolledIntoSightOnASmallTerminal() {
        let probe = ViewFixtures.draw(Self.helpScreen(size: (40, 10), selection: 1, expanded: 1))
        #expect(probe.contains("#2 Validation failed"))
        #expect(probe.buffer.width == 40 && probe.buffer.height == 10)
    }

    @Test(arguments: [(0, 0), (3, 2), (40, 10), (41, 11)])
    func tinyTerminalsDrawTheHelpScreenAtTheirSize(width: Int, height: Int) {
        let probe = ViewFixtures.draw(Self.helpScreen(size: (width, height), expanded: 0))
        #expect(probe.buffer.width == width && probe.buffer.height == height)
    }

    @Test func anEmptyListSaysHowToAskOrBundle() {
        var state = Self.helpScreen()
        state.help?.solutions = []
        let text = ViewFixtures.draw(state).flowing
        #expect(text.contains("No solution matches. Press a to describe the problem, or b"))
    }

    @Test func theFormShowsItsFieldsAndKeysInFrench() {
        var state = Self.helpScreen()
        var form = HelpForm()
        form.category = "annuaire"
        form.description = "pas de responsable"
        form.field = .description
        state.modal = .askHelp(form)
        let probe = ViewFixtures.draw(state, language: "fr")
        #expect(probe.contains("Demander de l'aide"))
        #expect(probe.contains("◂ autre ▸"))
        #expect(probe.contains("annuaire"))
        #expect(probe.contains("pas de responsable"))
        #expect(probe.flowing.contains("Entrée afficher les solutions"))
    }

    @Test func theRepairTipsOfAnOtherFailurePointAtH() {
        let step = StepRun(position: 0, name: "lookup", status: .failed, connection: "hr",
                           error: StepError(httpStatus: 422, message: "no manager configured"))
        let report = ViewFixtures.report(steps: [step])
        let probe = ViewFixtures.draw(ViewFixtures.runDetail(report: report))
        #expect(probe.flowing.contains("press h for matching solutions"))
    }
}

extension ViewTestsHelp {
    @Test func questionMarkListsTheHelpScreensKeysInDutch() {
        var state = Self.helpScreen(size: (120, 40))
        state.modal = .help
        let text = ViewFixtures.draw(state, language: "nl").flowing
        #expect(text.contains("Het probleem beschrijven"))
        #expect(text.contains("De supportbundel van de run schrijven"))
    }
}
