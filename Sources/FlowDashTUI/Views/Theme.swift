import FlowDashScreen

/// What a piece of the interface means, independent of how it looks. Raw values are the keys of
/// theme files (`Themes/*.yaml`), so renaming a case breaks users' themes.
public enum StyleRole: String, CaseIterable, Sendable {
    case text, dim, header, title, sectionTitle, columnHeader, border, selection
    case statusInfo, statusSuccess, statusError, spinner
    case keyHint, keyHintLabel, keyHintDisabled
    /// The `!` of the failing step and of failed runs: the one thing an operator must not miss.
    case failureMarker
    case failed, succeeded, running, interrupted, queued, cancelled, skipped, pending
    case unauthorized, connected, connectionUnknown
    case errorCode, errorText, fixKey
    case dialog, dialogBorder, field, prompt, filterIndicator
}

/// Semantic roles mapped to styles. Passed into rendering as a value; there is no global theme.
public struct Theme: Sendable {
    /// The name `:theme NAME` and theme files use.
    public var name: String
    /// The style of each role; a role left out draws plain.
    public var styles: [StyleRole: Style]

    /// A theme named `name`; roles missing from `styles` draw plain.
    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `role`, plain when the theme does not set it.
    public subscript(role: StyleRole) -> Style { styles[role] ?? .plain }

    /// This theme with `styles` replacing the roles they name (what a theme file does).
    public func overriding(_ styles: [StyleRole: Style]) -> Theme {
        Theme(name: name, styles: self.styles.merging(styles) { _, new in new })
    }

    /// Eight basic colours only, so it looks the same on any colour terminal.
    public static let defaultDark = Theme(name: "default", styles: [
        .text: .plain,
        .dim: Style(dim: true),
        .header: Style(foreground: .black, background: .cyan),
        .title: Style(foreground: .cyan, bold: true),
        .sectionTitle: Style(foreground: .yellow, bold: true),
        .columnHeader: Style(bold: true, underline: true),
        .border: Style(foreground: .blue),
        .selection: Style(background: .blue, bold: true),
        .statusInfo: .plain,
        .statusSuccess: Style(foreground: .green),
        .statusError: Style(foreground: .red, bold: true),
        .spinner: Style(foreground: .cyan, bold: true),
        .keyHint: Style(foreground: .cyan, bold: true),
        .keyHintLabel: .plain,
        .keyHintDisabled: Style(dim: true),
        .failureMarker: Style(foreground: .red, bold: true),
        .failed: Style(foreground: .red),
        .succeeded: Style(foreground: .green),
        .running: Style(foreground: .cyan),
        .interrupted: Style(foreground: .yellow),
        .queued: Style(dim: true),
        .cancelled: Style(dim: true),
        .skipped: Style(dim: true),
        .pending: Style(dim: true),
        .unauthorized: Style(foreground: .red, bold: true),
        .connected: Style(foreground: .green),
        .connectionUnknown: Style(foreground: .yellow),
        .errorCode: Style(foreground: .red, bold: true),
        .errorText: Style(foreground: .red),
        .fixKey: Style(foreground: .yellow, bold: true),
        .dialog: .plain,
        .dialogBorder: Style(foreground: .cyan, bold: true),
        .field: Style(underline: true),
        .prompt: Style(bold: true),
        .filterIndicator: Style(foreground: .yellow),
    ])

    /// For NO_COLOR and monochrome terminals: attributes only. The failure marker keeps its `!`
    /// glyph and stands out by bold + reverse.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .text: .plain,
        .dim: Style(dim: true),
        .header: Style(reverse: true),
        .title: Style(bold: true),
        .sectionTitle: Style(bold: true, underline: true),
        .columnHeader: Style(underline: true),
        .border: .plain,
        .selection: Style(reverse: true),
        .statusInfo: .plain,
        .statusSuccess: Style(bold: true),
        .statusError: Style(bold: true, underline: true),
        .spinner: Style(bold: true),
        .keyHint: Style(bold: true),
        .keyHintLabel: .plain,
        .keyHintDisabled: Style(dim: true),
        .failureMarker: Style(bold: true, reverse: true),
        .failed: Style(bold: true),
        .succeeded: .plain,
        .running: .plain,
        .interrupted: Style(underline: true),
        .queued: Style(dim: true),
        .cancelled: Style(dim: true),
        .skipped: Style(dim: true),
        .pending: Style(dim: true),
        .unauthorized: Style(bold: true, underline: true),
        .connected: .plain,
        .connectionUnknown: Style(dim: true),
        .errorCode: Style(bold: true),
        .errorText: .plain,
        .fixKey: Style(bold: true),
        .dialog: .plain,
        .dialogBorder: Style(bold: true),
        .field: Style(underline: true),
        .prompt: Style(bold: true),
        .filterIndicator: Style(underline: true),
    ])

    /// Restyles a cell of the selected row: the selection's background and attributes are laid
    /// over the cell, but a colour the cell already has is kept, so a red `!` stays red.
    func highlight(_ style: inout Style) {
        let selection = self[.selection]
        if let background = selection.background { style.background = background }
        if style.foreground == nil { style.foreground = selection.foreground }
        style.bold = style.bold || selection.bold
        style.underline = style.underline || selection.underline
        // why: reverse on a reversed cell would undo it; a reversed marker stays reversed.
        style.reverse = style.reverse || selection.reverse
    }
}
