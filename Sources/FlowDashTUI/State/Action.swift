/// What a key can do. The keymap binds keys to actions per screen; help, hints and the
/// read-only rules are all derived from it.
public enum Action: String, CaseIterable, Sendable {
    case moveDown, moveUp, top, bottom, pageDown, pageUp
    case open, back, quit
    case filter, cycleStatusFilter, command, help, refresh
    case showConnections, showFlows
    /// Opens the verify dialog (the failing step's connection, or the selected connection).
    case verify
    /// Opens the flow definition in $EDITOR.
    case edit
    /// Runs the selected run again with the same inputs (asks for confirmation).
    case resubmit
    /// Reruns only the failed steps of the run, in the same run (asks, with the count, first).
    case rerunFailed
    /// Switches the selected flow's repair tips on or off.
    case toggleTips
    /// Opens the Help screen of the run: self-help solutions for its failure.
    case showHelp
    /// On the Help screen: the "ask for help" form (problem type, category, description).
    case askForHelp
    /// On the Help screen: writes the run's support bundle, secrets removed.
    case supportBundle
    /// On the activity list: the failure inbox grouped by root cause; there, back to the runs.
    case toggleGrouped
    /// Picks the failed run (or the whole group) under the cursor for a bulk resubmit, or drops it.
    case toggleSelection
    /// Lists resubmissions: original → resubmitted → outcome.
    case showLedger
}
