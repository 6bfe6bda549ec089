import FlowDashAirflow
import FlowDashCore
import Foundation
import Testing

/// Sign-in and the activity list against the real Airflow (`script/airflow up`).
@Suite("Airflow live: sign-in and activity")
struct SignInAndActivityLiveTests {
    /// DAG → the failure kind and code its seeded failed run must show.
    static let expectedFailures: [String: (FailureKind, String)] = [
        "flowdash_unauthorized": (.authentication, "401"),
        "flowdash_not_found": (.configuration, "404"),
        "flowdash_bad_gateway": (.transient, "502"),
        "flowdash_bad_request": (.configuration, "400"),
        "flowdash_no_manager": (.other, "422"),
    ]

    @Test func signsInWithTheRightPassword() async throws {
        let live = try LiveEnvironment.load()
        let flows = try await live.backend().flows()
        #expect(!flows.isEmpty)
    }

    @Test func aWrongPasswordIsAClearSignInError() async throws {
        let live = try LiveEnvironment.load()
        let wrong = "not-the-password-\(UUID().uuidString.prefix(6))"
        do {
            _ = try await live.backend(password: wrong).flows()
            Issue.record("a wrong password signed in")
        } catch let error as AirflowError {
            guard case .signInRejected = error else {
                Issue.record("expected signInRejected, got \(error)")
                return
            }
            #expect(error.status == 401)
            #expect(!error.description.contains(wrong))
            #expect(error.description.contains("refused the username and password"))
        }
    }

    @Test func aGarbageTokenIsUnauthorized() async throws {
        let live = try LiveEnvironment.load()
        let token = "not.a.jwt-\(UUID().uuidString.prefix(6))"
        let backend = AirflowBackend(configuration: AirflowConfiguration(
            baseURL: live.url, credentials: .token(Secret(token)), requestTimeout: .seconds(30)))
        do {
            _ = try await backend.activity(ActivityQuery(limit: 1))
            Issue.record("a garbage token was accepted")
        } catch let error as AirflowError {
            #expect(error.status == 401 || error.status == 403, "\(error)")
            #expect(!error.description.contains(token))
        }
    }

    @Test func aClosedPortIsUnreachable() async throws {
        let live = try LiveEnvironment.load()
        let url = try #require(URL(string: "http://127.0.0.1:9"))
        let backend = AirflowBackend(configuration: AirflowConfiguration(
            baseURL: url, credentials: .password(username: live.user, Secret(live.password)), requestTimeout: .seconds(10)))
        do {
            _ = try await backend.flows()
            Issue.record("a closed port answered")
        } catch let error as BackendError {
            guard case .unreachable(let detail) = error else {
                Issue.record("expected unreachable, got \(error)")
                return
            }
            #expect(detail.contains("connection refused"), "\(detail)")
            #expect(!detail.contains(live.password) || live.password.count < 3)
        }
    }

    @Test func activityIsNewestFirst() async throws {
        let live = try LiveEnvironment.load()
        // why: 14 seeded runs plus what the other live tests trigger meanwhile.
        let runs = try await live.backend().activity(ActivityQuery(limit: 100))
        #expect(runs.count >= live.seeded.count)
        // Newest first means by when each run was triggered (`run_after`), as Airflow orders
        // them; not by start date, which a cleared run (other live tests clear runs) moves on.
        let server = try await LiveAirflowProbe(live: live).get("dags/~/dagRuns?order_by=-run_after&limit=100")
        let serverOrder = try #require(server["dag_runs"] as? [[String: Any]]).compactMap { run -> String? in
            guard let dag = run["dag_id"] as? String, let id = run["dag_run_id"] as? String else { return nil }
            return "\(dag)/\(id)"
        }
        let ours = runs.map(\.id.rawValue)
        // Runs triggered between the two calls only appear in the second: compare the common ones.
        #expect(ours.filter(serverOrder.contains) == serverOrder.filter(ours.contains), "not newest first: \(ours)")
        for (dag, seeded) in live.seeded {
            #expect(runs.contains { $0.id == seeded.id(of: dag) }, "seeded run of \(dag) missing")
        }
    }

    @Test func failedOnlyListsTheSeededFailuresWithKindAndCode() async throws {
        let live = try LiveEnvironment.load()
        let runs = try await live.backend().activity(ActivityQuery(failedOnly: true, limit: 100))
        #expect(runs.allSatisfy { $0.status == .failed })
        let okRun = try live.run(of: "flowdash_ok")
        #expect(!runs.contains { $0.id == okRun.id(of: "flowdash_ok") })
        for (dag, (kind, code)) in Self.expectedFailures {
            let seeded = try live.run(of: dag)
            let run = try #require(runs.first { $0.id == seeded.id(of: dag) }, "failed run of \(dag) not listed")
            let failure = try #require(run.failure, "\(dag): no failure")
            #expect(failure.kind == kind, "\(dag): \(failure)")
            #expect(failure.code == code, "\(dag): \(failure)")
            #expect(failure.step == seeded.failedTask, "\(dag): \(failure)")
            #expect(run.inputs.values == seeded.conf, "\(dag)")
        }
    }

    @Test func activityOfOneFlow() async throws {
        let live = try LiveEnvironment.load()
        let runs = try await live.backend().activity(ActivityQuery(flow: "flowdash_not_found", limit: 10))
        #expect(!runs.isEmpty)
        #expect(runs.allSatisfy { $0.flow == "flowdash_not_found" })
    }
}
