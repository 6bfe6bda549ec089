import FlowDashCore
import Foundation

/// The repair-tips email for one failure streak: the four sections (When, What happened, How to
/// fix, Troubleshooting) in a plain-text and an HTML part. Every text that came from the engine is
/// sanitised; the HTML part escapes it too. The message holds no secret: the tip has none.
public struct RepairTipMail: Sendable {
    /// The backend flags a command needs to reach the same engine, e.g. `--workspace '/srv/ws'`.
    public let backendFlags: String

    public init(backendFlags: String) { self.backendFlags = backendFlags }

    public func message(for tip: RepairTip, from: String, to: String) -> MailMessage {
        let flow = TextSanitizer.clean(tip.flow)
        let subject = "[FlowDash] \(flow) is failing: \(tip.diagnosis.kind.rawValue) (\(TextSanitizer.clean(tip.diagnosis.error.code)))"
        let sections = sections(of: tip)
        let text = (["Flow \(flow) is failing."] + sections.map { section in
            ([section.title + ":"] + section.lines.map { "  " + $0 }).joined(separator: "\n")
        }).joined(separator: "\n\n") + "\n\n-- \nSent by flowdash watch. Switch these emails off: \(command("flowdash flows tips off \(Self.shellQuoted(tip.flow))"))\n"
        let html = Self.html(flow: flow, sections: sections, optOut: command("flowdash flows tips off \(Self.shellQuoted(tip.flow))"))
        return MailMessage(from: from, to: to, subject: subject, text: text, html: html)
    }

    /// The command that reruns the streak's last run with its inputs, with the backend flags.
    public func rerunCommand(for tip: RepairTip) -> String { command(tip.rerunCommand) }

    struct Section {
        let title: String
        let lines: [String]
    }

    func sections(of tip: RepairTip) -> [Section] {
        let when = Section(title: "When", lines: [
            "First failed \(Self.timestamp(tip.firstFailedAt)), run \(tip.firstFailedRun).",
        ])
        let what = Section(title: "What happened", lines: [
            TextSanitizer.clean(DiagnosisText.whatHappened(tip.diagnosis)),
            "Step \(TextSanitizer.clean(tip.diagnosis.step)), code \(TextSanitizer.clean(tip.diagnosis.error.code)), "
                + "message: \(TextSanitizer.clean(tip.diagnosis.error.message))",
        ])
        let fix = Section(title: "How to fix", lines: tip.fixSteps.enumerated().map { index, step in
            let how = step.command.map { " Command: \(command($0))" } ?? ""
            let key = step.key.map { " (key \($0) in the interface)" } ?? ""
            return "\(index + 1). \(TextSanitizer.clean(step.text))\(key)\(how)"
        })
        let times = tip.failureCount == 1 ? "once" : "\(tip.failureCount)\(tip.failureCountIsLowerBound ? "+" : "") times"
        let inputs = tip.lastInputs.sortedPairs.map { "\(TextSanitizer.clean($0.key))=\(TextSanitizer.clean($0.value))" }
        let trouble = Section(title: "Troubleshooting", lines: [
            "Failed \(times) in this streak; last failed run \(tip.lastRun).",
            "Last inputs: \(inputs.isEmpty ? "(none)" : inputs.joined(separator: " "))",
            "Rerun with those inputs: \(rerunCommand(for: tip))",
        ])
        return [when, what, fix, trouble]
    }

    private func command(_ base: String) -> String { backendFlags.isEmpty ? base : "\(base) \(backendFlags)" }

    static func html(flow: String, sections: [Section], optOut: String) -> String {
        var body = "<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif\">\n"
        body += "<h1>Flow \(escape(flow)) is failing</h1>\n"
        for section in sections {
            body += "<h2>\(escape(section.title))</h2>\n<ul>\n"
            body += section.lines.map { "<li>\(escape($0))</li>\n" }.joined()
            body += "</ul>\n"
        }
        body += "<p><small>Sent by flowdash watch. Switch these emails off: <code>\(escape(optOut))</code></small></p>\n"
        return body + "</body></html>\n"
    }

    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `'text'` for a POSIX shell when it holds anything but safe characters.
    public static func shellQuoted(_ text: String) -> String {
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@,+")
        if !text.isEmpty, text.unicodeScalars.allSatisfy(safe.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date).replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC")
    }
}
