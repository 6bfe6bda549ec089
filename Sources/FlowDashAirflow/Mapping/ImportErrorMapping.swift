import FlowDashCore
import Foundation

/// Import errors as definition problems.
enum ImportErrorMapping {
    /// The error as a problem in `file` (the DAG's path when known, else Airflow's relative name):
    /// the traceback's last line as the message, and the line of the file's last frame.
    static func problem(of error: ImportErrorDTO, file: String? = nil) -> DefinitionProblem {
        let trace = error.stackTrace ?? ""
        return DefinitionProblem(file: file ?? error.filename, line: line(in: trace, of: error.filename),
                                 message: message(of: trace))
    }

    /// The exception line Python prints last (`ModuleNotFoundError: No module named 'x'`).
    static func message(of trace: String) -> String {
        let last = trace.split(whereSeparator: \.isNewline)
            .last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { String($0).trimmingCharacters(in: .whitespaces) }
        let clean = TextSanitizer.clean(last ?? "")
        return TextSanitizer.truncate(clean.isEmpty ? "the DAG file did not load" : clean, to: LogFailure.messageLimit)
    }

    /// The line of the last `File "…/name.py", line N` frame in the DAG file itself: where the
    /// file went wrong even when the exception was raised in a module it imports.
    static func line(in trace: String, of filename: String) -> Int? {
        let frame = #/File "([^"]+)", line (\d+)/#
        let lines = trace.matches(of: frame).compactMap { match -> Int? in
            let path = String(match.output.1)
            guard path == filename || path.hasSuffix("/" + filename) else { return nil }
            return Int(match.output.2)
        }
        return lines.last
    }
}
