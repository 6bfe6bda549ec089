import Foundation
import FlowDashCore

/// The spinner shown while work is in flight and on running runs; `StatusLine.spinnerFrame`
/// picks the frame.
enum Spinner {
    static let frames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    static func glyph(_ frame: Int) -> String {
        String(frames[((frame % frames.count) + frames.count) % frames.count])
    }
}

/// One activity row as fields: status glyph, run id, flow, when, and for a failure its kind and
/// one-line error. Pure, so the row's content is tested without a buffer.
public enum RunRow {
    /// The fields of `run`'s row, measured against `now`.
    public static func fields(_ run: RunSummary, now: Date, strings: Strings, spinnerFrame: Int = 0) -> [RowField] {
        let (glyph, role) = marker(for: run.status, spinnerFrame: spinnerFrame)
        let when = TimeText.when(run.startedAt, now: now, strings: strings)
        return [
            RowField(glyph, role),
            RowField(clean(run.id.rawValue), .dim),
            RowField(clean(run.flow), .text),
            RowField(when, .dim),
            run.failure == nil && run.status == .interrupted
                ? RowField(strings.statusName(.interrupted), .interrupted)
                : RowField(problem(run, strings: strings), .errorText),
        ]
    }

    /// The glyph and role of a run status; a failure's `!` is the failure marker.
    public static func marker(for status: RunStatus, spinnerFrame: Int = 0) -> (String, StyleRole) {
        switch status {
        case .failed: ("!", .failureMarker)
        case .succeeded: ("✔", .succeeded)
        case .running: (Spinner.glyph(spinnerFrame), .running)
        case .interrupted: ("⚠", .interrupted)
        case .queued: ("·", .queued)
        case .cancelled: ("✕", .cancelled)
        }
    }

    /// "authentication · 401 Unauthorized: invalid or expired token", or "" without a failure.
    static func problem(_ run: RunSummary, strings: Strings) -> String {
        guard let failure = run.failure else { return "" }
        return strings.kindName(failure.kind) + " · " + clean(failure.code) + " " + clean(failure.message)
    }
}

/// One step row as fields: marker, position, name, status, duration, connection. The failing
/// step's marker is `!` in the failure-marker role: the red exclamation mark of the product.
public enum StepRow {
    /// The fields of `step`'s row.
    public static func fields(_ step: StepRun, strings: Strings, spinnerFrame: Int = 0) -> [RowField] {
        let (glyph, role) = marker(for: step.status, spinnerFrame: spinnerFrame)
        return [
            RowField(glyph, role),
            RowField(String(step.position + 1), .dim),
            RowField(clean(step.name), .text),
            RowField(strings.stepStatusName(step.status), statusRole(step.status)),
            RowField(step.duration.map(TimeText.duration) ?? "", .dim),
            RowField(step.connection.map(clean) ?? "", .dim),
        ]
    }

    /// The glyph and role of a step status; a failed step's `!` is the failure marker.
    public static func marker(for status: StepStatus, spinnerFrame: Int = 0) -> (String, StyleRole) {
        switch status {
        case .failed: ("!", .failureMarker)
        case .succeeded: ("✔", .succeeded)
        case .running: (Spinner.glyph(spinnerFrame), .running)
        case .interrupted: ("⚠", .interrupted)
        case .pending: ("·", .pending)
        case .skipped: ("↷", .skipped)
        }
    }

    static func statusRole(_ status: StepStatus) -> StyleRole {
        switch status {
        case .failed: .failed
        case .succeeded: .succeeded
        case .running: .running
        case .interrupted: .interrupted
        case .pending: .pending
        case .skipped: .skipped
        }
    }
}
