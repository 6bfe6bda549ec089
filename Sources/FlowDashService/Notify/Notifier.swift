import FlowDashCore
import Foundation
import Logging

/// What a notifier pass did, one event per email sent, delivery failed, or streak skipped.
public enum NotifierEvent: Sendable, Equatable {
    case sent(NotifierState.StreakKey, recipient: String, attempt: Int)
    case failed(NotifierState.StreakKey, recipient: String, attempt: Int, error: String, nextAttemptAt: Date)
    case skipped(NotifierState.StreakKey, reason: String)
}

/// Sends each failing flow's owner one repair-tips email per failure streak.
///
/// `poll()` reads the repair tips and queues an email for each streak it has not seen; `deliverDue()`
/// sends the queued emails whose time has come. The two are separate so that a slow mail server
/// never holds up polling (the watch command runs them in two loops). Every change is saved before
/// the call returns, so a restart neither resends a delivered email nor loses a pending one.
public actor Notifier {
    public struct Settings: Sendable {
        public let from: String
        /// Receives the emails of flows without an email owner; nil skips those flows.
        public let fallbackTo: String?
        /// Waits between failed attempts; the last one repeats.
        public let backoff: [TimeInterval]

        public init(from: String, fallbackTo: String? = nil, backoff: [TimeInterval] = [5, 30, 120, 600, 1800]) {
            self.from = from
            self.fallbackTo = fallbackTo
            self.backoff = backoff.isEmpty ? [30] : backoff
        }
    }

    let service: FlowService
    let transport: any MailTransport
    let stateFile: NotifierStateFile
    let settings: Settings
    let mail: RepairTipMail
    let logger: Logger
    let now: @Sendable () -> Date
    private var state: NotifierState
    /// The tips read by the last poll, by streak: what a pending email says.
    private var tips: [NotifierState.StreakKey: RepairTip] = [:]

    public init(
        service: FlowService, transport: any MailTransport, stateFile: NotifierStateFile, settings: Settings,
        mail: RepairTipMail, logger: Logger = Logger(label: "flowdash.notifier"), now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.service = service
        self.transport = transport
        self.stateFile = stateFile
        self.settings = settings
        self.mail = mail
        self.logger = logger
        self.now = now
        state = try stateFile.load()
    }

    public var currentState: NotifierState { state }

    /// Reads the failing flows and queues one email for each streak not seen before.
    public func poll() async throws -> [NotifierEvent] {
        let current = try await service.repairTips(limit: Int.max)
        let owners = try await Dictionary(service.flows().map { ($0.name, $0.owner) }) { first, _ in first }
        var events: [NotifierEvent] = []
        tips = Dictionary(current.map { (key(of: $0), $0) }) { first, _ in first }
        for tip in current {
            let streak = key(of: tip)
            guard !state.knows(streak) else { continue }
            if tip.tipsOff {
                events.append(skip(streak, reason: "repair tips are off for this flow"))
            } else if let recipient = Self.emailAddress(in: owners[tip.flow] ?? nil) ?? settings.fallbackTo {
                state.pending.append(.init(key: streak, recipient: recipient, attempts: 0, nextAttemptAt: now(), lastError: nil))
                logger.info("queued a repair-tips email", metadata: ["streak": "\(streak)", "to": "\(recipient)"])
            } else {
                events.append(skip(streak, reason: "the flow has no email owner (set its owner, or notify.fallbackTo)"))
            }
        }
        // why: a streak that ended before its email went out is over; telling the owner now would mislead.
        let ended = state.pending.filter { tips[$0.key] == nil }
        for pending in ended {
            events.append(skip(pending.key, reason: "the streak ended before its email could be sent"))
        }
        state.pending.removeAll { tips[$0.key] == nil }
        state.forgetEnded(current: Set(tips.keys))
        try stateFile.save(state)
        return events
    }

    /// Sends every queued email that is due, one at a time; a failure is kept with its next attempt.
    public func deliverDue() async throws -> [NotifierEvent] {
        var events: [NotifierEvent] = []
        let due = state.pending.filter { $0.nextAttemptAt <= now() }.map(\.key)
        for key in due {
            guard let pending = state.pending.first(where: { $0.key == key }), let tip = tips[key] else { continue }
            let attempt = pending.attempts + 1
            let message = mail.message(for: tip, from: settings.from, to: pending.recipient)
            do {
                try await transport.send(message)
                state.pending.removeAll { $0.key == key }
                state.settled.append(.init(key: key, outcome: .sent, at: now(), recipient: pending.recipient))
                logger.info("sent a repair-tips email", metadata: ["streak": "\(key)", "to": "\(pending.recipient)"])
                events.append(.sent(key, recipient: pending.recipient, attempt: attempt))
            } catch {
                let reason = TextSanitizer.clean(String(describing: error))
                let wait = settings.backoff[min(attempt - 1, settings.backoff.count - 1)]
                let next = now().addingTimeInterval(wait)
                if let index = state.pending.firstIndex(where: { $0.key == key }) {
                    state.pending[index].attempts = attempt
                    state.pending[index].nextAttemptAt = next
                    state.pending[index].lastError = reason
                }
                logger.warning("could not send a repair-tips email; will retry", metadata: [
                    "streak": "\(key)", "to": "\(pending.recipient)", "attempt": "\(attempt)", "error": "\(reason)"])
                events.append(.failed(key, recipient: pending.recipient, attempt: attempt, error: reason, nextAttemptAt: next))
            }
            try stateFile.save(state)
        }
        return events
    }

    /// The earliest moment a queued email is due, if any.
    public var nextDueAt: Date? { state.pending.map(\.nextAttemptAt).min() }

    private func skip(_ key: NotifierState.StreakKey, reason: String) -> NotifierEvent {
        state.settled.append(.init(key: key, outcome: .skipped, at: now(), recipient: nil))
        logger.notice("no repair-tips email for this streak", metadata: ["streak": "\(key)", "reason": "\(reason)"])
        return .skipped(key, reason: reason)
    }

    /// The streak's key. A streak longer than the window read has no known first run (the oldest
    /// seen moves with each new failure), so it keeps the key it was first seen under.
    func key(of tip: RepairTip) -> NotifierState.StreakKey {
        let key = NotifierState.StreakKey(flow: tip.flow, firstFailedRun: tip.firstFailedRun)
        guard tip.failureCountIsLowerBound else { return key }
        let known = state.settled.map(\.key) + state.pending.map(\.key)
        return known.first { $0.flow == tip.flow } ?? key
    }

    /// The first email address in an owner field (Airflow joins several owners with commas).
    static func emailAddress(in owner: String?) -> String? {
        guard let owner else { return nil }
        return owner.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "<>\"'")) }
            .first { candidate in
                let parts = candidate.split(separator: "@", omittingEmptySubsequences: false)
                return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
                    && !candidate.contains { $0.isNewline || $0.isWhitespace || $0 == "\0" }
            }
    }
}
