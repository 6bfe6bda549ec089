import FlowDashCore
import Foundation

/// Definition files that do not load, as `activity` and `flows broken` show them.
extension TextOutput {
    /// The section `activity` prints above the runs.
    func definitionFailuresSection(_ failures: [DefinitionFailure]) -> String {
        let title = red("Definition files that do not load (\(failures.count)); fix the file, no run to resubmit:")
        return title + "\n" + definitionFailuresTable(failures)
    }

    func definitionFailuresTable(_ failures: [DefinitionFailure]) -> String {
        let rows = failures.map { failure -> [String] in
            let place = TextSanitizer.clean(failure.file) + (failure.problem.line.map { ":\($0)" } ?? "")
            return [place, failure.flow.map { TextSanitizer.clean($0) } ?? "",
                    failure.seenAt.map { "\(timestamp($0)) (\(relative($0)))" } ?? "",
                    TextSanitizer.truncate(TextSanitizer.clean(failure.problem.message), to: 100)]
        }
        return table(header: ["FILE", "FLOW", "SEEN", "PROBLEM"], rows: rows)
    }
}
