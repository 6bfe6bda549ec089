/// The body of `POST /api/v2/dags/~/dagRuns/~/taskInstances/list` (Airflow 3.3.2
/// `TaskInstancesBatchBody`): the task instances of many runs in one request. The model forbids
/// unknown fields, so only fields it declares are here.
struct TaskInstanceBatchQuery: Encodable, Sendable {
    let dagIDs: [String]
    /// Matched on the run id alone (`TI.run_id IN …`), so answers are checked against the
    /// (DAG, run) pairs asked for.
    let dagRunIDs: [String]
    let state: [String]
    let pageOffset: Int
    /// Not capped by `[api] maximum_page_limit` on this endpoint (3.3.2), but kept at the page
    /// size so a proxy or a later version that caps it cannot make paging skip rows.
    let pageLimit: Int
    /// A total order, so that offset paging neither repeats nor skips an instance.
    let orderBy = "id"

    enum CodingKeys: String, CodingKey {
        case dagIDs = "dag_ids"
        case dagRunIDs = "dag_run_ids"
        case state
        case pageOffset = "page_offset"
        case pageLimit = "page_limit"
        case orderBy = "order_by"
    }
}
