import FlowDashScreen
import Foundation

/// Mouse input on the list on screen; rows are found with the same `ScreenLayout` the views use.
enum UpdateMouse {
    /// Rows one wheel notch moves the selection.
    static let wheelStep = 3

    static func handle(_ event: MouseEvent, _ state: inout AppState, now: Date) -> [Effect] {
        // why: a dialog owns the screen; clicks behind it must not change what it refers to.
        guard state.modal == nil else { return [] }
        switch event.kind {
        case .wheelUp:
            UpdateNavigation.moveCursor(by: -wheelStep, &state)
        case .wheelDown:
            UpdateNavigation.moveCursor(by: wheelStep, &state)
        case .press, .doubleClick:
            // why: these screens are text, not lists (a help entry spans many rows); a click
            // selects nothing there.
            guard ![.definitionFailure, .source, .help].contains(state.route.kind) else { return [] }
            let cursor = UpdateNavigation.currentCursor(state)
            guard let index = ScreenLayout(state).listIndex(
                atX: event.x, y: event.y, on: state.route.kind, offset: cursor.offset,
                count: UpdateNavigation.currentCount(state)) else { return [] }
            UpdateNavigation.moveCursor(to: index, &state)
            if event.kind == .doubleClick { return UpdateActions.perform(.open, &state, now: now) }
        case .release:
            break
        }
        return []
    }
}
