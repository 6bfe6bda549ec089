import FlowDashCore
import Foundation

/// `GET /api/v2/dags/{dag_id|~}/dagRuns`.
struct DAGRunPage: Decodable, Sendable {
    let dagRuns: [DAGRunDTO]
    let totalEntries: Int?
    /// Present when cursor paging was asked for; nil on the last page.
    let nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case dagRuns = "dag_runs"
        case totalEntries = "total_entries"
        case nextCursor = "next_cursor"
    }
}

/// One DAG run. `state` stays text so that a state added by a later Airflow does not make the
/// whole list unreadable.
struct DAGRunDTO: Decodable, Sendable {
    let dagRunID: String
    let dagID: String
    let state: String
    /// Any JSON object, or null when the run was triggered without one.
    let conf: [String: JSONValue]?
    let note: String?
    let queuedAt: Date?
    let startDate: Date?
    let endDate: Date?
    let runAfter: Date?
    let logicalDate: Date?

    enum CodingKeys: String, CodingKey {
        case dagRunID = "dag_run_id"
        case dagID = "dag_id"
        case state, conf, note
        case queuedAt = "queued_at"
        case startDate = "start_date"
        case endDate = "end_date"
        case runAfter = "run_after"
        case logicalDate = "logical_date"
    }
}
