import Foundation
import FlowDashCore
import FlowDashScreen

/// The connections: which ones work, which one a failed step needs re-verified (`v`).
enum ConnectionsView {
    /// Widest each column may grow before the last (last error) takes the rest:
    /// name, status, auth, target, last verified.
    static let columnCaps = [20, 16, 10, 32, 24]

    static func draw(_ state: AppState, layout: ScreenLayout, theme: Theme, strings: Strings, now: Date,
                     into buffer: inout ScreenBuffer) {
        let list = layout.list(for: .connections)
        let connections = state.connections
        guard !connections.items.isEmpty else {
            let text = connections.loaded ? strings[.connectionsEmpty] : strings[.connectionsLoading]
            drawNotice(text, style: theme[.dim], in: list, into: &buffer)
            return
        }
        let window = visibleWindow(count: connections.items.count, selection: connections.selection,
                                   offset: connections.offset, rows: list.height)
        let headings = [.columnName, .columnStatus, .columnAuth, .columnTarget, .columnLastVerified, .columnLastError]
            .map { strings[$0] }
        let rows = window.map { ConnectionRow.fields(connections.items[$0], now: now, strings: strings) }
        let widths = Columns.widths(for: rows + [headings.map { RowField($0, .columnHeader) }], width: list.width,
                                    caps: columnCaps)
        buffer.write(Columns.heading(headings, widths: widths, theme: theme), x: layout.subheader.x,
                     y: layout.subheader.y, maxWidth: layout.subheader.width)
        drawWindow(Columns.lines(for: rows, widths: widths, theme: theme), window: window,
                   selection: connections.selection, in: list, theme: theme,
                   highlightWidth: keyColumnsWidth(widths, count: 3), into: &buffer)
    }
}

/// One connection row as fields: name, status (unauthorized stands out), auth, target, when it
/// was last verified, and its last error.
public enum ConnectionRow {
    /// The fields of `connection`'s row, measured against `now`.
    public static func fields(_ connection: ConnectionInfo, now: Date, strings: Strings) -> [RowField] {
        let verified = connection.lastVerifiedAt.map { TimeText.when($0, now: now, strings: strings) } ?? strings[.never]
        return [
            RowField(clean(connection.name), .text),
            RowField(strings.connectionStatusName(connection.status), statusRole(connection.status)),
            RowField(clean(connection.auth), .dim),
            RowField(clean(connection.target), .text),
            RowField(verified, .dim),
            RowField(connection.lastError.map(clean) ?? "", .errorText),
        ]
    }

    static func statusRole(_ status: ConnectionStatus) -> StyleRole {
        switch status {
        case .connected: .connected
        case .unauthorized: .unauthorized
        case .unknown: .connectionUnknown
        }
    }
}
