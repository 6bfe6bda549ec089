import ArgumentParser
import FlowDashCore
import FlowDashKnowledge
import FlowDashService
import Foundation

/// `flowdash solutions RUN` or `flowdash solutions --describe TEXT`: self-help from the knowledge
/// base that ships with FlowDash (docs/HELP.md), best match first, each with its fix steps.
struct SolutionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solutions",
        abstract: "Find self-help for a failed run, or for a problem you describe.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "A failed run (leave out with --describe).") var run: String?
    @Option(help: ArgumentHelp("Describe the problem in your words instead of naming a run.", valueName: "text"))
    var describe: String?
    @Option(name: .customLong("type"), help: ArgumentHelp("The problem type: authentication, configuration, transient, other, or words.", valueName: "type"))
    var problemType: String?
    @Option(help: ArgumentHelp("Where it happens, e.g. http, connection, directory lookup.", valueName: "category"))
    var category: String?
    @Option(help: ArgumentHelp("An HTTP status or code such as timeout.", valueName: "code"))
    var code: String?
    @Option(help: "How many solutions to show.") var limit = 5

    func validate() throws {
        let describing = describe != nil || problemType != nil || category != nil || code != nil
        if run != nil, describing {
            throw ValidationError("give either a run or --describe/--type/--category/--code, not both")
        }
        if run == nil, !describing { throw ValidationError("give a failed run, or describe the problem with --describe") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let solutions: [Solution]
        let subject: String
        var placeholders: [String: String] = [:]
        if let run {
            let report = try await backend.makeService().report(for: RunID(run))
            solutions = try FlowService.solutions(for: report, limit: limit)
            subject = "run \(run)"
            placeholders["RUN"] = run
            placeholders["FLOW"] = report.detail.summary.flow
            placeholders["CONNECTION"] = report.diagnosis?.connection
        } else {
            // why: a described problem needs no backend; Airflow would ask to sign in for nothing.
            let request = HelpRequest(problemType: problemType, category: category, description: describe ?? "", code: code)
            solutions = try FlowService.solutions(matching: request, limit: limit)
            subject = "your description"
        }
        if output.json {
            try JSONOutput.print(solutions.map(JSONOutput.Solution.init))
        } else {
            print(Self.text(solutions, subject: subject, run: run, placeholders: placeholders))
        }
    }

    /// - Parameter placeholders: what `RUN`, `FLOW` and `CONNECTION` in the entries' steps stand
    ///   for here; one that is unknown stays as written.
    static func text(_ solutions: [Solution], subject: String, run: String?, placeholders: [String: String] = [:]) -> String {
        guard !solutions.isEmpty else {
            let bundle = run.map { "flowdash support-bundle \($0) -o flowdash-support.tar.gz" } ?? "flowdash support-bundle RUN -o FILE"
            return "No self-help entry matches \(subject). Collect a support bundle for the service's support: \(bundle)"
        }
        var lines = ["Solutions for \(subject), best first:"]
        for (rank, solution) in solutions.enumerated() {
            lines.append("")
            lines.append("\(rank + 1). \(solution.entry.title)  [\(solution.entry.id)]")
            for (number, step) in solution.entry.steps.enumerated() {
                // why: the entries are Markdown; on a terminal the backticks are noise.
                let plain = step.replacingOccurrences(of: "`", with: "")
                lines.append("   \(number + 1)) \(Self.filling(plain, with: placeholders))")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension SolutionsCommand {
    /// Replaces each placeholder where it stands as a whole word (`RUN`, not `RUNNING`).
    static func filling(_ text: String, with placeholders: [String: String]) -> String {
        placeholders.reduce(text) { text, placeholder in
            guard let pattern = try? NSRegularExpression(pattern: "\\b\(placeholder.key)\\b") else { return text }
            let template = NSRegularExpression.escapedTemplate(for: placeholder.value)
            return pattern.stringByReplacingMatches(
                in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
    }
}

extension JSONOutput {
    /// One entry of `flowdash solutions --json` (docs/JSON.md).
    struct Solution: Encodable {
        let id: String
        let title: String
        let kinds: [String]
        let codes: [String]
        let score: Double
        let matchedCode: Bool
        let matchedKind: Bool
        let symptoms: String
        let causes: String
        let steps: [String]

        init(_ solution: FlowDashKnowledge.Solution) {
            let entry = solution.entry
            id = entry.id
            title = entry.title
            kinds = entry.kinds.map(\.rawValue).sorted()
            codes = entry.codes.sorted()
            score = (solution.score * 1000).rounded() / 1000
            matchedCode = solution.matchedCode
            matchedKind = solution.matchedKind
            symptoms = entry.symptoms
            causes = entry.causes
            steps = entry.steps
        }
    }
}
