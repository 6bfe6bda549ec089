import FlowDashCore
import Foundation

/// `GET …/taskInstances`, and the answer of `POST …/clearTaskInstances`.
struct TaskInstancePage: Decodable, Sendable {
    let taskInstances: [TaskInstanceDTO]
    let totalEntries: Int?

    enum CodingKeys: String, CodingKey {
        case taskInstances = "task_instances"
        case totalEntries = "total_entries"
    }
}

/// One task instance, i.e. one task of one run at its latest try. Its `id` changes on every
/// try, so it is keyed by task id and map index instead.
struct TaskInstanceDTO: Decodable, Sendable {
    let taskID: String
    /// Which run the instance belongs to: read by the bulk lookup across runs, where run ids
    /// alone are ambiguous (two DAGs may each have a `scheduled__…` run of the same id).
    let dagID: String?
    let dagRunID: String?
    /// -1 when the task is not mapped.
    let mapIndex: Int?
    /// Null before it is scheduled and right after a clear.
    let state: String?
    let tryNumber: Int?
    let startDate: Date?
    let endDate: Date?
    /// Seconds.
    let duration: Double?
    /// The class, e.g. `_PythonDecoratedOperator`.
    let `operator`: String?
    /// The name people know, e.g. `@task` or `HttpOperator`.
    let operatorName: String?
    let renderedFields: [String: JSONValue]?

    enum CodingKeys: String, CodingKey {
        case taskID = "task_id"
        case dagID = "dag_id"
        case dagRunID = "dag_run_id"
        case mapIndex = "map_index"
        case state
        case tryNumber = "try_number"
        case startDate = "start_date"
        case endDate = "end_date"
        case duration
        case `operator`
        case operatorName = "operator_name"
        case renderedFields = "rendered_fields"
    }
}

/// `GET …/taskInstances/{task_id}/logs/{try_number}` as JSON.
struct TaskLogDTO: Decodable, Sendable {
    let content: [TaskLogEntry]
}

/// One structured log entry. Only what finds the failure is read; an entry may also be bare
/// text, which is kept as its event.
struct TaskLogEntry: Decodable, Sendable {
    let event: String?
    let level: String?
    /// On the `Task failed with exception` entry: the exceptions, outermost first.
    let errorDetail: [LoggedException]?

    enum CodingKeys: String, CodingKey {
        case event, level
        case errorDetail = "error_detail"
    }

    init(event: String?, level: String? = nil, errorDetail: [LoggedException]? = nil) {
        self.event = event
        self.level = level
        self.errorDetail = errorDetail
    }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(event: text)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // why: `event` is text in every entry seen, but a log line is not worth failing a
        // whole run detail over, so other shapes read as no event.
        self.init(event: try? container.decodeIfPresent(String.self, forKey: .event),
                  level: try? container.decodeIfPresent(String.self, forKey: .level),
                  errorDetail: try? container.decodeIfPresent([LoggedException].self, forKey: .errorDetail))
    }
}

/// One exception of a logged failure.
struct LoggedException: Decodable, Sendable {
    let excType: String
    let excValue: String?
    let isCause: Bool?

    enum CodingKeys: String, CodingKey {
        case excType = "exc_type"
        case excValue = "exc_value"
        case isCause = "is_cause"
    }

    /// `RuntimeError: GET … failed`, as Python prints the exception's last line.
    var line: String {
        guard let value = excValue, !value.isEmpty else { return excType }
        return "\(excType): \(value)"
    }
}
