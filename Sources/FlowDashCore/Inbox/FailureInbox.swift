import Foundation

/// Failed runs that share one root cause, across flows.
public struct FailureGroup: Hashable, Sendable, Codable {
    public let cause: FailureCause
    public let runCount: Int
    /// The flows with runs in the group, sorted by name.
    public let flows: [String]
    /// The error codes seen, sorted (a connection cause may hold 401 and 403).
    public let codes: [String]
    /// When the oldest and the newest run of the group ended (or started, when unknown).
    public let firstFailedAt: Date
    public let lastFailedAt: Date
    /// The newest run's message, as an example.
    public let latestMessage: String

    public init(cause: FailureCause, runCount: Int, flows: [String], codes: [String],
                firstFailedAt: Date, lastFailedAt: Date, latestMessage: String) {
        self.cause = cause
        self.runCount = runCount
        self.flows = flows
        self.codes = codes
        self.firstFailedAt = firstFailedAt
        self.lastFailedAt = lastFailedAt
        self.latestMessage = latestMessage
    }

    public var id: String { cause.id }
}

/// The failures still waiting for a fix, grouped by root cause: the biggest group first, then
/// the most recent.
///
/// A failed run is in the inbox (it is an *open failure*) until:
/// - a run of its flow created after it succeeds (a later success ends the flow's streak,
///   whoever started it), or
/// - it is resubmitted: from then on its resubmitted run stands for it — gone when that one
///   succeeds, in the inbox in its place when it fails too. The link is kept in the ledger, so a
///   failure is never counted twice and never lost.
/// "Created after" is the backend's order of runs (the embedded store's ids; start times elsewhere).
public struct FailureInbox: Hashable, Sendable {
    public let groups: [FailureGroup]
    /// Worked out from a window of recent runs, not from all history: older open failures may
    /// be missing and counts are lower bounds.
    public let isPartial: Bool

    public init(groups: [FailureGroup], isPartial: Bool) {
        self.groups = Self.ordered(groups)
        self.isPartial = isPartial
    }

    public var runCount: Int { groups.reduce(0) { $0 + $1.runCount } }

    public func group(_ cause: FailureCause) -> FailureGroup? { groups.first { $0.cause == cause } }

    static func ordered(_ groups: [FailureGroup]) -> [FailureGroup] {
        groups.sorted { ($0.runCount, $0.lastFailedAt, $1.id) > ($1.runCount, $1.lastFailedAt, $0.id) }
    }

    /// The inbox of `runs` (any order, any flows). The window decides what is known: runs older
    /// than it are not seen, so pass `isPartial` when it was capped.
    public static func make(from runs: [RunSummary], isPartial: Bool) -> FailureInbox {
        let open = openFailures(in: runs)
        var byCause: [FailureCause: [RunSummary]] = [:]
        for run in open {
            guard let failure = run.failure else { continue }
            byCause[FailureCause(of: failure), default: []].append(run)
        }
        let groups = byCause.map { cause, members in group(cause, members: members) }
        return FailureInbox(groups: groups, isPartial: isPartial)
    }

    /// The open failures among `runs`, newest first (in `createdBefore`'s order).
    public static func openFailures(in runs: [RunSummary]) -> [RunSummary] {
        var seen: Set<RunID> = []
        let unique = runs.filter { seen.insert($0.id).inserted }
        let resubmitted = Set(unique.compactMap(\.resubmittedFrom))
        var lastSuccess: [String: RunSummary] = [:]
        for run in unique where run.status == .succeeded {
            if let known = lastSuccess[run.flow], !createdBefore(known, run) { continue }
            lastSuccess[run.flow] = run
        }
        return unique
            .filter { run in
                run.status == .failed && run.failure != nil && !resubmitted.contains(run.id)
                    && lastSuccess[run.flow].map { createdBefore($0, run) } ?? true
            }
            .sorted { createdBefore($1, $0) }
    }

    /// Whether `a` was created before `b`: by start time, then by id (numeric ids by value).
    public static func createdBefore(_ a: RunSummary, _ b: RunSummary) -> Bool {
        a.startedAt != b.startedAt ? a.startedAt < b.startedAt : a.id < b.id
    }

    static func group(_ cause: FailureCause, members: [RunSummary]) -> FailureGroup {
        let newestFirst = members.sorted { createdBefore($1, $0) }
        let ended = newestFirst.map { $0.finishedAt ?? $0.startedAt }
        return FailureGroup(
            cause: cause, runCount: members.count, flows: Set(members.map(\.flow)).sorted(),
            codes: Set(members.compactMap { $0.failure?.code }).sorted(),
            firstFailedAt: ended.min() ?? Date(timeIntervalSince1970: 0),
            lastFailedAt: ended.max() ?? Date(timeIntervalSince1970: 0),
            latestMessage: newestFirst.first?.failure?.message ?? "")
    }
}
