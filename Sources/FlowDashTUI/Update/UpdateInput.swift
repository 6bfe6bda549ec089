import FlowDashScreen
import Foundation

/// Routes terminal input: Ctrl-C always quits, an open modal takes every key, otherwise the
/// keymap decides.
enum UpdateInput {
    static func handle(_ event: InputEvent, _ state: inout AppState, now: Date) -> [Effect] {
        switch event {
        case .resize(let width, let height):
            state.size = (max(0, width), max(0, height))
            UpdateNavigation.keepSelectionsInSight(&state)
            return []
        case .mouse(let mouse):
            return UpdateMouse.handle(mouse, &state, now: now)
        case .key(let key):
            // why: Ctrl-C must get the operator out even from inside a dialog or prompt.
            if key == .control("c") {
                state.shouldQuit = true
                return []
            }
            if let modal = state.modal { return UpdateDialogs.handle(key, in: modal, &state, now: now) }
            guard let action = KeyMap.action(for: key, on: state.route) else { return [] }
            return UpdateActions.perform(action, &state, now: now)
        }
    }
}

extension Key {
    /// The character this key types into a text field; nil for keys that are not printable.
    var typedCharacter: Character? {
        guard case .character(let character) = self else { return nil }
        let printable = character.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
        return printable ? character : nil
    }
}
