import FlowDashAirflow
import FlowDashCore
import Foundation
import Testing

/// What changes Airflow: verify, resubmit, clear. Serialized: they change shared state.
@Suite("Airflow live: actions", .serialized)
struct ActionsLiveTests {
    @Test func verifyRejectsAWrongPasswordAndStoresNothingThenAcceptsTheRightOne() async throws {
        let live = try LiveEnvironment.load()
        let backend = live.backend()
        let wrong = "wrong-\(UUID().uuidString.prefix(8))"
        let refused = try await backend.verifyConnection("flowdash_billing_api", secret: Secret(wrong))
        guard case .rejected(let error) = refused else {
            Issue.record("a wrong password was not rejected: \(refused)")
            return
        }
        #expect(!error.message.contains(wrong))
        #expect(error.code == "401", "\(error)")
        let probe = LiveAirflowProbe(live: live)
        let storedBefore = try probe.storedPassword(of: "flowdash_billing_api")
        #expect(storedBefore != wrong, "the rejected password was stored")
        let afterRejection = try await backend.connections().first { $0.name == "flowdash_billing_api" }
        #expect(afterRejection?.status == .unauthorized, "\(String(describing: afterRejection))")
        #expect(!"\(String(describing: afterRejection))".contains(wrong))

        let accepted = try await backend.verifyConnection("flowdash_billing_api", secret: Secret(live.connectionPassword))
        #expect(accepted == .verified, "\(accepted)")
        let afterAcceptance = try await backend.connections().first { $0.name == "flowdash_billing_api" }
        #expect(afterAcceptance?.status == .connected)
        #expect(afterAcceptance?.lastVerifiedAt != nil)
        #expect(try probe.storedPassword(of: "flowdash_billing_api") == live.connectionPassword, "not stored")
    }

    @Test func verifyOfAnUnknownConnectionIsConnectionNotFound() async throws {
        let live = try LiveEnvironment.load()
        await #expect(throws: BackendError.connectionNotFound("flowdash_nope")) {
            try await live.backend().verifyConnection("flowdash_nope", secret: Secret("whatever"))
        }
    }

    @Test func resubmitKeepsTheConfAndNamesTheOriginal() async throws {
        let live = try LiveEnvironment.load()
        let backend = live.backend()
        let original = try live.run(of: "flowdash_bad_request").id(of: "flowdash_bad_request")
        let before = try await backend.run(original)
        let id = try await backend.startRun(flow: "flowdash_bad_request", inputs: before.summary.inputs,
                                            resubmittedFrom: original)
        #expect(id != original)
        let detail = try await backend.run(id)
        #expect(detail.summary.resubmittedFrom == original)
        #expect(detail.summary.inputs == before.summary.inputs)
        let listed = try await backend.activity(ActivityQuery(flow: "flowdash_bad_request", limit: 5))
        #expect(listed.first?.id == id, "the new run is not the newest")
        #expect(listed.first?.resubmittedFrom == original)
    }

    @Test func resubmitSendsTheOriginalConfValuesWithTheirTypes() async throws {
        let live = try LiveEnvironment.load()
        let backend = live.backend()
        let original = try live.run(of: "flowdash_ok").id(of: "flowdash_ok")
        let inputs = try await backend.run(original).summary.inputs
        let id = try await backend.startRun(flow: "flowdash_ok", inputs: inputs, resubmittedFrom: original)
        let dagRunID = String(id.rawValue.dropFirst("flowdash_ok/".count))
        let run = try await LiveAirflowProbe(live: live).get("dags/flowdash_ok/dagRuns/\(dagRunID.pathSegment)")
        let conf = try #require(run["conf"] as? [String: Any])
        #expect(conf["customer"] as? String == "c-1000")
        #expect(conf["amount"] as? Double == 42.5, "amount must stay a number: \(String(describing: conf["amount"]))")
        #expect((run["note"] as? String)?.contains(original.rawValue) == true)
        let finished = try await waitUntilFinished(id, on: backend)
        #expect(finished.summary.status == .succeeded)
    }

    /// The operator's fixes of the table in Tests/Airflow/README.md, done through a resubmit
    /// with corrected inputs: the amount as a number (400) and a manager added (422).
    @Test func resubmitWithCorrectedInputsSucceeds() async throws {
        let live = try LiveEnvironment.load()
        let backend = live.backend()
        let badRequest = try live.run(of: "flowdash_bad_request").id(of: "flowdash_bad_request")
        var amountFixed = try await backend.run(badRequest).summary.inputs
        amountFixed["amount"] = "12.5"
        let first = try await backend.startRun(flow: "flowdash_bad_request", inputs: amountFixed, resubmittedFrom: badRequest)
        let noManager = try live.run(of: "flowdash_no_manager").id(of: "flowdash_no_manager")
        var managerAdded = try await backend.run(noManager).summary.inputs
        managerAdded["manager"] = "m-7"
        let second = try await backend.startRun(flow: "flowdash_no_manager", inputs: managerAdded, resubmittedFrom: noManager)
        for id in [first, second] {
            let detail = try await waitUntilFinished(id, on: backend)
            #expect(detail.summary.status == .succeeded, "\(id): \(String(describing: detail.summary.failure))")
        }
        let run = try await LiveAirflowProbe(live: live).get(
            "dags/flowdash_bad_request/dagRuns/\(String(first.rawValue.dropFirst("flowdash_bad_request/".count)).pathSegment)")
        #expect((run["conf"] as? [String: Any])?["amount"] as? Double == 12.5)
    }

    /// The loopback fails the first sync of each customer (502) and accepts every later one:
    /// a resubmit of the seeded 502 run (same conf, new run) succeeds.
    @Test func resubmitOfTheSeededBadGatewayRunSucceeds() async throws {
        let live = try LiveEnvironment.load()
        let backend = live.backend()
        let original = try live.run(of: "flowdash_bad_gateway").id(of: "flowdash_bad_gateway")
        let inputs = try await backend.run(original).summary.inputs
        let id = try await backend.startRun(flow: "flowdash_bad_gateway", inputs: inputs, resubmittedFrom: original)
        #expect(id != original)
        let finished = try await waitUntilFinished(id, on: backend)
        #expect(finished.summary.status == .succeeded, "\(finished.steps.map { "\($0.name) \($0.status)" })")
        #expect(finished.summary.inputs == inputs)
        #expect(finished.summary.resubmittedFrom == original)
        #expect(try await backend.run(original).summary.status == .failed, "the original run changed")
    }

    /// A 502 run of its own (a customer never synced before, so it fails): the dry run counts
    /// what would rerun and changes nothing; the real rerun clears them and the run succeeds.
    @Test func rerunningTheFailedStepsOfABadGatewayRunMakesItSucceed() async throws {
        let live = try LiveEnvironment.load()
        let backend = live.backend()
        let customer = "c-\(UUID().uuidString.prefix(8).lowercased())"
        let id = try await backend.startRun(flow: "flowdash_bad_gateway", inputs: ["customer": customer], resubmittedFrom: nil)
        let failed = try await waitUntilFinished(id, on: backend)
        #expect(failed.summary.status == .failed)
        #expect(failed.summary.failure?.code == "502")

        let wouldRerun = try await backend.rerunFailedSteps(of: id, dryRun: true)
        #expect(wouldRerun == 2, "sync_ledger (failed) and notify (upstream_failed)")
        #expect(try await backend.run(id).summary.status == .failed, "a dry run changed the run")

        let rerun = try await backend.rerunFailedSteps(of: id, dryRun: false)
        #expect(rerun == wouldRerun)
        let finished = try await waitUntilFinished(id, on: backend)
        #expect(finished.summary.status == .succeeded, "\(finished.steps.map { "\($0.name) \($0.status)" })")
        #expect(finished.steps.allSatisfy { $0.status == .succeeded })
        #expect(finished.summary.inputs.values == ["customer": customer])
    }

    /// A 404 run fails the same way when cleared: the second try's log is read, and the
    /// activity list (whose failures are cached by end date) shows the new failure.
    @Test func aClearedRunThatFailsAgainShowsItsSecondTry() async throws {
        let live = try LiveEnvironment.load()
        let backend = live.backend()
        let original = try live.run(of: "flowdash_not_found").id(of: "flowdash_not_found")
        let id = try await backend.startRun(flow: "flowdash_not_found", inputs: try await backend.run(original).summary.inputs,
                                            resubmittedFrom: original)
        let first = try await waitUntilFinished(id, on: backend)
        #expect(first.summary.status == .failed)
        let listedFirst = try await backend.activity(ActivityQuery(failedOnly: true, flow: "flowdash_not_found", limit: 5))
        #expect(listedFirst.first { $0.id == id }?.failure?.code == "404")
        #expect(try await backend.clearFailedTasks(of: id, dryRun: false) == 2)
        let second = try await waitUntilFinished(id, on: backend)
        #expect(second.summary.status == .failed)
        let failing = try #require(second.failingStep)
        #expect(failing.name == "fetch_profile")
        #expect(failing.error?.code == "404")
        #expect(failing.output?.hasPrefix("try 2") == true, "\(String(describing: failing.output))")
        #expect(second.summary.finishedAt != first.summary.finishedAt)
        let listed = try await backend.activity(ActivityQuery(failedOnly: true, flow: "flowdash_not_found", limit: 5))
        let summary = try #require(listed.first { $0.id == id })
        #expect(summary.failure?.code == "404")
        #expect(summary.finishedAt == second.summary.finishedAt)
    }

    @Test func clearingAnUnknownRunIsRunNotFound() async throws {
        let live = try LiveEnvironment.load()
        let id = RunID("flowdash_ok/manual__1999-01-01T00:00:00+00:00")
        await #expect(throws: BackendError.runNotFound(id)) { try await live.backend().clearFailedTasks(of: id, dryRun: true) }
    }
}
