import FlowDashCore
import Foundation
import Yams

/// The problems of one file, collected while it is read so that one bad value does not hide the next.
struct ProblemLog {
    let file: String
    private(set) var problems: [DefinitionProblem] = []

    init(file: String) {
        self.file = file
    }

    var isEmpty: Bool { problems.isEmpty }

    /// Messages quote values from the file, so they are cleaned before they can reach a terminal.
    mutating func report(_ message: String, line: Int?, column: Int? = nil) {
        problems.append(DefinitionProblem(file: file, line: line, column: column, message: TextSanitizer.clean(message)))
    }

    mutating func report(_ message: String, at mark: Mark?) {
        report(message, line: mark?.line, column: mark?.column)
    }

    mutating func report(_ message: String, at node: Node) {
        report(message, at: node.mark)
    }

    mutating func append(contentsOf other: ProblemLog) {
        problems.append(contentsOf: other.problems)
    }
}

extension [DefinitionProblem] {
    /// By file, then line and column; problems without a line (whole-file ones) come first.
    func sortedByLocation() -> [DefinitionProblem] {
        enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return (a.line ?? 0) < (b.line ?? 0) }
            if a.column != b.column { return (a.column ?? 0) < (b.column ?? 0) }
            return left.offset < right.offset
        }.map(\.element)
    }
}
