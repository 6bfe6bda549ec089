import Foundation

/// Connection ids a DAG file names, read from its text (Airflow keeps no record of the
/// connections Python code opens). A name counts when it is a string literal where a connection
/// is opened (`get_connection("x")`, `http_conn_id="x"`, `{"conn_id": "x"}`, or a module constant
/// used there), or when it is a literal equal to a connection the server lists.
struct DAGSourceScan: Sendable {
    /// Only the start of a huge file is read: a DAG's connections are named near its top, and
    /// the patterns must not take seconds on a generated 5 MB file.
    static let scannedCharacters = 1 << 20

    let source: Substring
    let knownConnections: Set<String>

    init(source: String, knownConnections: Set<String>) {
        self.source = source.prefix(Self.scannedCharacters)
        self.knownConnections = knownConnections
    }

    /// The names, those written nearest the task's definition first (a file may open one
    /// connection per task; what a task opens is mostly written after its id or `def`, so a
    /// name before it counts as three times as far); a name once only.
    func names(nearTask taskID: String) -> [String] {
        let found = openedLiterals() + knownLiterals()
        let anchor = taskPosition(taskID)
        var best: [String: Int] = [:]
        for (name, position) in found {
            let offset = anchor.map { source.distance(from: $0, to: position) } ?? source.distance(from: source.startIndex, to: position)
            let distance = offset >= 0 ? offset : -3 * offset
            best[name] = min(best[name] ?? .max, distance)
        }
        return best.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }.map(\.key)
    }

    /// Literals where a connection is opened, directly or through a module constant.
    private func openedLiterals() -> [(String, String.Index)] {
        let literal = #/(?:get_connection(?:_from_secrets)?\(\s*|\b\w*conn_id\s*=\s*|["']\w*conn_id["']\s*:\s*)(?:"([^"\n]{1,250})"|'([^'\n]{1,250})'|([A-Za-z_]\w*))/#
        var found: [(String, String.Index)] = []
        for match in source.matches(of: literal) {
            if let text = match.output.1 ?? match.output.2 {
                found.append((String(text), match.range.lowerBound))
            } else if let constant = match.output.3, let value = constantValue(String(constant)) {
                found.append((value, match.range.lowerBound))
            }
        }
        return found.filter { Self.isConnectionID($0.0) }
    }

    /// Every string literal that is the id of a connection the server lists.
    private func knownLiterals() -> [(String, String.Index)] {
        guard !knownConnections.isEmpty else { return [] }
        let literal = #/"([^"\n]{1,250})"|'([^'\n]{1,250})'/#
        return source.matches(of: literal).compactMap { match in
            guard let text = match.output.1 ?? match.output.2, knownConnections.contains(String(text)) else { return nil }
            return (String(text), match.range.lowerBound)
        }
    }

    /// `NAME = "value"` at the start of a line (a module or class constant).
    private func constantValue(_ name: String) -> String? {
        for match in source.matches(of: #/(?m)^[ \t]*([A-Za-z_]\w*)\s*(?::\s*\w+\s*)?=\s*(?:"([^"\n]+)"|'([^'\n]+)')/#)
        where match.output.1 == name {
            return (match.output.2 ?? match.output.3).map(String.init)
        }
        return nil
    }

    /// Where the task is defined: `task_id="x"`, or `def x(` for a `@task` function. A task in a
    /// group is `group.task`, a mapped one `task[2]`: its own name is what the file spells.
    private func taskPosition(_ taskID: String) -> String.Index? {
        let own = String(taskID.split(separator: ".").last ?? Substring(taskID))
        let quoted = ["\"", "'"].flatMap { quote in
            ["=", " = "].map { "task_id\($0)\(quote)\(own)\(quote)" }
        } + ["def \(own)("]
        return quoted.lazy.compactMap { self.source.range(of: $0)?.lowerBound }.first
    }

    /// Airflow's own rule for connection ids is loose; this keeps out f-string pieces, paths
    /// and sentences.
    static func isConnectionID(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 250 && text.allSatisfy { $0.isLetter || $0.isNumber || "_-.".contains($0) }
    }
}
