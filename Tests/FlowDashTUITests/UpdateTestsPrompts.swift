import FlowDashCore
@testable import FlowDashTUI
import Foundation
import Testing

/// The `/` filter, the `f` status filter and the `:` command line.
struct UpdateTestsPrompts {
    typealias F = UpdateFixture

    static let runs = [
        F.run("1", flow: "billing", minutesAgo: 1),
        F.failedRun("2", flow: "crm-sync", code: "401", message: "Unauthorized", minutesAgo: 2),
        F.failedRun("3", flow: "billing", code: "503", message: "Service Unavailable", minutesAgo: 3),
        F.run("4", flow: "crm-sync", status: .running, minutesAgo: 4),
    ]

    @Test func slashFiltersLiveAndEnterKeepsTheFilter() {
        var state = F.state(Self.runs)
        F.press(&state, .character("/"))
        F.type(&state, "BILL")
        #expect(state.activity.filterText == "BILL")
        #expect(F.visibleIDs(state) == ["3", "1"])
        F.press(&state, .enter)
        #expect(state.modal == nil)
        #expect(F.visibleIDs(state) == ["3", "1"])
    }

    @Test func theFilterMatchesStatusAndFailureKindCodeAndMessage() {
        var state = F.state(Self.runs)
        for (text, expected) in [("running", ["4"]), ("transient", ["3"]), ("401", ["2"]), ("unavail", ["3"])] {
            state.activity.filterText = text
            #expect(F.visibleIDs(state) == expected, "filter \(text)")
        }
    }

    @Test func escInTheFilterClearsIt() {
        var state = F.state(Self.runs)
        F.press(&state, .character("/"))
        F.type(&state, "crm")
        F.press(&state, .escape)
        #expect(state.modal == nil)
        #expect(state.activity.filterText == "")
        #expect(F.visibleIDs(state).count == 4)
    }

    @Test func slashReopensWithTheCurrentFilter() {
        var state = F.state(Self.runs)
        state.activity.filterText = "crm"
        F.press(&state, .character("/"))
        #expect(state.modal?.promptText == "crm")
    }

    @Test func filteringKeepsTheSelectedRunWhenItStillMatches() {
        var state = F.state(Self.runs)
        F.press(&state, .end)
        #expect(selectedRun(state)?.id == RunID("4"))
        F.press(&state, .character("/"))
        F.type(&state, "crm")
        #expect(selectedRun(state)?.id == RunID("4"))
        F.type(&state, "x")
        #expect(state.activity.list.selection == 0)
    }

    @Test func fCyclesTheStatusFilter() {
        var state = F.state(Self.runs)
        F.press(&state, .character("f"))
        #expect(state.activity.statusFilter == .failed)
        #expect(F.visibleIDs(state) == ["2", "3"])
        F.press(&state, .character("f"))
        #expect(F.visibleIDs(state) == ["1"])
        F.press(&state, .character("f"))
        #expect(F.visibleIDs(state) == ["4"])
        F.press(&state, .character("f"))
        #expect(state.activity.statusFilter == .all)
    }

    @Test func tabCompletesAUniqueCommand() {
        #expect(CommandPrompt.complete("con", themes: []) == "connections")
        #expect(CommandPrompt.complete("th", themes: []) == "theme ")
        #expect(CommandPrompt.complete("q", themes: []) == "q")
        #expect(CommandPrompt.complete("zz", themes: []) == "zz")
        #expect(CommandPrompt.complete("theme da", themes: ["default", "dark", "mono"]) == "theme dark")
        #expect(CommandPrompt.complete("theme d", themes: ["default", "dark"]) == "theme d")
        #expect(CommandPrompt.complete("theme de", themes: ["default-light", "default-dark"]) == "theme default-")
    }

    @Test func colonConnectionsSwitchesScreenAndLoadsIt() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character(":"))
        F.type(&state, "conn")
        F.press(&state, .tab)
        #expect(state.modal?.promptText == "connections")
        let effects = F.press(&state, .enter)
        #expect(effects == [.loadConnections])
        #expect(state.stack == [.activity, .connections])
        #expect(state.modal == nil)
    }

    @Test func colonFlowsAndActivityResetTheStack() {
        var state = F.detailState(F.failedReport("7"))
        F.press(&state, .character(":"))
        F.type(&state, "flows")
        #expect(F.press(&state, .enter) == [.loadFlows])
        #expect(state.stack == [.activity, .flows])
        F.press(&state, .character(":"))
        F.type(&state, "activity")
        #expect(F.press(&state, .enter) == [.loadActivity])
        #expect(state.stack == [.activity])
    }

    @Test func anUnknownCommandIsReported() {
        var state = F.state([])
        F.press(&state, .character(":"))
        F.type(&state, "frobnicate")
        #expect(F.press(&state, .enter).isEmpty)
        #expect(state.status.message == .unknownCommand("frobnicate"))
        #expect(state.status.kind == .error)
    }

    @Test func themeChangesTheThemeName() {
        var state = F.state([])
        state.availableThemes = ["default", "mono"]
        F.press(&state, .character(":"))
        F.type(&state, "theme m")
        F.press(&state, .tab, .enter)
        #expect(state.themeName == "mono")
        #expect(state.status.message == .themeChanged("mono"))
        F.press(&state, .character(":"))
        F.type(&state, "theme nope")
        F.press(&state, .enter)
        #expect(state.themeName == "mono")
        #expect(state.status.message == .unknownCommand("theme nope"))
    }

    @Test func quitAndHelpCommands() {
        var state = F.state([])
        F.press(&state, .character(":"))
        F.type(&state, "help")
        F.press(&state, .enter)
        #expect(state.modal?.isHelp == true)
        F.press(&state, .escape, .character(":"))
        F.type(&state, "q")
        F.press(&state, .enter)
        #expect(state.shouldQuit)
    }

    @Test func escClosesTheCommandLineAndBackspaceEdits() {
        var state = F.state([])
        F.press(&state, .character(":"))
        F.type(&state, "flowz")
        F.press(&state, .backspace)
        #expect(state.modal?.promptText == "flow")
        F.press(&state, .escape)
        #expect(state.modal == nil)
        #expect(state.stack == [.activity])
    }
}
