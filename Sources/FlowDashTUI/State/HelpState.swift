import FlowDashCore
import FlowDashKnowledge
import FlowDashService
import Foundation

/// The Help screen of a run: self-help solutions, best first, for the run's failure or for
/// what the operator described in the "ask for help" form.
public struct HelpState: Sendable {
    public let runID: RunID
    /// What `RUN`, `FLOW` and `CONNECTION` in the entries' steps stand for on this run.
    public var placeholders: [String: String] = [:]
    public var solutions: [Solution] = []
    public var loaded = false
    public var selection = 0
    /// The entry whose symptoms and causes are shown (Enter).
    public var expanded: Int?
    /// The described problem the list answers; nil while it answers the run's failure.
    public var request: HelpRequest?
    /// The code and kind the list was looked up with: what "why it matched" names.
    public var code: String?
    public var kind: FailureKind?

    public init(runID: RunID) { self.runID = runID }

    public var selected: Solution? { solutions.indices.contains(selection) ? solutions[selection] : nil }
}

/// The solutions for a run's failure and what its steps' placeholders stand for.
public struct RunSolutions: Sendable {
    public let solutions: [Solution]
    public let placeholders: [String: String]
    public let code: String?
    public let kind: FailureKind?

    public init(solutions: [Solution], placeholders: [String: String], code: String? = nil, kind: FailureKind? = nil) {
        self.solutions = solutions
        self.placeholders = placeholders
        self.code = code
        self.kind = kind
    }

    /// `RUN`, `FLOW` and, when the diagnosis names one, `CONNECTION` of `report`'s run.
    public static func placeholders(of report: RunReport) -> [String: String] {
        var values = ["RUN": report.detail.summary.id.rawValue, "FLOW": report.detail.summary.flow]
        values["CONNECTION"] = report.diagnosis?.connection
        return values
    }
}

/// "Ask for help": the problem type, a category and a description, typed field by field.
public struct HelpForm: Sendable, Equatable {
    public enum Field: Int, CaseIterable, Sendable { case problemType, category, description }

    public var problemType = FailureKind.other
    public var category = ""
    public var description = ""
    public var field = Field.problemType

    public init() {}

    /// The request "show solutions" ranks; an empty field is left out.
    public var request: HelpRequest {
        let category = category.trimmingCharacters(in: .whitespaces)
        return HelpRequest(problemType: problemType.rawValue, category: category.isEmpty ? nil : category,
                           description: description.trimmingCharacters(in: .whitespaces))
    }

    /// The kinds ←/→ cycle through, in this order.
    public static let problemTypes: [FailureKind] = [.authentication, .configuration, .transient, .other]
}

/// Fills the knowledge entries' placeholders for one run.
public enum StepPlaceholders {
    /// Replaces each placeholder where it stands as a whole word (`RUN`, not `RUNNING`) and drops
    /// Markdown backticks, which are noise on a terminal; an unknown placeholder stays as written.
    public static func fill(_ text: String, with values: [String: String]) -> String {
        let plain = text.replacingOccurrences(of: "`", with: "")
        return values.keys.sorted().reduce(plain) { text, key in
            guard let value = values[key], let pattern = try? NSRegularExpression(pattern: "\\b\(key)\\b") else {
                return text
            }
            return pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                    withTemplate: NSRegularExpression.escapedTemplate(for: value))
        }
    }
}

/// Where `b` writes a run's support bundle: `FOLDER/flowdash-support-RUN-DATE.tar.gz`, the run id
/// made safe for a file name.
public enum SupportBundlePath {
    public static func file(in folder: String, run: RunID, now: Date) -> String {
        let safeRun = String(run.rawValue.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let name = "flowdash-support-\(safeRun.prefix(80))-\(formatter.string(from: now)).tar.gz"
        return URL(fileURLWithPath: folder, isDirectory: true).appendingPathComponent(name).path
    }
}
