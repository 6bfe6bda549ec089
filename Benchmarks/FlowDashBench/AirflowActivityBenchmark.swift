import FlowDashAirflow
import FlowDashCore
import Foundation
import Logging

/// `flowdash-bench airflow-activity [--url URL] [--flow DAG] [--limit N] [--all] [--cache-dir DIR]
/// [--calls N]`: times `AirflowBackend.activity` in this (fresh) process against a running Airflow,
/// for Benchmarks/airflow.sh. The user and password come from FLOWDASH_AIRFLOW_USER and
/// FLOWDASH_AIRFLOW_PASSWORD, the URL from `--url` or FLOWDASH_AIRFLOW_URL. Each call prints one
/// line: `call=1 ms=… runs=… failures=… requests=…`; later calls show the incremental refresh.
enum AirflowActivityBenchmark {
    static let mode = "airflow-activity"

    static func run(_ words: [String]) async -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        var url = environment["FLOWDASH_AIRFLOW_URL"]
        var flow: String?
        var limit = 200
        var failedOnly = true
        var cacheDirectory: URL?
        var calls = 1
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            switch word {
            case "--url": url = iterator.next()
            case "--flow": flow = iterator.next()
            case "--limit": limit = iterator.next().flatMap(Int.init) ?? -1
            case "--all": failedOnly = false
            case "--cache-dir": cacheDirectory = iterator.next().map { URL(fileURLWithPath: $0) }
            case "--calls": calls = iterator.next().flatMap(Int.init) ?? -1
            default: limit = -1
            }
        }
        guard let url, let baseURL = URL(string: url), limit > 0, calls > 0,
              let user = environment["FLOWDASH_AIRFLOW_USER"], let password = environment["FLOWDASH_AIRFLOW_PASSWORD"]
        else {
            FileHandle.standardError.write(Data("""
                usage: flowdash-bench airflow-activity [--url URL] [--flow DAG] [--limit N] [--all] [--cache-dir DIR] [--calls N]
                (FLOWDASH_AIRFLOW_USER and FLOWDASH_AIRFLOW_PASSWORD must be set)\n
                """.utf8))
            return 64
        }
        let requests = RequestCounter()
        var logger = Logger(label: "flowdash.airflow") { _ in CountingLogHandler(counter: requests) }
        logger.logLevel = .debug
        let backend = AirflowBackend(
            configuration: AirflowConfiguration(
                baseURL: baseURL, credentials: .password(username: user, Secret(password)), cacheDirectory: cacheDirectory),
            logger: logger)
        let query = ActivityQuery(failedOnly: failedOnly, flow: flow, limit: limit)
        for call in 1...calls {
            let before = requests.count
            let start = ContinuousClock.now
            do {
                let runs = try await backend.activity(query)
                let elapsed = Timings.milliseconds(ContinuousClock.now - start)
                let failures = runs.filter { $0.failure != nil }.count
                print(String(format: "call=%d ms=%.1f runs=%d failures=%d requests=%d",
                             call, elapsed, runs.count, failures, requests.count - before))
            } catch {
                FileHandle.standardError.write(Data("activity failed: \(error)\n".utf8))
                return 1
            }
        }
        return 0
    }
}

/// How many requests the backend sent: it logs each one at debug level ("airflow request"),
/// with "airflow unreachable" for one that got no reply.
final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    var count: Int { lock.withLock { value } }

    func increment() { lock.withLock { value += 1 } }
}

/// Counts request log lines and prints nothing, so only the backend's work is timed.
struct CountingLogHandler: LogHandler {
    let counter: RequestCounter
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let message = event.message.description
        if message == "airflow request" || message == "airflow unreachable" { counter.increment() }
    }
}
