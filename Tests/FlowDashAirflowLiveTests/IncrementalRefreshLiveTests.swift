import FlowDashCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import FlowDashAirflow

/// The activity list's incremental refresh against the real Airflow (`script/airflow up`): the
/// second call asks only for runs changed since the first (`updated_at_gte`), sees a run added
/// in between, and costs fewer requests than the first. Uses `bench_live_refresh`, a paused
/// DAG of Tests/Airflow/dags/flowdash_bench.py whose runs stay queued and no other test touches.
@Suite("Airflow live: incremental refresh")
struct IncrementalRefreshLiveTests {
    static let dag = "bench_live_refresh"

    /// A backend that counts its requests at the transport, with pages of `pageSize` runs.
    /// One request at a time: the other live suites read logs in parallel, and Airflow 3.3.2's
    /// API server (15 database connections) timed out log reads when about 20 came at once.
    static func countedBackend(_ live: LiveEnvironment, pageSize: Int) -> (AirflowBackend, RequestLog) {
        let log = RequestLog()
        let backend = AirflowBackend(
            configuration: AirflowConfiguration(
                baseURL: live.url, credentials: .password(username: live.user, Secret(live.password)),
                requestTimeout: .seconds(60), pageSize: pageSize, maximumConcurrentRequests: 1),
            transport: log)
        return (backend, log)
    }

    @Test func aSecondCallSeesANewRunAndAsksOnlyForWhatChanged() async throws {
        let live = try LiveEnvironment.load()
        let plain = live.backend()
        let query = ActivityQuery(flow: Self.dag, limit: 6)
        let existing = try await plain.activity(query)
        if existing.count < query.limit {
            for _ in existing.count..<query.limit {
                _ = try await plain.startRun(flow: Self.dag, inputs: TriggerInputs(), resubmittedFrom: nil)
            }
            // why: a refresh looks `overlap` back before the previous poll, so runs added just
            // now would all come back as changed; a fresh server needs this once.
            try await Task.sleep(for: .seconds(ServerTime.overlap + 2))
        }

        let (backend, log) = Self.countedBackend(live, pageSize: 2)
        let first = try await backend.activity(query)
        #expect(first.count == query.limit)
        let firstCalls = await log.calls
        let added = try await plain.startRun(flow: Self.dag, inputs: TriggerInputs(), resubmittedFrom: nil)

        let second = try await backend.activity(query)
        let secondCalls = Array(await log.calls.dropFirst(firstCalls.count))
        #expect(second.first?.id == added, "the run added between the calls is listed first")
        #expect(second.count == query.limit)
        #expect(Array(second.dropFirst().map(\.id)) == Array(first.prefix(query.limit - 1).map(\.id)))

        let firstListings = firstCalls.filter(\.isRunListing)
        let secondListings = secondCalls.filter(\.isRunListing)
        #expect(firstListings.count == 3 && firstListings.allSatisfy { $0.query["updated_at_gte"] == nil },
                "the first call lists six runs in pages of two")
        #expect(!secondListings.isEmpty && secondListings.allSatisfy { $0.query["updated_at_gte"] != nil },
                "the second call lists only changed runs: \(secondListings.map(\.query))")
        #expect(secondCalls.count < firstCalls.count, "first: \(firstCalls.count) requests, second: \(secondCalls.count)")

        let fresh = try await live.backend().activity(query)
        #expect(fresh.map(\.id) == second.map(\.id), "the merged list is what a full reload shows")
        #expect(fresh.map(\.status) == second.map(\.status))
        // why: runs added on every test run would pile up and push the seeded runs out of the
        // newest runs other live tests look at.
        try await Self.delete(added, live: live)
    }

    /// `DELETE /api/v2/dags/{dag}/dagRuns/{run}` (the backend has no such action).
    static func delete(_ run: RunID, live: LiveEnvironment) async throws {
        let address = try #require(AirflowRunID(run))
        var signIn = URLRequest(url: live.url.appendingPathComponent("auth/token"))
        signIn.httpMethod = "POST"
        signIn.setValue("application/json", forHTTPHeaderField: "Content-Type")
        signIn.httpBody = try JSONEncoder().encode(["username": live.user, "password": live.password])
        let (body, _) = try await URLSession.shared.data(for: signIn)
        let answer = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let token = try #require(answer["access_token"] as? String)
        let runSegment = try #require(address.dagRunID.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        var request = URLRequest(url: try #require(URL(string: "\(live.url.absoluteString)/api/v2/dags/\(address.dagID)/dagRuns/\(runSegment)")))
        request.httpMethod = "DELETE"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 204, "could not delete \(run)")
    }

    @Test func failuresAreLookedUpInBulkAndNotAgain() async throws {
        let live = try LiveEnvironment.load()
        let (backend, log) = Self.countedBackend(live, pageSize: AirflowConfiguration.maximumPageSize)
        let query = ActivityQuery(failedOnly: true, limit: 100)
        let first = try await backend.activity(query)
        let failed = first.filter { $0.failure != nil }
        #expect(failed.count >= 5, "the seeded runs fail with 401, 404, 502, 400 and 422")
        let firstCalls = await log.calls
        #expect(firstCalls.filter(\.isBulkTaskLookup).count == 1, "one task-instance request for the page of runs")
        #expect(!firstCalls.contains { $0.path.hasSuffix("/taskInstances") }, "none per run")

        let second = try await backend.activity(query)
        let secondCalls = Array(await log.calls.dropFirst(firstCalls.count))
        // why: other live tests may rerun a seeded run meanwhile; its new end date rightly
        // makes it read again, so only runs that ended as before are checked.
        let unchanged = second.filter { run in failed.contains { $0.id == run.id && $0.finishedAt == run.finishedAt } }
        #expect(!unchanged.isEmpty)
        for run in unchanged {
            #expect(run.failure == failed.first { $0.id == run.id }?.failure)
            let runPath = "/dagRuns/\(run.id.rawValue.split(separator: "/", maxSplits: 1).last.map(String.init) ?? "")/"
            #expect(!secondCalls.contains { $0.path.contains("/dags/\(run.flow)\(runPath)") }, "\(run.id) was looked up again")
        }
    }
}

/// Every request a backend sent, through the real URLSession transport.
actor RequestLog: AirflowTransport {
    struct Call: Sendable {
        let method: String
        /// Percent-decoded.
        let path: String
        let query: [String: String]

        var isRunListing: Bool { method == "GET" && path.hasSuffix("/dagRuns") }
        var isBulkTaskLookup: Bool { method == "POST" && path.hasSuffix("/taskInstances/list") }
    }

    private let transport = URLSessionTransport()
    private(set) var calls: [Call] = []

    func send(_ request: URLRequest, timeout: Duration) async throws -> HTTPReply {
        let components = request.url.flatMap { URLComponents(url: $0, resolvingAgainstBaseURL: false) }
        let query = Dictionary((components?.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
        calls.append(Call(method: request.httpMethod ?? "GET", path: components?.path ?? "", query: query))
        return try await transport.send(request, timeout: timeout)
    }
}
