import FlowDashCore
import FlowDashScreen

/// The `:` command line and the `/` filter: one text prompt, two meanings.
enum UpdatePrompts {
    static func commandLine(_ key: Key, _ prompt: PromptState, _ state: inout AppState) -> [Effect] {
        var prompt = prompt
        switch key {
        case .escape:
            state.modal = nil
            return []
        case .enter:
            state.modal = nil
            return run(CommandPrompt.parse(prompt.text), &state)
        case .tab:
            prompt.text = CommandPrompt.complete(prompt.text, themes: state.availableThemes)
        case .backspace:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        default:
            guard let character = key.typedCharacter else { return [] }
            prompt.text.append(character)
        }
        state.modal = .commandLine(prompt)
        return []
    }

    /// Typing narrows the list live; Enter keeps the filter, Esc clears it.
    static func filter(_ key: Key, _ prompt: PromptState, _ state: inout AppState) {
        var prompt = prompt
        switch key {
        case .enter:
            state.modal = nil
            return
        case .escape:
            state.modal = nil
            setFilter("", &state)
            return
        case .backspace:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        default:
            guard let character = key.typedCharacter else { return }
            prompt.text.append(character)
        }
        state.modal = .filter(prompt)
        setFilter(prompt.text, &state)
    }

    /// Applies a filter text, keeping the cursor on its run while that run still matches.
    static func setFilter(_ text: String, _ state: inout AppState) {
        let kept = selectedItem(state)?.id
        state.activity.filterText = text
        UpdateNavigation.reselect(kept, fallback: 0, &state)
    }

    private static func run(_ command: CommandPrompt.Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .empty:
            return []
        case .activity:
            return UpdateNavigation.reset(to: [], &state)
        case .connections:
            return UpdateNavigation.reset(to: [.connections], &state)
        case .flows:
            return UpdateNavigation.reset(to: [.flows], &state)
        case .tips:
            return UpdateNavigation.reset(to: [.tips], &state)
        case .inbox:
            return UpdateNavigation.reset(to: [.inbox], &state)
        case .ledger:
            return UpdateNavigation.reset(to: [.ledger], &state)
        case .progress:
            return UpdateNavigation.reset(to: [.bulkResubmit], &state)
        case .quit:
            state.shouldQuit = true
        case .help:
            state.modal = .help
        case .theme(let name):
            // why: with no list from the runtime any name is passed on; it resolves the theme.
            guard state.availableThemes.isEmpty || state.availableThemes.contains(name) else {
                state.status.show(.unknownCommand(TextSanitizer.clean("theme \(name)")))
                return []
            }
            state.themeName = name
            state.status.show(.themeChanged(name))
        case .unknown(let text):
            state.status.show(.unknownCommand(TextSanitizer.clean(text)))
        }
        return []
    }
}
