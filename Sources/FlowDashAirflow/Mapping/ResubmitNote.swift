import FlowDashCore
import Foundation

/// How a resubmitted run remembers its original. Airflow keeps no link between runs, so
/// FlowDash writes one line into the new run's `note`:
/// `Resubmitted by FlowDash from etl/manual__2026-11-25T08:00:00+00:00`.
///
/// The note, not `conf`, because `conf` is what the DAG's tasks receive and what FlowDash shows
/// as the trigger inputs: a resubmit must pass the same inputs, unchanged. The note is shown in
/// Airflow's UI, which tells people where the run came from; if someone edits the line away,
/// the link is lost and nothing else breaks.
enum ResubmitNote {
    static let prefix = "Resubmitted by FlowDash from "

    /// The note for a run resubmitting `original`.
    static func text(for original: AirflowRunID) -> String {
        prefix + original.description
    }

    /// The original run named in `note`, when a line of it has the form above.
    static func original(in note: String?) -> RunID? {
        guard let note else { return nil }
        for line in note.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(prefix) else { continue }
            let named = RunID(String(trimmed.dropFirst(prefix.count)))
            if let original = AirflowRunID(named) { return original.runID }
        }
        return nil
    }
}
