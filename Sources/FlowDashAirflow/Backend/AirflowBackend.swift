import FlowDashCore
import Foundation
import Logging

/// Apache Airflow 3 through its REST API v2: DAGs are flows, DAG runs are runs, task instances
/// are steps, and Airflow connections are connections.
public final class AirflowBackend: FlowBackend {
    /// Names this backend in messages.
    public let kind = "airflow"
    let client: AirflowClient
    let configuration: AirflowConfiguration
    let logger: Logger
    let failureCache: RunFailureCache
    /// The last runs of each recent activity query, for incremental refreshes.
    let runWindows = RunWindows()
    let verifications = VerificationRecords()
    let connectionEvidence = ConnectionEvidenceCache()
    /// Whether a path exists on this machine; a DAG file is editable only where it exists.
    let fileExists: @Sendable (String) -> Bool

    /// A backend for the server `configuration` names. Nothing is sent until the first call.
    public convenience init(configuration: AirflowConfiguration, logger: Logger = Logger(label: "flowdash.airflow")) {
        self.init(configuration: configuration, transport: URLSessionTransport(), logger: logger)
    }

    init(
        configuration: AirflowConfiguration, transport: any AirflowTransport,
        logger: Logger = Logger(label: "flowdash.airflow"),
        fileExists: @escaping @Sendable (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
    ) {
        self.configuration = configuration
        self.logger = logger
        self.fileExists = fileExists
        failureCache = RunFailureCache(file: configuration.cacheDirectory.map {
            FailureCacheFile(server: configuration.baseURL, directory: $0)
        })
        client = AirflowClient(configuration: configuration, transport: transport, logger: logger)
    }

    // MARK: Flows and connections

    /// Every DAG, including one whose file broke after it loaded (Airflow hides those by
    /// default, but that file is the one to fix), with its params as inputs and its task count;
    /// two requests per DAG, a few at a time.
    public func flows() async throws -> [FlowSummary] {
        let dags = try await allPages { offset, limit in
            let page = try await self.client.fetch(DAGPage.self, .api(.get, ["dags"], query: [
                URLQueryItem(name: "order_by", value: "dag_id"), URLQueryItem(name: "exclude_stale", value: "false"),
                URLQueryItem(name: "limit", value: String(limit)), URLQueryItem(name: "offset", value: String(offset)),
            ]))
            return (page.dags, page.totalEntries)
        }
        let listed = dags.filter(\.isListed)
        let flows = try await concurrentMap(listed, limit: configuration.maximumConcurrentRequests) { dag in
            try await self.flow(of: dag)
        }
        return flows.compactMap { $0 }
    }

    /// Nil when the DAG vanished between the list and this call.
    private func flow(of dag: DAGDTO) async throws -> FlowSummary? {
        let notFound = BackendError.flowNotFound(dag.dagID)
        do {
            let details = try await client.fetch(DAGDetailsDTO.self, .api(
                .get, ["dags", dag.dagID, "details"], notFound: notFound))
            let tasks = try await client.fetch(DAGTasksDTO.self, .api(.get, ["dags", dag.dagID, "tasks"], notFound: notFound))
            return FlowMapping.summary(of: dag, details: details, taskCount: tasks.count)
        } catch let error as BackendError where error == notFound {
            return nil
        }
    }

    /// Every Airflow connection, with what FlowDash's verifies proved about it.
    public func connections() async throws -> [ConnectionInfo] {
        let connections = try await connectionDTOs()
        let records = await verifications.all()
        return connections.map { ConnectionMapping.info(of: $0, record: records[$0.connectionID]) }
    }

    /// `GET /connections`, every page.
    func connectionDTOs() async throws -> [ConnectionDTO] {
        try await allPages { offset, limit in
            let page = try await self.client.fetch(ConnectionPage.self, .api(.get, ["connections"], query: [
                URLQueryItem(name: "order_by", value: "connection_id"),
                URLQueryItem(name: "limit", value: String(limit)), URLQueryItem(name: "offset", value: String(offset)),
            ]))
            return (page.connections, page.totalEntries)
        }
    }

    // MARK: Helpers

    /// Reads a whole offset-paged list: for short lists only (DAGs, connections, one run's tasks).
    /// Stops at `total_entries` or on a short page, and after `maximumPages` whatever happens.
    func allPages<Item>(
        _ fetchPage: (_ offset: Int, _ limit: Int) async throws -> ([Item], Int?)
    ) async throws -> [Item] {
        var items: [Item] = []
        for _ in 0..<Self.maximumPages {
            let (page, total) = try await fetchPage(items.count, configuration.pageSize)
            items += page
            if page.count < configuration.pageSize || items.count >= (total ?? .max) { break }
        }
        return items
    }

    /// A guard against a server that ignores `offset`: 1,000 pages of 100 is beyond any real list.
    static let maximumPages = 1_000

    /// A JSON request body.
    static func json(_ fields: [String: JSONValue]) throws -> Data {
        try JSONEncoder().encode(fields)
    }
}
