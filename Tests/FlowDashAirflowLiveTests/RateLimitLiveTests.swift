import FlowDashCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import FlowDashAirflow

/// Rate limiting by a real nginx (`limit_req`, 2 requests/s, burst 3, 429 + Retry-After) in
/// front of the real Airflow. Serialized: the tests share the proxy's bucket.
@Suite("Airflow live: rate limiting through nginx", .serialized)
struct RateLimitLiveTests {
    /// Spends the proxy's burst with a dozen simultaneous direct requests and returns the
    /// Retry-After of the first 429, at once: the next request is then limited too (the bucket
    /// refills one request per 0.5 s). Simultaneous, because nginx refuses on arrival: one at a
    /// time, each waits for a slow Airflow and the bucket refills as fast as it is spent.
    static func exhaustBucket(at base: URL, token: String) async throws -> String? {
        let url = try #require(URL(string: base.absoluteString + "/api/v2/version"))
        var authorized = URLRequest(url: url)
        authorized.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let request = authorized
        // why: unstructured tasks, and no cancellation: the requests nginx lets through finish
        // on their own later (cancelling URLSession's async calls can hang on Linux).
        let (answers, answer) = AsyncStream.makeStream(of: (Int, String?).self)
        for _ in 0..<12 {
            Task {
                let response = try? await URLSession.shared.data(for: request).1 as? HTTPURLResponse
                answer.yield((response?.statusCode ?? 0, response?.value(forHTTPHeaderField: "Retry-After")))
            }
        }
        var limited: String?? = nil
        var received = 0
        for await (status, retryAfter) in answers {
            received += 1
            if status == 429 { limited = .some(retryAfter); break }
            if received == 12 { break }
        }
        guard let limited else {
            Issue.record("the proxy never answered 429")
            return nil
        }
        return limited
    }

    static func client(_ base: URL, token: String, transport: RecordingTransport) -> AirflowClient {
        AirflowClient(configuration: AirflowConfiguration(
            baseURL: base, credentials: .token(Secret(token)), requestTimeout: .seconds(30)), transport: transport)
    }

    @Test func aReadThatIsRateLimitedWaitsAndSucceeds() async throws {
        let live = try LiveEnvironment.load()
        let proxy = try live.proxyURL()
        let token = try await live.freshToken()
        // why: the bucket refills every 0.5 s; on a loaded machine it may refill between the
        // burst and the read, so the burst is repeated (a few times at most) until the read's
        // first try is limited.
        var statuses: [Int?] = []
        for _ in 0..<5 {
            #expect(try await Self.exhaustBucket(at: proxy, token: token) == "1")
            let transport = RecordingTransport()
            let page = try await Self.client(proxy, token: token, transport: transport)
                .fetch(DAGPage.self, .api(.get, ["dags"], query: [URLQueryItem(name: "limit", value: "5")]))
            #expect(!page.dags.isEmpty)
            statuses = await transport.statuses(endingWith: "/api/v2/dags")
            if statuses.first == 429 { break }
        }
        #expect(statuses.first == 429, "the first try was never limited: \(statuses)")
        #expect(statuses.last == 200, "\(statuses)")
        #expect(statuses.count <= 1 + RetryPolicy.maximumRetries)
    }

    @Test func aBackendReadsTheActivityThroughABurst() async throws {
        let live = try LiveEnvironment.load()
        let backend = AirflowBackend(configuration: AirflowConfiguration(
            baseURL: try live.proxyURL(), credentials: .password(username: live.user, Secret(live.password)),
            requestTimeout: .seconds(30), maximumConcurrentRequests: 1))
        _ = try await Self.exhaustBucket(at: try live.proxyURL(), token: try await live.freshToken())
        // One list page, then one failure log per failed run, all through the limited proxy.
        let runs = try await backend.activity(ActivityQuery(failedOnly: true, flow: "flowdash_not_found", limit: 2))
        #expect(!runs.isEmpty)
    }

    @Test func aWriteThatIsRateLimitedIsNotRepeatedAndSaysWhenToRetry() async throws {
        let live = try LiveEnvironment.load()
        let proxy = try live.proxyURL()
        let token = try await live.freshToken()
        let list = AirflowRequest.api(.post, ["dags", "~", "dagRuns", "list"], body: Data(#"{"page_limit": 1}"#.utf8))
        // A POST that slipped through a bucket refilled meanwhile (a loaded machine) proves
        // nothing either way: burst again, a few times at most.
        for _ in 0..<5 {
            _ = try await Self.exhaustBucket(at: proxy, token: token)
            let transport = RecordingTransport()
            do {
                try await Self.client(proxy, token: token, transport: transport).send(list)
                continue
            } catch let error as AirflowError {
                #expect(error.status == 429)
                #expect(error.description == "POST /api/v2/dags/~/dagRuns/list: rate limited by the server (429 Too Many Requests); retry in 1 s")
                expectOneCleanLine(error.description, without: [token, live.password])
            }
            #expect(await transport.statuses(endingWith: "/dagRuns/list") == [429], "a limited POST is never repeated")
            return
        }
        Issue.record("the POST was never rate limited")
    }

    @Test func aLongRetryAfterIsReportedNotSatOut() async throws {
        let live = try LiveEnvironment.load()
        let slow = try live.proxyURL("/slow")
        let token = try await live.freshToken()
        #expect(try await Self.exhaustBucket(at: slow, token: token) == "30")
        let transport = RecordingTransport()
        let started = ContinuousClock.now
        do {
            _ = try await Self.client(slow, token: token, transport: transport).fetch(DAGPage.self, .api(.get, ["dags"]))
            Issue.record("a rate-limited GET went through")
        } catch let error as AirflowError {
            #expect(error.description == "GET /api/v2/dags: rate limited by the server (429 Too Many Requests); retry in 30 s")
        }
        #expect(await transport.statuses(endingWith: "/api/v2/dags") == [429])
        #expect(ContinuousClock.now - started < .seconds(25), "it sat out the 30 s")
    }
}
