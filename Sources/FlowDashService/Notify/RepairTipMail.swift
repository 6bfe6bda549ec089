import FlowDashCore
import Foundation

/// The repair-tips email for one failure streak: the four sections (When, What happened, How to
/// fix, Troubleshooting) in a plain-text and an HTML part. Every text that came from the engine is
/// sanitised; the HTML part escapes it too. The message holds no secret: the tip has none.
public struct RepairTipMail: Sendable {
    /// The backend flags a command needs to reach the same engine, e.g. `--workspace '/srv/ws'`.
    public let backendFlags: String
    let wording: MailWording

    public init(backendFlags: String, language: MailLanguage = .english) {
        self.backendFlags = backendFlags
        wording = MailWording(language: language)
    }

    public func message(for tip: RepairTip, from: String, to: String) -> MailMessage {
        let flow = TextSanitizer.clean(tip.flow)
        let subject = wording.subject(flow: flow, kind: tip.diagnosis.kind, code: TextSanitizer.clean(tip.diagnosis.error.code))
        let sections = sections(of: tip)
        let heading = wording.heading(flow: flow)
        let optOut = wording.optOut(command("flowdash flows tips off \(Self.shellQuoted(tip.flow))"))
        let text = ([heading] + sections.map { section in
            ([wording.label(section.title)] + section.lines.map { "  " + $0 }).joined(separator: "\n")
        }).joined(separator: "\n\n") + "\n\n-- \n\(optOut)\n"
        let html = Self.html(heading: heading, sections: sections, optOut: optOut)
        return MailMessage(from: from, to: to, subject: subject, text: text, html: html)
    }

    /// The command that reruns the streak's last run with its inputs, with the backend flags.
    public func rerunCommand(for tip: RepairTip) -> String { command(tip.rerunCommand) }

    struct Section {
        let title: String
        let lines: [String]
    }

    func sections(of tip: RepairTip) -> [Section] {
        let titles = wording.titles
        let when = Section(title: titles.when, lines: [
            wording.firstFailed(at: Self.timestamp(tip.firstFailedAt), run: tip.firstFailedRun),
        ])
        let what = Section(title: titles.what, lines: [
            TextSanitizer.clean(wording.whatHappened(tip.diagnosis)),
            wording.stepLine(step: TextSanitizer.clean(tip.diagnosis.step), code: TextSanitizer.clean(tip.diagnosis.error.code),
                             message: TextSanitizer.clean(tip.diagnosis.error.message)),
        ])
        let fix = Section(title: titles.fix, lines: tip.fixSteps.enumerated().map { index, step in
            let how = step.command.map { wording.command(command($0)) } ?? ""
            let key = step.key.map { wording.key($0) } ?? ""
            return "\(index + 1). \(TextSanitizer.clean(wording.fixStep(step.action)))\(key)\(how)"
        })
        let inputs = tip.lastInputs.sortedPairs.map { "\(TextSanitizer.clean($0.key))=\(TextSanitizer.clean($0.value))" }
        let trouble = Section(title: titles.trouble, lines: [
            wording.failedTimes(tip.failureCount, lowerBound: tip.failureCountIsLowerBound, lastRun: tip.lastRun),
            wording.lastInputs(inputs.isEmpty ? nil : inputs.joined(separator: " ")),
            wording.rerun(rerunCommand(for: tip)),
        ])
        return [when, what, fix, trouble]
    }

    private func command(_ base: String) -> String { backendFlags.isEmpty ? base : "\(base) \(backendFlags)" }

    static func html(heading: String, sections: [Section], optOut: String) -> String {
        var body = "<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif\">\n"
        body += "<h1>\(escape(heading))</h1>\n"
        for section in sections {
            body += "<h2>\(escape(section.title))</h2>\n<ul>\n"
            body += section.lines.map { "<li>\(escape($0))</li>\n" }.joined()
            body += "</ul>\n"
        }
        body += "<p><small>\(escape(optOut))</small></p>\n"
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
