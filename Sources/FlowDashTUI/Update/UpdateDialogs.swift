import FlowDashCore
import FlowDashScreen
import Foundation

/// Keys while a modal is open: it takes them all (Ctrl-C was handled before).
enum UpdateDialogs {
    static func handle(_ key: Key, in modal: Modal, _ state: inout AppState, now: Date) -> [Effect] {
        switch modal {
        case .help:
            state.modal = nil
            return []
        case .confirm(let request):
            return confirm(key, request, &state)
        case .verify(let dialog):
            return verify(key, dialog, &state)
        case .pickConnection(let picker):
            pick(key, picker, &state)
            return []
        case .commandLine(let prompt):
            return UpdatePrompts.commandLine(key, prompt, &state)
        case .filter(let prompt):
            UpdatePrompts.filter(key, prompt, &state)
            return []
        case .askHelp(let form):
            return UpdateHelp.form(key, form, &state)
        case .bulkResubmit(let dialog):
            return UpdateBulk.dialog(key, dialog, &state)
        }
    }

    /// y/Enter runs the parked action; n/Esc drops it; other keys are ignored so a stray key
    /// neither confirms nor cancels.
    private static func confirm(_ key: Key, _ request: ConfirmRequest, _ state: inout AppState) -> [Effect] {
        switch key {
        case .character("y"), .character("Y"), .enter:
            state.modal = nil
            return UpdateActions.run(request.action, &state)
        case .character("n"), .character("N"), .escape:
            state.modal = nil
            state.status.show(.cancelled)
            return []
        default:
            return []
        }
    }

    /// ↑/↓ (j/k) choose, Enter opens the verify dialog on the choice, Esc cancels. A connection
    /// the backend cannot list is not verified: the status says where to fix it instead.
    private static func pick(_ key: Key, _ picker: ConnectionPicker, _ state: inout AppState) {
        var picker = picker
        switch key {
        case .escape:
            state.modal = nil
            state.status.show(.cancelled)
            return
        case .down, .character("j"): picker.selection = min(picker.selection + 1, picker.leads.count - 1)
        case .up, .character("k"): picker.selection = max(picker.selection - 1, 0)
        case .enter:
            guard picker.leads.indices.contains(picker.selection) else { return }
            let lead = picker.leads[picker.selection]
            if lead.isListed {
                state.modal = .verify(VerifyDialog(connection: lead.name, returnTo: picker.returnTo))
            } else {
                state.modal = nil
                state.status.show(.connectionUnlisted(TextSanitizer.clean(lead.name)))
            }
            return
        default: break
        }
        state.modal = .pickConnection(picker)
    }

    /// The masked secret field: type, Backspace, Ctrl-U clears, Enter probes, Esc cancels.
    private static func verify(_ key: Key, _ dialog: VerifyDialog, _ state: inout AppState) -> [Effect] {
        if key == .escape {
            state.modal = nil
            state.status.show(.cancelled)
            return []
        }
        // why: one probe at a time; the answer decides what the dialog shows next.
        guard dialog.phase != .probing else { return [] }
        var dialog = dialog
        defer { state.modal = .verify(dialog) }
        switch key {
        case .enter:
            guard !dialog.secret.isEmpty else { return [] }
            let secret = Secret(dialog.secret)
            // why: the secret leaves the state with the effect; nothing keeps a copy meanwhile.
            dialog.secret = ""
            dialog.phase = .probing
            return [.verify(connection: dialog.connection, secret: secret)]
        case .backspace:
            if !dialog.secret.isEmpty { dialog.secret.removeLast() }
        case .control("u"):
            dialog.secret = ""
        default:
            if let character = key.typedCharacter { dialog.secret.append(character) }
        }
        return []
    }
}
