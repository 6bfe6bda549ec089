import FlowDashCore
import Foundation

/// What a failed try's log says went wrong: the step error, and the exception chain to show.
struct LogFailure: Hashable, Sendable {
    /// How much of the exception line the step error keeps.
    static let messageLimit = 500
    /// Code for a failed task whose log names no exception (killed, marked failed by hand…).
    static let noExceptionCode = "task_failed"

    let error: StepError
    /// `RuntimeError: …`, then each cause, outermost first; sanitised, one per line.
    let chain: [String]
    /// The last Airflow connection the try's log says it opened, when it says so.
    var connection: String? = nil
    /// Addresses the try sent requests to, the likeliest failing one first: those the exception
    /// chain names, then the last one a log line names (`Sending 'GET' to url: …`).
    var requestURLs: [String] = []

    /// Reads the failure out of a task log.
    ///
    /// The last entry carrying `error_detail` (Airflow 3's structured exception) wins; without
    /// one, the last line of any entry that looks like a Python exception line. The message is
    /// the outermost exception's line — what a traceback prints last. The code is the first HTTP
    /// status any exception of the chain names, else the outermost exception's class name.
    static func from(_ entries: [TaskLogEntry]) -> LogFailure {
        var failure = exception(in: entries)
        failure.connection = lastConnection(in: entries)
        let logged = entries.compactMap(\.event).flatMap(urls(in:))
        failure.requestURLs = (failure.chain.flatMap(urls(in:)) + logged.suffix(1)).uniqued { $0 }
        return failure
    }

    private static func exception(in entries: [TaskLogEntry]) -> LogFailure {
        if let exceptions = entries.last(where: { !($0.errorDetail ?? []).isEmpty })?.errorDetail,
           let outermost = exceptions.first {
            return from(lines: exceptions.map(\.line), outermostType: outermost.excType)
        }
        if let line = lastExceptionLine(in: entries), let type = exceptionType(of: line) {
            return from(lines: [line], outermostType: type)
        }
        return LogFailure(
            error: StepError(code: noExceptionCode, message: "the task failed and its log names no exception"),
            chain: [])
    }

    /// For a failed task whose log cannot be read.
    static func unreadableLog(tryNumber: Int, reason: String) -> LogFailure {
        LogFailure(error: StepError(code: noExceptionCode, message: "the task failed; the log of try \(tryNumber) \(reason)"),
                   chain: [])
    }

    private static func from(lines: [String], outermostType: String) -> LogFailure {
        let clean = lines.map { TextSanitizer.truncate(TextSanitizer.clean($0), to: messageLimit) }
        let statusLine = clean.firstIndex { HTTPStatusFinder.status(in: $0) != nil }
        let code = statusLine.flatMap { HTTPStatusFinder.status(in: clean[$0]) }.map(String.init) ?? className(outermostType)
        var message = clean.first ?? outermostType
        // why: a wrapper (`AirflowException: Task failed`) can hide the cause that holds the
        // status; naming the cause keeps the message explaining the code.
        if let statusLine, statusLine > 0 { message += " (caused by \(clean[statusLine]))" }
        return LogFailure(error: StepError(code: code, message: TextSanitizer.truncate(message, to: messageLimit)),
                          chain: clean.enumerated().map { $0.offset == 0 ? $0.element : "caused by \($0.element)" })
    }

    /// The connection id in Airflow's own log line about fetching a connection
    /// (`Using connection ID 'x' for task execution.`, `Connection Retrieved 'x'`).
    ///
    /// Seen live on 3.3.2: the task SDK's `BaseHook.get_connection` logs `Connection Retrieved
    /// 'x' (via task-sdk)` at DEBUG only, so with the default INFO level a `@task` that opens a
    /// connection itself leaves no such line, and the step shows its operator instead.
    static func lastConnection(in entries: [TaskLogEntry]) -> String? {
        let wording = #/(?:Using connection ID|Connection Retrieved) '([^']+)'/#
        return entries.compactMap(\.event).flatMap { $0.matches(of: wording) }.last.map { String($0.output.1) }
    }

    /// The http(s) URLs a text names, without the punctuation that ends a sentence around them.
    static func urls(in text: String) -> [String] {
        text.matches(of: #/(?i)\bhttps?://[^\s'"<>`\\]+/#).map { match in
            var url = String(match.output)
            while let last = url.last, ".,;:)]}".contains(last) { url.removeLast() }
            return url
        }
    }

    /// `requests.exceptions.HTTPError` → `HTTPError`.
    private static func className(_ type: String) -> String {
        String(type.split(separator: ".").last ?? Substring(type))
    }

    private static func lastExceptionLine(in entries: [TaskLogEntry]) -> String? {
        for entry in entries.reversed() {
            guard let event = entry.event else { continue }
            let lines = event.split(whereSeparator: \.isNewline).reversed()
            if let line = lines.first(where: { exceptionType(of: String($0)) != nil }) {
                return line.trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The exception class a line starts with (`KeyError: 'x'`, `requests.exceptions.ReadTimeout`),
    /// judged by Python's naming habit: a dotted name ending in Error, Exception, Timeout, Exit
    /// or Interrupt.
    private static func exceptionType(of line: String) -> String? {
        let pattern = #/^\s*((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Timeout|Exit|Interrupt))(?::|$)/#
        return line.firstMatch(of: pattern).map { String($0.output.1) }
    }
}
