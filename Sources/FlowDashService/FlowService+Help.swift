import FlowDashCore
import FlowDashKnowledge
import Foundation

/// "Ask for help": what the operator types when the diagnosis does not say enough.
public struct HelpRequest: Sendable, Hashable {
    /// A failure kind (`authentication`, …) or any words naming the type of problem.
    public var problemType: String?
    /// Where it happens, in the operator's words (`http`, `directory lookup`, …).
    public var category: String?
    public var description: String
    /// An HTTP status or transport code, when the operator has one.
    public var code: String?

    public init(problemType: String? = nil, category: String? = nil, description: String, code: String? = nil) {
        self.problemType = problemType
        self.category = category
        self.description = description
        self.code = code
    }

    var query: KnowledgeQuery {
        let kind = problemType.flatMap { FailureKind(rawValue: $0.lowercased()) }
        let words = [problemType, category, description].compactMap { $0 }.joined(separator: " ")
        return KnowledgeQuery(code: code, kind: kind, text: words)
    }
}

public enum HelpError: Error, Sendable, Equatable, CustomStringConvertible {
    case runDidNotFail(RunID)
    case emptyRequest

    public var description: String {
        switch self {
        case .runDidNotFail(let id):
            "run \(id) did not fail, so there is nothing to look up; describe the problem instead (flowdash solutions --describe TEXT)"
        case .emptyRequest: "describe the problem in a few words, or give its code or type"
        }
    }
}

extension FlowService {
    /// The self-help query for a failed run: the failing step's code, its kind and its message.
    public static func knowledgeQuery(for diagnosis: Diagnosis) -> KnowledgeQuery {
        KnowledgeQuery(code: diagnosis.error.code, kind: diagnosis.kind, text: TextSanitizer.clean(diagnosis.error.message))
    }

    /// Self-help for a failed run, best first.
    public func solutions(for run: RunID, limit: Int = 5, knowledge: KnowledgeBase? = nil) async throws -> [Solution] {
        try Self.solutions(for: try await report(for: run), limit: limit, knowledge: knowledge)
    }

    /// The same for a report already read (the caller also wants its diagnosis).
    public static func solutions(for report: RunReport, limit: Int = 5, knowledge: KnowledgeBase? = nil) throws -> [Solution] {
        guard let diagnosis = report.diagnosis else { throw HelpError.runDidNotFail(report.detail.summary.id) }
        return try (knowledge ?? KnowledgeBase.shipped()).rank(Self.knowledgeQuery(for: diagnosis), limit: limit)
    }

    /// Self-help for a described problem ("show solutions"), best first.
    public func solutions(matching request: HelpRequest, limit: Int = 5, knowledge: KnowledgeBase? = nil) throws -> [Solution] {
        try Self.solutions(matching: request, limit: limit, knowledge: knowledge)
    }

    /// The same without a backend: a described problem reads only the knowledge base.
    public static func solutions(matching request: HelpRequest, limit: Int = 5, knowledge: KnowledgeBase? = nil) throws -> [Solution] {
        let query = request.query
        guard !query.isEmpty else { throw HelpError.emptyRequest }
        return try (knowledge ?? KnowledgeBase.shipped()).rank(query, limit: limit)
    }

    /// A run with its steps, errors, timings and environment, every secret removed; write it
    /// with `SupportBundleArchive`. Connection secrets are never read, so they cannot be in it.
    /// - Parameter context: nil takes the one the service was made with.
    public func supportBundle(for run: RunID, context: SupportContext? = nil,
                              knowledge: KnowledgeBase? = nil, now: Date = Date()) async throws -> SupportBundle {
        let context = context ?? supportContext
        let report = try await report(for: run)
        // why: a knowledge base that cannot load must not stop the bundle support asks for.
        let base = knowledge ?? (try? KnowledgeBase.shipped())
        let solutions = report.diagnosis.map { base?.rank(Self.knowledgeQuery(for: $0), limit: 3).map(\.entry.id) ?? [] } ?? []
        return SupportBundle(report: report, backend: backendKind, context: context, solutions: solutions,
                             redactor: SupportBundleRedactor(knownSecrets: context.knownSecrets), now: now)
    }
}
