import FlowDashCore
import FlowDashKnowledge
import FlowDashScreen
import Foundation

/// The Help screen: its answers (solutions, the support bundle), Enter on an entry, `b`, and the
/// keys of the "ask for help" form.
enum UpdateHelp {
    static func apply(_ msg: Msg, _ state: inout AppState) {
        switch msg {
        case .solutionsLoaded(let run, let result):
            // why: a described problem's answer may be on screen already; the run's must not replace it.
            guard state.help?.runID == run, state.help?.request == nil else { return }
            let answer = try? result.get()
            state.help?.code = answer?.code
            state.help?.kind = answer?.kind
            show(result.map(\.solutions), placeholders: answer?.placeholders, &state)
        case .requestSolutionsFound(let request, let result):
            guard let help = state.help, help.request == request else { return }
            show(result, placeholders: nil, &state)
        case .supportBundleWritten(_, let result):
            guard let path = UpdateResults.value(of: result, &state) else { return }
            state.status.show(.supportBundleWritten(path: path))
        default:
            return
        }
    }

    private static func show(_ result: Result<[Solution], ErrorText>, placeholders: [String: String]?,
                             _ state: inout AppState) {
        state.help?.loaded = true
        state.help?.selection = 0
        state.help?.expanded = nil
        state.help?.solutions = []
        guard let solutions = UpdateResults.value(of: result, &state) else { return }
        state.help?.solutions = solutions
        if let placeholders { state.help?.placeholders = placeholders }
        if state.status.message == .findingSolutions { state.status.show(.none) }
    }

    /// Enter: shows or hides the selected entry's symptoms and causes.
    static func toggleExpanded(_ state: inout AppState) {
        guard var help = state.help, help.selected != nil else { return }
        help.expanded = help.expanded == help.selection ? nil : help.selection
        state.help = help
    }

    /// `b`: the run's support bundle, written off the loop into the support folder.
    static func writeBundle(_ state: inout AppState, now: Date) -> [Effect] {
        guard let run = state.help?.runID, let folder = state.supportFolder else { return [] }
        state.status.show(.writingSupportBundle(run))
        return [.writeSupportBundle(run, path: SupportBundlePath.file(in: folder, run: run, now: now))]
    }

    /// The form: Tab/↓ and Shift-Tab/↑ move between fields, ←/→ cycle the problem type, typing
    /// fills the text fields, Enter shows the solutions, Esc closes it.
    static func form(_ key: Key, _ form: HelpForm, _ state: inout AppState) -> [Effect] {
        var form = form
        switch key {
        case .escape:
            state.modal = nil
            state.status.show(.cancelled)
            return []
        case .enter:
            state.modal = nil
            let request = form.request
            state.help?.request = request
            state.help?.code = nil
            state.help?.kind = form.problemType
            state.help?.loaded = false
            state.help?.solutions = []
            state.status.show(.findingSolutions)
            return [.findSolutions(request)]
        case .tab, .down:
            form.field = HelpForm.Field(rawValue: (form.field.rawValue + 1) % HelpForm.Field.allCases.count) ?? .problemType
        case .backTab, .up:
            let count = HelpForm.Field.allCases.count
            form.field = HelpForm.Field(rawValue: (form.field.rawValue + count - 1) % count) ?? .problemType
        case .left, .right:
            guard form.field == .problemType else { break }
            let types = HelpForm.problemTypes
            let index = types.firstIndex(of: form.problemType) ?? 0
            form.problemType = types[(index + (key == .right ? 1 : types.count - 1)) % types.count]
        case .backspace:
            edit(&form) { if !$0.isEmpty { $0.removeLast() } }
        case .control("u"):
            edit(&form) { $0 = "" }
        default:
            if let character = key.typedCharacter { edit(&form) { $0.append(character) } }
        }
        state.modal = .askHelp(form)
        return []
    }

    /// The longest a text field grows; a description is a few sentences, not a log.
    static let fieldLimit = 500

    private static func edit(_ form: inout HelpForm, _ change: (inout String) -> Void) {
        switch form.field {
        case .problemType: return
        case .category: change(&form.category)
        case .description: change(&form.description)
        }
        form.category = String(form.category.prefix(fieldLimit))
        form.description = String(form.description.prefix(fieldLimit))
    }
}
