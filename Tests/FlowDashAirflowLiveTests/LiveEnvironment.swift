import FlowDashAirflow
import FlowDashCore
import Foundation
import Testing

/// The running Airflow that `script/airflow up` started, as `script/airflow env` describes it.
/// Every value is required: a missing one fails the test (these tests exist to run against it).
///
/// `script/test` runs them with everything else. Alone: `script/airflow up && eval "$(script/airflow env)"
/// && swift test --filter FlowDashAirflowLiveTests` (Tests/Airflow/README.md). The tests only add runs and set
/// `flowdash_billing_api`'s password to the right one; the seeded runs stay as seeded, so they
/// can run again against the same instance.
struct LiveEnvironment: Sendable {
    let url: URL
    let user: String
    let password: String
    let connectionPassword: String
    let seeded: [String: SeededRun]

    static func load() throws -> LiveEnvironment {
        let environment = ProcessInfo.processInfo.environment
        func required(_ name: String) throws -> String {
            let value = try #require(environment[name], "\(name) is not set: run `eval \"$(script/airflow env)\"`")
            try #require(!value.isEmpty, "\(name) is empty")
            return value
        }
        let url = try #require(URL(string: try required("FLOWDASH_AIRFLOW_URL")))
        let seededPath = try required("FLOWDASH_AIRFLOW_SEEDED")
        let data = try Data(contentsOf: URL(fileURLWithPath: seededPath))
        let seeded = try SeededRun.all(in: data)
        return LiveEnvironment(
            url: url, user: try required("FLOWDASH_AIRFLOW_USER"), password: try required("FLOWDASH_AIRFLOW_PASSWORD"),
            connectionPassword: try required("FLOWDASH_AIRFLOW_CONN_PASSWORD"), seeded: seeded)
    }

    func backend(password: String? = nil, pageSize: Int = AirflowConfiguration.maximumPageSize) -> AirflowBackend {
        AirflowBackend(configuration: AirflowConfiguration(
            baseURL: url, credentials: .password(username: user, Secret(password ?? self.password)),
            requestTimeout: .seconds(60), pageSize: pageSize))
    }

    /// The read-only `viewer` user of `script/airflow up`.
    func viewerBackend() throws -> AirflowBackend {
        let environment = ProcessInfo.processInfo.environment
        let viewer = try #require(environment["FLOWDASH_AIRFLOW_VIEWER_USER"], "FLOWDASH_AIRFLOW_VIEWER_USER is not set")
        let password = try #require(environment["FLOWDASH_AIRFLOW_VIEWER_PASSWORD"], "FLOWDASH_AIRFLOW_VIEWER_PASSWORD is not set")
        return AirflowBackend(configuration: AirflowConfiguration(
            baseURL: url, credentials: .password(username: viewer, Secret(password)), requestTimeout: .seconds(60)))
    }

    func run(of dag: String) throws -> SeededRun {
        try #require(seeded[dag], "no seeded run of \(dag)")
    }
}

/// One entry of `.airflow-run/seeded.json` (dag_id → run).
struct SeededRun: Sendable {
    let dagRunID: String
    let state: String
    /// `conf` as FlowDash shows inputs: strings as they are, numbers as written.
    let conf: [String: String]
    let failedTask: String?
    let httpStatus: Int?

    func id(of dag: String) -> RunID { RunID("\(dag)/\(dagRunID)") }

    static func all(in data: Data) throws -> [String: SeededRun] {
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        return try top.mapValues { entry in
            let conf = (entry["conf"] as? [String: Any] ?? [:]).mapValues { value in
                (value as? String) ?? "\(value)"
            }
            return SeededRun(
                dagRunID: try #require(entry["dag_run_id"] as? String), state: try #require(entry["state"] as? String),
                conf: conf, failedTask: entry["failed_task"] as? String, httpStatus: entry["http_status"] as? Int)
        }
    }
}
/// Waits until the run is finished (succeeded or failed), polling every 2 s up to `limit`.
func waitUntilFinished(_ id: RunID, on backend: AirflowBackend, limit: Duration = .seconds(240)) async throws -> RunDetail {
    let clock = ContinuousClock()
    let deadline = clock.now + limit
    while true {
        let detail = try await backend.run(id)
        if detail.summary.status == .succeeded || detail.summary.status == .failed { return detail }
        try #require(clock.now < deadline, "run \(id) still \(detail.summary.status) after \(limit)")
        try await Task.sleep(for: .seconds(2))
    }
}
