import FlowDashCore
import Foundation

/// `GET /api/v2/dags`.
struct DAGPage: Decodable, Sendable {
    let dags: [DAGDTO]
    let totalEntries: Int?

    enum CodingKeys: String, CodingKey {
        case dags
        case totalEntries = "total_entries"
    }
}

/// One DAG as `GET /api/v2/dags[/{dag_id}]` gives it; only `dag_id` is required.
struct DAGDTO: Decodable, Sendable {
    let dagID: String
    let description: String?
    let owners: [String]?
    /// The DAG file's absolute path on the Airflow host.
    let fileloc: String?
    /// The same file relative to its bundle: what import errors are filed under.
    let relativeFileloc: String?
    let bundleName: String?
    /// True once its file is gone or no longer loads; Airflow then hides it from `/dags`.
    let isStale: Bool?
    let hasImportErrors: Bool?

    enum CodingKeys: String, CodingKey {
        case dagID = "dag_id"
        case description, owners, fileloc
        case relativeFileloc = "relative_fileloc"
        case bundleName = "bundle_name"
        case isStale = "is_stale"
        case hasImportErrors = "has_import_errors"
    }

    /// Whether FlowDash lists it: a live DAG, or a stale one whose file is broken — that file is
    /// what the operator has to open and fix. A stale DAG without errors lost its file.
    var isListed: Bool { isStale != true || hasImportErrors == true }
}

/// The part of `GET /api/v2/dags/{dag_id}/details` that `/dags` lacks: the declared params
/// and the DAG's documentation.
struct DAGDetailsDTO: Decodable, Sendable {
    let dagID: String
    /// Each param as Airflow serialises it (`{"value": …, "schema": …, …}`) or a bare value.
    let params: [String: JSONValue]?
    /// `doc_md` (Markdown). Seen live on 3.3.2: a DAG documented only through `doc_md=__doc__`
    /// has `description: null`, so this is the only text that says what it does.
    var docMD: String? = nil

    enum CodingKeys: String, CodingKey {
        case dagID = "dag_id"
        case params
        case docMD = "doc_md"
    }
}

/// `GET /api/v2/dags/{dag_id}/tasks`, read only for how many tasks the DAG has.
struct DAGTasksDTO: Decodable, Sendable {
    let tasks: [TaskDTO]
    let totalEntries: Int?

    struct TaskDTO: Decodable, Sendable {
        let taskID: String

        enum CodingKeys: String, CodingKey {
            case taskID = "task_id"
        }
    }

    enum CodingKeys: String, CodingKey {
        case tasks
        case totalEntries = "total_entries"
    }

    var count: Int { totalEntries ?? tasks.count }
}

/// `GET /api/v2/dagSources/{dag_id}`.
struct DAGSourceDTO: Decodable, Sendable {
    let content: String?
}
