import FlowDashCore
import FlowDashService
import Foundation

/// The watch's output: one line per event, text or JSON (docs/JSON.md, "watch"). Written straight
/// to the file handles so a reader on a pipe sees each line as it happens.
struct WatchEventPrinter: Sendable {
    let json: Bool

    struct Line: Encodable {
        let event: String
        let flow: String
        let firstFailedRun: String
        var recipient: String?
        var attempt: Int?
        var error: String?
        var nextAttemptAt: Date?
        var reason: String?
    }

    func print(_ event: NotifierEvent) {
        let line = Self.line(for: event)
        // why: a failed delivery is never silent, whatever the output format.
        if line.event == "failed", json { problem(Self.text(line)) }
        guard json else { return write(Self.text(line), to: .standardOutput) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(line) else { return }
        write(String(decoding: data, as: UTF8.self), to: .standardOutput)
    }

    func note(_ text: String) { if !json { write(text, to: .standardOutput) } }

    func problem(_ text: String) { write("flowdash watch: " + TextSanitizer.clean(text), to: .standardError) }

    static func line(for event: NotifierEvent) -> Line {
        switch event {
        case .sent(let key, let recipient, let attempt):
            Line(event: "sent", flow: key.flow, firstFailedRun: key.firstFailedRun.rawValue, recipient: recipient, attempt: attempt)
        case .failed(let key, let recipient, let attempt, let error, let next):
            Line(event: "failed", flow: key.flow, firstFailedRun: key.firstFailedRun.rawValue, recipient: recipient,
                 attempt: attempt, error: OutputScrubber.shared.scrub(error), nextAttemptAt: next)
        case .skipped(let key, let reason):
            Line(event: "skipped", flow: key.flow, firstFailedRun: key.firstFailedRun.rawValue, reason: reason)
        }
    }

    static func text(_ line: Line) -> String {
        let flow = TextSanitizer.clean(line.flow)
        switch line.event {
        case "sent": return "sent: repair tips for \(flow) (streak from run \(line.firstFailedRun)) to \(line.recipient ?? "")"
        case "failed":
            let next = line.nextAttemptAt.map { ISO8601DateFormatter().string(from: $0) } ?? "later"
            return "failed: repair tips for \(flow) to \(line.recipient ?? ""), attempt \(line.attempt ?? 0): \(TextSanitizer.clean(line.error ?? "")); next try \(next)"
        default: return "skipped: \(flow) (streak from run \(line.firstFailedRun)): \(line.reason ?? "")"
        }
    }

    private enum Stream { case standardOutput, standardError }

    private func write(_ text: String, to stream: Stream) {
        let handle: FileHandle = stream == .standardOutput ? .standardOutput : .standardError
        try? handle.write(contentsOf: Data((text + "\n").utf8))
    }
}
