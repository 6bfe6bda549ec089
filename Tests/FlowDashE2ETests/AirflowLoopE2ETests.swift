import Foundation
import Subprocess
import Testing

/// The operator's loop in a real terminal on the real Airflow that `script/test` starts
/// (`script/airflow up`): the same screens and keys as on the embedded engine.
@Suite(.serialized, .timeLimit(.minutes(5)))
struct AirflowLoopE2ETests {
    @Test func authenticationFailureIsVerifiedAndResubmittedOnAirflow() async throws {
        let airflow = try AirflowServer.fromEnvironment()
        try await InterfaceSession.with(try await airflow.openInterface()) { session in
            try await session.tmux.waitFor("the Airflow activity list", timeout: .seconds(60)) {
                $0.contains("Needs attention") && $0.contains("flowdash_unauthorized")
            }
            try await session.openRun(of: "flowdash_unauthorized")

            let styled = try await session.tmux.styledScreen()
            let marker = try #require(styled.style(of: "!", onRowContaining: "fetch_billing_account"))
            #expect(marker.isRed, "the failing task's ! must be red: \(styled.raw)")
            try await session.tmux.waitFor(text: "401")

            try await session.tmux.press("v")
            try await session.tmux.waitFor(text: "Verify connection flowdash_billing_api")
            try await session.tmux.type("not-the-password")
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor(text: "Rejected", timeout: .seconds(60))

            try await session.tmux.type(airflow.connectionPassword)
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor(text: "Resubmit run", timeout: .seconds(60))
            try await session.tmux.press("y")
            let screen = try await session.tmux.waitFor("the resubmitted DAG run succeeded", timeout: .seconds(150)) {
                $0.contains("resubmitted") && $0.contains("succeeded") && $0.contains("notify")
            }
            #expect(!screen.contains(airflow.connectionPassword))
            #expect(!screen.contains(airflow.password))
        }
    }

    @Test func transientFailureHasItsFailedTasksRerunInPlace() async throws {
        let airflow = try AirflowServer.fromEnvironment()
        // A run of its own: the loopback API fails the first sync of each customer with 502.
        let customer = "c-e2e-\(UUID().uuidString.prefix(8).lowercased())"
        let runID = try await airflow.failedRun(of: "flowdash_bad_gateway", inputs: ["customer": customer])

        try await InterfaceSession.with(try await airflow.openInterface()) { session in
            try await session.tmux.waitFor("the failed run in the activity list", timeout: .seconds(60)) {
                $0.contains("Needs attention") && $0.contains("flowdash_bad_gateway")
            }
            try await session.tmux.press("/")
            try await session.tmux.type(String(runID.split(separator: "/").last ?? ""))
            try await session.tmux.press("Enter")
            try await session.tmux.press("Enter")
            try await session.tmux.waitFor(text: "502")

            try await session.tmux.press("x")
            let dialog = try await session.tmux.waitFor(text: "Rerun 2 failed steps", timeout: .seconds(60))
            #expect(dialog.contains("sync_ledger") || dialog.contains(customer) || dialog.contains("flowdash_bad_gateway"))
            try await session.tmux.press("y")
            try await session.tmux.waitFor("the rerun to succeed", timeout: .seconds(150)) {
                $0.contains("succeeded") && !$0.contains("502")
            }
        }
    }
}

/// The Airflow of `script/airflow up`, as `script/airflow env` exports it. A missing variable
/// fails the test: in CI the server must be there.
struct AirflowServer {
    let url: String
    let user: String
    let password: String
    let connectionPassword: String

    static func fromEnvironment() throws -> AirflowServer {
        let environment = ProcessInfo.processInfo.environment
        func required(_ name: String) throws -> String {
            let value = environment[name] ?? ""
            try #require(!value.isEmpty, "\(name) is not set: run `script/airflow up && eval \"$(script/airflow env)\"`")
            return value
        }
        return AirflowServer(
            url: try required("FLOWDASH_AIRFLOW_URL"), user: try required("FLOWDASH_AIRFLOW_USER"),
            password: try required("FLOWDASH_AIRFLOW_PASSWORD"),
            connectionPassword: try required("FLOWDASH_AIRFLOW_CONN_PASSWORD"))
    }

    var environment: [String: String] {
        ["FLOWDASH_AIRFLOW_URL": url, "FLOWDASH_AIRFLOW_USER": user, "FLOWDASH_AIRFLOW_PASSWORD": password,
         "NO_PROXY": "127.0.0.1,localhost"]
    }

    func openInterface() async throws -> InterfaceSession {
        try await InterfaceSession.start(environment: environment, width: 140, height: 36) { _ in
            ["--backend", "airflow"]
        }
    }

    /// Triggers a DAG run through the CLI, waits until it has failed, and returns its id.
    func failedRun(of dag: String, inputs: [String: String]) async throws -> String {
        let inputArguments = inputs.sorted { $0.key < $1.key }.flatMap { ["--input", "\($0.key)=\($0.value)"] }
        // why: through env(1), which sets the variables and finds the binary by its path.
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let result = try await run(
            .name("env"),
            arguments: Arguments(assignments + [InterfaceSession.flowdash, "run", dag, "--backend", "airflow",
                                                "--wait", "--json"] + inputArguments),
            output: .string(limit: 1 << 20), error: .string(limit: 1 << 16))
        let output = result.standardOutput
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let id = try #require(object?["runId"] as? String, "no run id in: \(output) \(result.standardError)")
        #expect(object?["status"] as? String == "failed", "the first sync of a new customer fails: \(output)")
        return id
    }
}
