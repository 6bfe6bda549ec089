import FlowDashCore
import FlowDashKnowledge
import FlowDashScreen
import FlowDashService
import Foundation
import Testing
@testable import FlowDashTUI

/// `h` on a run: the Help screen, Enter on an entry, the "ask for help" form and `b`.
struct UpdateTestsHelp {
    typealias F = UpdateFixture

    static func solution(_ id: String, title: String = "A title", steps: [String] = ["Check RUN of FLOW."],
                         matchedCode: Bool = true) -> Solution {
        let entry = KnowledgeEntry(id: id, title: title, kinds: [.other], codes: ["422"], keywords: [],
                                   symptoms: "It fails.", causes: "No manager.", steps: steps)
        return Solution(entry: entry, score: 1, matchedCode: matchedCode, matchedKind: true)
    }

    static let answer = RunSolutions(solutions: [solution("first"), solution("second")],
                                     placeholders: ["RUN": "7", "FLOW": "crm-sync"], code: "422", kind: .other)

    /// On the Help screen of failed run 7, its solutions loaded.
    static func onHelp(readOnly: Bool = false, folder: String? = "/data/support") -> AppState {
        var state = F.detailState(F.failedReport("7", code: "422"), readOnly: readOnly)
        state.supportFolder = folder
        _ = F.press(&state, .character("h"))
        _ = update(&state, .solutionsLoaded(RunID("7"), .success(answer)), now: F.now)
        return state
    }

    @Test func hOnRunDetailOpensHelpAndLoadsItsSolutions() {
        var state = F.detailState(F.failedReport("7", code: "422"))
        #expect(F.press(&state, .character("h")) == [.loadSolutions(RunID("7"))])
        #expect(state.route == .help(RunID("7")))
        #expect(state.help?.loaded == false)
        _ = update(&state, .solutionsLoaded(RunID("7"), .success(Self.answer)), now: F.now)
        #expect(state.help?.solutions.map(\.entry.id) == ["first", "second"])
        #expect(state.help?.placeholders["FLOW"] == "crm-sync")
        #expect(state.help?.code == "422")
        #expect(F.press(&state, .escape).isEmpty)
        #expect(state.route == .runDetail(RunID("7")))
        #expect(state.help == nil)
    }

    @Test func hOnTheActivityListWorksOnAFailedRunOnly() {
        var state = F.state([F.failedRun("7"), F.run("8", status: .succeeded)])
        #expect(F.press(&state, .character("h")) == [.loadSolutions(RunID("7"))])
        state = F.state([F.run("8", status: .succeeded)])
        #expect(F.press(&state, .character("h")).isEmpty)
        #expect(state.status.message == .actionDisabled(.showHelp, reason: .runDidNotFail))
    }

    @Test func jkSelectAndEnterExpandsThenCollapses() {
        var state = Self.onHelp()
        F.press(&state, .character("j"))
        #expect(state.help?.selection == 1)
        F.press(&state, .character("j"))
        #expect(state.help?.selection == 1)
        F.press(&state, .enter)
        #expect(state.help?.expanded == 1)
        F.press(&state, .character("k"), .enter)
        #expect(state.help?.expanded == 0)
        F.press(&state, .enter)
        #expect(state.help?.expanded == nil)
    }

    @Test func aFailureToLoadSaysWhyAndLeavesAnEmptyList() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character("h"))
        _ = update(&state, .solutionsLoaded(RunID("7"), .failure(ErrorText("no knowledge"))), now: F.now)
        #expect(state.help?.loaded == true)
        #expect(state.help?.solutions.isEmpty == true)
        #expect(state.status.message == .failed(ErrorText("no knowledge")))
    }

    @Test func theFormCyclesTheTypeTakesWordsAndShowsSolutions() {
        var state = Self.onHelp()
        F.press(&state, .character("a"))
        guard case .askHelp(let opened) = state.modal else { Issue.record("no form"); return }
        #expect(opened.problemType == .other)
        F.press(&state, .right)
        F.press(&state, .tab)
        F.type(&state, "directory lookup")
        F.press(&state, .tab)
        F.type(&state, "no manager found")
        F.press(&state, .backspace)
        F.press(&state, .left)  // only the type field cycles
        let request = HelpRequest(problemType: "authentication", category: "directory lookup",
                                  description: "no manager foun")
        #expect(F.press(&state, .enter) == [.findSolutions(request)])
        #expect(state.modal == nil)
        #expect(state.help?.request == request)
        #expect(state.help?.solutions.isEmpty == true)
        _ = update(&state, .requestSolutionsFound(request, .success([Self.solution("third")])), now: F.now)
        #expect(state.help?.solutions.map(\.entry.id) == ["third"])
        #expect(state.help?.kind == .authentication)
        // why: a late answer for the run must not replace the described problem's.
        _ = update(&state, .solutionsLoaded(RunID("7"), .success(Self.answer)), now: F.now)
        #expect(state.help?.solutions.map(\.entry.id) == ["third"])
    }

    @Test func escClosesTheFormAndKeepsTheList() {
        var state = Self.onHelp()
        F.press(&state, .character("a"))
        F.type(&state, "x")
        #expect(F.press(&state, .escape).isEmpty)
        #expect(state.modal == nil)
        #expect(state.help?.solutions.count == 2)
        #expect(state.route == .help(RunID("7")))
    }

    @Test func bWritesTheBundleIntoTheSupportFolderEvenReadOnly() throws {
        var state = Self.onHelp(readOnly: true)
        let effects = F.press(&state, .character("b"))
        let expected = "/data/support/flowdash-support-7-20231114-221320.tar.gz"
        #expect(effects == [.writeSupportBundle(RunID("7"), path: expected)])
        _ = update(&state, .supportBundleWritten(RunID("7"), .success(expected)), now: F.now)
        #expect(state.status.message == .supportBundleWritten(path: expected))
        #expect(state.status.kind == .success)
        #expect(Strings(language: "en").message(state.status.message).contains("check it before sending it"))
    }

    @Test func bWithoutASupportFolderSaysSo() {
        var state = Self.onHelp(folder: nil)
        #expect(F.press(&state, .character("b")).isEmpty)
        #expect(state.status.message == .actionDisabled(.supportBundle, reason: .noSupportFolder))
    }

    @Test func theBundleFileNameIsSafeWhateverTheRunID() {
        let path = SupportBundlePath.file(in: "/s", run: RunID("etl/manual__2026-01-01T00:00:00+00:00"), now: F.now)
        #expect(path == "/s/flowdash-support-etl_manual__2026-01-01T00_00_00_00_00-20231114-221320.tar.gz")
    }

    @Test func placeholdersAreFilledAsWholeWordsOnly() {
        let text = StepPlaceholders.fill("Rerun `RUN` of FLOW (RUNNING stays) via CONNECTION.",
                                         with: ["RUN": "7", "FLOW": "a$1", "CONNECTION": "crm"])
        #expect(text == "Rerun 7 of a$1 (RUNNING stays) via crm.")
    }

    @Test func theKeymapListsTheHelpKeysAndKeepsThemInReadOnlyMode() {
        let help = KeyMap.bindings(for: .help(RunID("7"))).map(\.action)
        #expect(help.contains(.askForHelp) && help.contains(.supportBundle) && help.contains(.open))
        #expect(KeyMap.bindings(for: .runDetail(RunID("7"))).contains { $0.action == .showHelp })
        #expect(!KeyMap.bindings.contains { [.showHelp, .askForHelp, .supportBundle].contains($0.action) && $0.refusedInReadOnly })
    }
}

extension UpdateTestsHelp {
    @Test func aClickOnTheHelpScreenSelectsNothingButTheWheelMoves() {
        var state = Self.onHelp()
        #expect(F.mouse(&state, .press, y: 5).isEmpty)
        #expect(state.help?.selection == 0)
        F.mouse(&state, .wheelDown, y: 5)
        #expect(state.help?.selection == 1)
    }
}
