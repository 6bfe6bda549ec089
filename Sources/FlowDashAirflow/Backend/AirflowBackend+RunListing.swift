import FlowDashCore
import Foundation

/// One listing of DAG runs: what came back, when the server answered, and whether more exist.
struct RunListing: Sendable {
    let runs: [DAGRunDTO]
    let serverTime: Date?
    /// True when the server has no further matching run (the last page was short or had no
    /// next cursor); false when the listing stopped at its limit.
    let isComplete: Bool
}

/// The filters of one `GET /dags/{dag_id|~}/dagRuns` listing (all exist in Airflow 3.3.2's
/// `get_dag_runs`: `state`, `updated_at_gte`, `run_after_gte`, `order_by`, `cursor`).
struct RunFilter: Sendable {
    var states: [String] = []
    /// Only runs whose row changed at or after this server time.
    var updatedSince: Date?
    /// Only runs due at or after this time.
    var runAfterAtLeast: Date?
}

extension AirflowBackend {
    /// Runs newest first (by `run_after`, which every run has, even a queued one), a page at a
    /// time up to `limit`, with cursor paging so runs arriving meanwhile do not shift the pages.
    func listRuns(
        of dag: String, notFound: BackendError?, filter: RunFilter, limit: Int
    ) async throws -> RunListing {
        var runs: [DAGRunDTO] = []
        var seen: Set<RunID> = []
        var cursor = ""
        var serverTime: Date?
        var firstPage = true
        while runs.count < limit {
            let pageLimit = min(configuration.pageSize, limit - runs.count)
            var parameters = [
                URLQueryItem(name: "order_by", value: "-run_after"),
                URLQueryItem(name: "limit", value: String(pageLimit)),
                URLQueryItem(name: "cursor", value: cursor),
            ]
            parameters += filter.states.map { URLQueryItem(name: "state", value: $0) }
            if let since = filter.updatedSince {
                parameters.append(URLQueryItem(name: "updated_at_gte", value: ServerTime.queryText(since)))
            }
            if let bound = filter.runAfterAtLeast {
                parameters.append(URLQueryItem(name: "run_after_gte", value: ServerTime.queryText(bound)))
            }
            let request = AirflowRequest.api(.get, ["dags", dag, "dagRuns"], query: parameters, notFound: notFound)
            let reply = try await client.send(request)
            if firstPage {
                // why: the first page's time is the earliest of the listing, so no change made
                // after any page was read can be older than it.
                serverTime = ServerTime.from(reply.headers)
                firstPage = false
            }
            let page = try ResponseDecoder.decode(DAGRunPage.self, from: reply.body, endpoint: request.endpoint)
            runs += page.dagRuns.filter { seen.insert(RunMapping.runID(of: $0)).inserted }
            guard let next = page.nextCursor, !next.isEmpty, page.dagRuns.count >= pageLimit else {
                return RunListing(runs: runs, serverTime: serverTime, isComplete: true)
            }
            cursor = next
        }
        return RunListing(runs: Array(runs.prefix(limit)), serverTime: serverTime, isComplete: false)
    }
}
