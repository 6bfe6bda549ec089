import FlowDashCore
import FlowDashService
import Foundation

/// Human-readable output. Remote text is sanitised here, at the last moment before a terminal.
struct TextOutput {
    /// Colour only on a terminal and only when NO_COLOR is unset (https://no-color.org).
    let useColor: Bool
    let now: Date

    init(now: Date = Date()) {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        useColor = isatty(STDOUT_FILENO) == 1 && !noColor
        self.now = now
    }

    func red(_ text: String) -> String { useColor ? "\u{1b}[1;31m\(text)\u{1b}[0m" : text }
    func dim(_ text: String) -> String { useColor ? "\u{1b}[2m\(text)\u{1b}[0m" : text }

    func activityTable(_ runs: [RunSummary]) -> String {
        guard !runs.isEmpty else { return "No runs." }
        let rows = runs.map { run -> [String] in
            let failure = run.failure.map { "\($0.kind.rawValue) \($0.code) \(TextSanitizer.clean($0.message))" } ?? ""
            return [run.id.rawValue, run.status.rawValue, TextSanitizer.clean(run.flow),
                    "\(timestamp(run.startedAt)) (\(relative(run.startedAt)))",
                    TextSanitizer.truncate(failure, to: 80)]
        }
        return table(header: ["RUN", "STATUS", "FLOW", "STARTED", "FAILURE"], rows: rows)
    }

    func report(_ report: RunReport) -> String {
        let run = report.detail.summary
        var lines = ["Run \(run.id) · \(TextSanitizer.clean(run.flow)) · \(run.status.rawValue) · started \(timestamp(run.startedAt)) (\(relative(run.startedAt)))"]
        if let origin = run.resubmittedFrom { lines.append("Resubmitted from run \(origin)") }
        if !run.inputs.values.isEmpty {
            lines.append("Inputs: " + run.inputs.sortedPairs.map { "\($0.key)=\(TextSanitizer.clean($0.value))" }.joined(separator: " "))
        }
        lines.append("")
        let failing = report.detail.failingStep?.position
        let rows = report.detail.steps.map { step -> [String] in
            let marker = step.position == failing ? red("!") : glyph(step.status)
            let error = step.error.map { "\($0.code) \(TextSanitizer.clean($0.message))" } ?? ""
            return [marker, "\(step.position + 1)", TextSanitizer.clean(step.name), step.status.rawValue,
                    connectionCell(step), step.duration.map(milliseconds) ?? "", TextSanitizer.truncate(error, to: 100)]
        }
        lines.append(table(header: ["", "#", "STEP", "STATUS", "CONNECTION", "TIME", "ERROR"], rows: rows))
        if let diagnosis = report.diagnosis {
            lines.append("")
            lines.append("Failure: \(diagnosis.kind.rawValue)")
            lines.append("What happened: \(TextSanitizer.clean(DiagnosisText.whatHappened(diagnosis)))")
            lines.append("How to fix:")
            for (index, step) in DiagnosisText.howToFix(diagnosis, runID: run.id).enumerated() {
                lines.append("  \(index + 1). \(TextSanitizer.clean(step))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The step's connection; when only candidates are known, all of them (`a | b?`).
    private func connectionCell(_ step: StepRun) -> String {
        if let connection = step.connection { return TextSanitizer.clean(connection) }
        guard step.connectionLeads.count > 1 else { return "" }
        return step.connectionLeads.map { TextSanitizer.clean($0.name) }.joined(separator: " | ") + "?"
    }

    func connectionsTable(_ connections: [ConnectionInfo]) -> String {
        guard !connections.isEmpty else { return "No connections." }
        let rows = connections.map { connection -> [String] in
            let status = connection.status == .unauthorized ? red(connection.status.rawValue) : connection.status.rawValue
            return [connection.name, status, connection.auth, TextSanitizer.clean(connection.target),
                    connection.lastVerifiedAt.map(timestamp) ?? "never",
                    TextSanitizer.truncate(TextSanitizer.clean(connection.lastError ?? ""), to: 60)]
        }
        return table(header: ["NAME", "STATUS", "AUTH", "TARGET", "VERIFIED", "LAST ERROR"], rows: rows)
    }

    func flowsTable(_ flows: [FlowSummary]) -> String {
        guard !flows.isEmpty else { return "No flows." }
        let rows = flows.map { flow in
            [flow.name, "\(flow.stepCount)", TextSanitizer.truncate(TextSanitizer.clean(flow.description ?? ""), to: 60),
             flow.inputs.sortedPairs.map { "\($0.key)=\($0.value)" }.joined(separator: " ")]
        }
        return table(header: ["FLOW", "STEPS", "DESCRIPTION", "INPUTS"], rows: rows)
    }

    // MARK: Pieces

    func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon))
    }

    func relative(_ date: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date).rounded())
        switch seconds {
        case ..<5: return "just now"
        case ..<60: return "\(seconds)s ago"
        case ..<3600: return "\(seconds / 60)m ago"
        case ..<86_400: return "\(seconds / 3600)h ago"
        default: return "\(seconds / 86_400)d ago"
        }
    }

    private func milliseconds(_ interval: TimeInterval) -> String {
        interval < 1 ? "\(Int((interval * 1000).rounded())) ms" : String(format: "%.1f s", interval)
    }

    private func glyph(_ status: StepStatus) -> String {
        switch status {
        case .succeeded: "✔"
        case .failed: "!"
        case .running: "…"
        case .pending: "·"
        case .skipped: "-"
        case .interrupted: "⚠"
        }
    }

    /// Left-aligned columns; widths ignore colour escapes so coloured cells still line up.
    func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { visibleWidth($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let cell = row[column]
                let isLast = column == row.count - 1
                return isLast ? cell : cell + String(repeating: " ", count: widths[column] - visibleWidth(cell))
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }

    private func visibleWidth(_ text: String) -> Int {
        TextSanitizer.clean(text).count
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
