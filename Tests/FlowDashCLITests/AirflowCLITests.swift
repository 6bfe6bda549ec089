import Foundation
import Testing

/// The real `flowdash` binary against the real Airflow that `script/airflow up` starts, with the
/// runs it seeds (Tests/Airflow/README.md). Nothing here changes the seeded runs: the rerun is a
/// dry run. Without that Airflow these tests fail: they exist to run against it.
///
/// Run: `script/airflow up && eval "$(script/airflow env)" && swift test --filter AirflowCLITests`
@Suite(.serialized, .timeLimit(.minutes(5)))
final class AirflowCLITests {
    struct Live {
        let environment: [String: String]
        /// The read-only `viewer` user's sign-in.
        let viewerEnvironment: [String: String]
        let seeded: [String: [String: Any]]

        static func load() throws -> Live {
            let process = ProcessInfo.processInfo.environment
            var environment: [String: String] = [:]
            var viewer: [String: String] = [:]
            for name in ["FLOWDASH_AIRFLOW_URL", "FLOWDASH_AIRFLOW_USER", "FLOWDASH_AIRFLOW_PASSWORD", "FLOWDASH_AIRFLOW_SEEDED",
                         "FLOWDASH_AIRFLOW_VIEWER_USER", "FLOWDASH_AIRFLOW_VIEWER_PASSWORD"] {
                guard let value = process[name], !value.isEmpty else {
                    throw Failure("\(name) is not set: run `script/airflow up` and `eval \"$(script/airflow env)\"` first")
                }
                environment[name] = value
            }
            let seededFile = URL(fileURLWithPath: environment["FLOWDASH_AIRFLOW_SEEDED"] ?? "")
            guard let data = try? Data(contentsOf: seededFile),
                  let seeded = try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]] else {
                throw Failure("cannot read the seeded runs at \(seededFile.path): run `script/airflow up`")
            }
            for name in ["FLOWDASH_AIRFLOW_SEEDED", "FLOWDASH_AIRFLOW_VIEWER_USER", "FLOWDASH_AIRFLOW_VIEWER_PASSWORD"] {
                viewer[name] = environment.removeValue(forKey: name)
            }
            var viewerEnvironment = environment
            viewerEnvironment["FLOWDASH_AIRFLOW_USER"] = viewer["FLOWDASH_AIRFLOW_VIEWER_USER"]
            viewerEnvironment["FLOWDASH_AIRFLOW_PASSWORD"] = viewer["FLOWDASH_AIRFLOW_VIEWER_PASSWORD"]
            return Live(environment: environment, viewerEnvironment: viewerEnvironment, seeded: seeded)
        }

        /// FlowDash's id of the seeded run of `dag`.
        func runID(of dag: String) throws -> String {
            guard let run = seeded[dag]?["dag_run_id"] as? String else { throw Failure("no seeded run of \(dag)") }
            return "\(dag)/\(run)"
        }
    }

    let live: Live
    let sandbox: CLISandbox

    init() throws {
        live = try Live.load()
        sandbox = try CLISandbox()
    }

    deinit { sandbox.remove() }

    private func run(_ arguments: [String]) throws -> CLISandbox.Result {
        try sandbox.run(arguments + ["--backend", "airflow"], extraEnvironment: live.environment, workspaceFlag: false)
    }

    private func json(_ arguments: [String]) throws -> Any {
        let result = try run(arguments + ["--json"])
        guard result.status == 0 else { throw Failure("\(arguments) failed (\(result.status)): \(result.stderr)") }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func activityListsTheSeededFailedRunsWithTheirKinds() throws {
        let runs = try json(["activity", "--failed", "--limit", "200"]) as? [[String: Any]] ?? []
        let expected = ["flowdash_unauthorized": ("authentication", "401"), "flowdash_not_found": ("configuration", "404"),
                        "flowdash_bad_gateway": ("transient", "502"), "flowdash_bad_request": ("configuration", "400")]
        for (dag, (kind, code)) in expected {
            let id = try live.runID(of: dag)
            let run = try #require(runs.first { $0["runId"] as? String == id }, "\(id) is not in activity --failed")
            let failure = try #require(run["failure"] as? [String: Any])
            #expect(failure["kind"] as? String == kind, "\(dag)")
            #expect(failure["code"] as? String == code, "\(dag)")
            #expect(failure["step"] as? String == live.seeded[dag]?["failed_task"] as? String, "\(dag)")
        }
        #expect(!runs.contains { $0["runId"] as? String == (try? live.runID(of: "flowdash_ok")) })
    }

    /// `--run`: the connection the failing step went through, never a guess: several are listed
    /// (without a terminal, to name one), one the server cannot list is explained; nothing is
    /// asked or stored in either case.
    @Test func verifyByRunListsTheCandidatesOrExplainsAWorkersOnlyConnection() throws {
        let ambiguous = try run(["connections", "verify", "--run", try live.runID(of: "ops_warehouse_load"), "--password-stdin"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("1. warehouse_eu  (via host match)"), "\(ambiguous.stderr)")
        #expect(ambiguous.stderr.contains("2. warehouse_us  (via host match)"))
        #expect(ambiguous.stderr.contains("name the one to verify: flowdash connections verify NAME"))

        let unlisted = try run(["connections", "verify", "--run", try live.runID(of: "ops_partner_feed"), "--password-stdin"])
        #expect(unlisted.status == 1)
        #expect(unlisted.stderr.contains("connection 'partner_api' is not in the server's list"), "\(unlisted.stderr)")

        let shown = try json(["run", "show", try live.runID(of: "ops_warehouse_load")]) as? [String: Any]
        let steps = try #require(shown?["steps"] as? [[String: Any]])
        let failing = try #require(steps.first { $0["failing"] as? Bool == true })
        #expect(failing["connection"] == nil)
        let candidates = try #require(failing["connectionCandidates"] as? [[String: Any]])
        #expect(candidates.map { $0["name"] as? String } == ["warehouse_eu", "warehouse_us"])
        #expect(candidates.allSatisfy { $0["foundVia"] as? String == "hostMatch" && $0["listed"] as? Bool == true })
    }

    @Test func runShowOfThe401RunNamesTheFailingTask() throws {
        let id = try live.runID(of: "flowdash_unauthorized")
        let text = try run(["run", "show", id])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("fetch_billing_account"))
        #expect(text.stdout.contains("Failure: authentication"))
        let report = try #require(try json(["run", "show", id]) as? [String: Any])
        let steps = try #require(report["steps"] as? [[String: Any]])
        let failing = try #require(steps.first { $0["failing"] as? Bool == true })
        #expect(failing["name"] as? String == "fetch_billing_account")
        #expect((failing["error"] as? [String: Any])?["code"] as? String == "401")
        #expect((report["diagnosis"] as? [String: Any])?["kind"] as? String == "authentication")
    }

    @Test func flowsBrokenListsTheImportError() throws {
        let broken = try json(["flows", "broken"]) as? [[String: Any]] ?? []
        let entry = try #require(broken.first { ($0["file"] as? String)?.hasSuffix("flowdash_broken.py") == true })
        #expect((entry["message"] as? String)?.contains("flowdash_module_that_does_not_exist") == true)
        #expect(entry["kind"] as? String == "configuration")
        let activity = try run(["activity", "--failed", "--limit", "5"])
        #expect(activity.status == 0, "\(activity.stderr)")
        #expect(activity.stdout.hasPrefix("Definition files that do not load"))
        #expect(activity.stdout.contains("flowdash_broken.py"))
    }

    @Test func connectionsListTheBillingConnection() throws {
        let connections = try json(["connections"]) as? [[String: Any]] ?? []
        #expect(connections.contains { $0["name"] as? String == "flowdash_billing_api" })
        let flows = try json(["flows"]) as? [[String: Any]] ?? []
        #expect(flows.contains { $0["name"] as? String == "flowdash_unauthorized" })
    }

    @Test func rerunFailedDryRunCountsAndChangesNothing() throws {
        let id = try live.runID(of: "flowdash_bad_gateway")
        let text = try run(["run", "rerun-failed", id, "--dry-run"])
        #expect(text.status == 0, "\(text.stderr)")
        // sync_ledger failed, notify upstream_failed: both would run again.
        #expect(text.stdout.hasPrefix("2 failed steps of run \(id) would run again"), "\(text.stdout)")
        let counted = try #require(try json(["run", "rerun-failed", id, "--dry-run"]) as? [String: Any])
        #expect(counted["steps"] as? Int == 2)
        #expect(counted["dryRun"] as? Bool == true)
        let after = try #require(try json(["run", "show", id]) as? [String: Any])
        #expect((after["run"] as? [String: Any])?["status"] as? String == "failed")
    }

    @Test func aWrongPasswordIsOneClearLine() throws {
        var environment = live.environment
        environment["FLOWDASH_AIRFLOW_PASSWORD"] = "wrong-password-e41d"
        let result = try sandbox.run(["activity", "--backend", "airflow"], extraEnvironment: environment, workspaceFlag: false)
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("Airflow refused the username and password"))
        #expect(!result.stderr.contains("wrong-password-e41d"))
    }

    @Test func whatTheUserMayNotDoIsOneClearLine() throws {
        // Airflow's viewers may not read connections (a read, so nothing can change).
        let result = try sandbox.run(["connections", "--backend", "airflow"],
                                     extraEnvironment: live.viewerEnvironment, workspaceFlag: false)
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("403"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func editingADAGWhoseFileIsOnThisMachineOpensTheEditor() throws {
        // script/airflow runs Airflow here, so the DAG file is local: the editor gets its path.
        var environment = live.environment
        environment["EDITOR"] = "true"
        let result = try sandbox.run(["flows", "edit", "flowdash_ok", "--backend", "airflow"],
                                     extraEnvironment: environment, workspaceFlag: false)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("No changes to /"), "\(result.stdout)")
        #expect(result.stdout.contains("flowdash_ok.py"))
    }
}
