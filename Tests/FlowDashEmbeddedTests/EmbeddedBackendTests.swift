import FlowDashCore
import FlowDashDemoAPI
import Foundation
import GRDB
import Testing
@testable import FlowDashEmbedded

@Suite("EmbeddedBackend")
struct EmbeddedBackendTests {
    private static let customerFlow = """
        inputs:
          customer: c-1001
        steps:
          - name: fetch-customer
            connection: crm
            path: /v1/customers/{{inputs.customer}}
        """

    @Test func aRejectedSecretIsNotStoredAndAVerifiedOneLetsTheResubmitSucceed() async throws {
        try await EngineFixture.with(flows: ["sync": Self.customerFlow]) { fixture in
            let backend = fixture.backend
            let wrong = try await backend.verifyConnection("crm", secret: Secret(DemoCredentials.expiredCRMToken))
            guard case .rejected(let refusal) = wrong else {
                Issue.record("expected a rejection, got \(wrong)")
                return
            }
            #expect(refusal.httpStatus == 401)
            #expect(try backend.store.connectionState(named: "crm")?.secret == nil, "a refused secret is never stored")
            #expect(try await backend.connections().first { $0.name == "crm" }?.status == .unauthorized)

            let failed = try await fixture.runToEnd("sync")
            #expect(failed.summary.failure?.code == TransportCode.missingConnection)

            let before = Date()
            #expect(try await backend.verifyConnection("crm", secret: Secret(DemoCredentials.validCRMToken)) == .verified)
            let crm = try #require(try await backend.connections().first { $0.name == "crm" })
            #expect(crm.status == .connected)
            #expect(crm.lastError == nil)
            #expect((crm.lastVerifiedAt ?? .distantPast) >= before.addingTimeInterval(-1))

            let resubmitted = try await fixture.runToEnd("sync", inputs: failed.summary.inputs, resubmittedFrom: failed.summary.id)
            #expect(resubmitted.summary.status == .succeeded)
            #expect(resubmitted.summary.resubmittedFrom == failed.summary.id)
        }
    }

    @Test func aVerifyWithoutAnswerProvesNothing() async throws {
        try await EngineFixture.with(flows: [:]) { fixture in
            let outcome = try await fixture.backend.verifyConnection("nowhere", secret: Secret("anything"))
            #expect(outcome == .inconclusive(StepError(code: TransportCode.connectionRefused, message: "connection refused by 127.0.0.1:1")))
            #expect(try fixture.backend.store.connectionState(named: "nowhere") == nil)
            await #expect(throws: BackendError.connectionNotFound("ghost")) {
                try await fixture.backend.verifyConnection("ghost", secret: Secret("x"))
            }
        }
    }

    @Test func aPlantedSecretAppearsOnlyInTheConnectionTable() async throws {
        let token = DemoCredentials.validCRMToken
        let basic = Data("\(DemoCredentials.directoryUser):\(DemoCredentials.directoryPassword)".utf8).base64EncodedString()
        // The server echoes path, query and body, so every secret form comes back in the output.
        let flow = """
            inputs:
              note: none
            steps:
              - name: echo-token
                connection: crm
                method: POST
                path: /v1/echo?token=\(token)&basic=\(basic)&password=\(DemoCredentials.directoryPassword)
                body: 'note={{inputs.note}}'
              - name: fail-with-it
                connection: open
                path: /v1/customers/\(token)
            """
        try await EngineFixture.with(flows: ["leaky": flow]) { fixture in
            #expect(try await fixture.backend.verifyConnection("crm", secret: Secret(token)) == .verified)
            try fixture.backend.storeSecret(Secret(DemoCredentials.directoryPassword), for: "directory")
            let run = try await fixture.runToEnd("leaky", inputs: ["note": "my token is \(token)"])
            #expect(run.steps[0].status == .succeeded)
            #expect(run.steps[0].output?.contains("[redacted]") == true, "the echo came back and was redacted")
            #expect(run.summary.status == .failed)

            let forbidden = [token, basic, DemoCredentials.directoryPassword]
            let activity = try await fixture.backend.activity(ActivityQuery())
            let returned = String(describing: run) + String(describing: activity)
            let stored = try Self.allRunAndStepText(in: fixture.folder.storeFile)
            for secret in forbidden {
                #expect(!returned.contains(secret), "returned text holds \(secret)")
                #expect(!stored.contains(secret), "run or step rows hold \(secret)")
            }
            #expect(stored.split(separator: "\n").count == 3, "one run row and two step rows were read: \(stored)")
            #expect(stored.contains("[redacted]"))
            let secrets = try Self.connectionTableText(in: fixture.folder.storeFile)
            #expect(secrets.contains(token), "the secret does live in connection_state")
        }
    }

    @Test func aRunOfAKilledProcessIsInterruptedWhenTheNextBackendOpens() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try RunStore(path: folder.storeFile)
        let id = try await store.createRun(flow: "f", inputs: [:], steps: [PlannedStep(name: "only", connection: "open")])
        #expect(try await store.claimRun(id, owner: OwnerProcess(pid: deadPid, startTime: 12_345)))
        #expect(try store.runDetail(id).summary.status == .running)

        let backend = try EmbeddedBackend(workspace: folder.url)
        let run = try await backend.run(id)
        #expect(run.summary.status == .interrupted)
        #expect(run.steps.map(\.status) == [.interrupted])
        #expect(run.summary.failure?.code == TransportCode.interrupted)
    }

    @Test func flowsDefinitionsAndValidationFollowTheFilesOnDisk() async throws {
        let broken = "steps:\n  - name: x\n    connection: open\n    bogus: 1\n"
        try await EngineFixture.with(flows: ["good": Self.customerFlow, "broken": broken]) { fixture in
            let backend = fixture.backend
            let flows = try await backend.flows()
            #expect(flows.map(\.name) == ["good"])
            #expect(flows.first?.inputs == ["customer": "c-1001"])
            #expect(flows.first?.stepCount == 1)

            let source = try await backend.definition(of: "broken")
            #expect(source.path == fixture.root.appendingPathComponent("flows/broken.yaml").path, "a broken file is still editable")
            let problems = try await backend.validateDefinition(of: "broken")
            #expect(!problems.isEmpty)
            #expect(problems.allSatisfy { $0.file.hasSuffix("broken.yaml") })
            #expect(try await backend.validateDefinition(of: "good").isEmpty)
            await #expect(throws: BackendError.invalidDefinition(problems)) {
                try await backend.startRun(flow: "broken", inputs: [:], resubmittedFrom: nil)
            }
            for name in ["ghost", "../connections"] {
                await #expect(throws: BackendError.flowNotFound(name)) { try await backend.definition(of: name) }
                await #expect(throws: BackendError.flowNotFound(name)) { try await backend.validateDefinition(of: name) }
                await #expect(throws: BackendError.flowNotFound(name)) { try await backend.startRun(flow: name, inputs: [:], resubmittedFrom: nil) }
            }

            try Data(Self.customerFlow.utf8).write(to: fixture.root.appendingPathComponent("flows/added.yaml"))
            #expect(try await backend.flows().map(\.name) == ["added", "good"], "a file added on disk shows at once")
        }
    }

    @Test func theNextRunFollowsAFlowEditedOnDisk() async throws {
        try await EngineFixture.with(flows: ["edit": EngineFixture.oneStepFlow(path: "/v1/invoice")]) { fixture in
            let before = try await fixture.runToEnd("edit")
            #expect(before.summary.failure?.code == "404")
            let file = fixture.root.appendingPathComponent("flows/edit.yaml")
            // Same length, written in place: only the file's change time tells the edit apart.
            let fixed = EngineFixture.oneStepFlow(path: "/v1/health/").replacingOccurrences(of: "/v1/health/", with: "/v1/health")
            let handle = try FileHandle(forWritingTo: file)
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data((fixed + " ").utf8))
            try handle.close()
            let after = try await fixture.runToEnd("edit", resubmittedFrom: before.summary.id)
            #expect(after.summary.status == .succeeded, "\(after.summary.failure?.message ?? "")")
        }
    }

    @Test func connectionsMergeDefinitionsWithStoredStates() async throws {
        try await EngineFixture.with(flows: [:]) { fixture in
            let listed = try await fixture.backend.connections()
            #expect(listed.map(\.name) == ["billing", "crm", "directory", "nowhere", "open"])
            #expect(listed.map(\.auth) == ["apiKey", "bearer", "basic", "none", "none"])
            #expect(listed.allSatisfy { $0.status == .unknown && $0.lastVerifiedAt == nil })
            #expect(listed.first { $0.name == "nowhere" }?.target == EngineFixture.closedPortURL)
            #expect(try await fixture.backend.verifyConnection("billing", secret: Secret(DemoCredentials.billingKey)) == .verified)
            #expect(try await fixture.backend.connections().first { $0.name == "billing" }?.status == .connected)
        }
    }

    @Test func aDetachedRunWaitsForItsWorkerWhichExecutesIt() async throws {
        let folder = try TemporaryFolder()
        let marker = folder.url.appendingPathComponent("worker-saw")
        let launcher = RunLauncher.detached(executable: "/bin/sh", arguments: { id in ["-c", "echo \(id) > '\(marker.path)'"] })
        try await EngineFixture.with(flows: ["health": EngineFixture.oneStepFlow(path: "/v1/health")], launcher: launcher) { fixture in
            let id = try await fixture.backend.startRun(flow: "health", inputs: [:], resubmittedFrom: nil)
            #expect(try await fixture.backend.run(id).summary.status == .queued, "the detached launcher runs nothing in process")
            // why: the shell creates the file before `echo` writes to it, so wait for the text.
            let deadline = Date().addingTimeInterval(10)
            var seen = ""
            while seen.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
                seen = (try? String(contentsOf: marker, encoding: .utf8)) ?? ""
            }
            #expect(seen.trimmingCharacters(in: .whitespacesAndNewlines) == id.rawValue, "the worker got the run id")

            let worker = try EmbeddedBackend(workspace: fixture.root)
            try await worker.execute(id)
            #expect(try await worker.run(id).summary.status == .succeeded)
            try await worker.execute(id)
            #expect(try await worker.run(id).summary.status == .succeeded, "a second worker leaves a finished run alone")
            await #expect(throws: BackendError.runNotFound(RunID("999"))) { try await worker.execute(RunID("999")) }
        }
        folder.remove()
    }

    @Test func aWorkerThatCannotStartFailsTheRun() async throws {
        let launcher = RunLauncher.detached(executable: "/nonexistent/flowdash-worker", arguments: { _ in [] })
        try await EngineFixture.with(flows: ["health": EngineFixture.oneStepFlow(path: "/v1/health")], launcher: launcher) { fixture in
            await #expect(throws: RunLaunchError.self) {
                try await fixture.backend.startRun(flow: "health", inputs: [:], resubmittedFrom: nil)
            }
            let run = try #require(try await fixture.backend.activity(ActivityQuery()).first)
            #expect(run.status == .failed)
            #expect(run.failure?.code == "launch_failed")
        }
    }

    @Test func aFlowChangedBeforeItsWorkerStartsFailsAsInvalidDefinition() async throws {
        let launcher = RunLauncher.detached(executable: "/bin/true", arguments: { _ in [] })
        try await EngineFixture.with(flows: ["health": EngineFixture.oneStepFlow(path: "/v1/health")], launcher: launcher) { fixture in
            let id = try await fixture.backend.startRun(flow: "health", inputs: [:], resubmittedFrom: nil)
            let renamed = EngineFixture.oneStepFlow(path: "/v1/health").replacingOccurrences(of: "name: call", with: "name: renamed")
            try Data(renamed.utf8).write(to: fixture.root.appendingPathComponent("flows/health.yaml"))
            try await fixture.backend.execute(id)
            let run = try await fixture.backend.run(id)
            #expect(run.summary.failure?.code == TransportCode.invalidDefinition)
            #expect(run.failingStep?.name == "call")
        }
    }

    @Test func resettingHistoryKeepsConnections() async throws {
        try await EngineFixture.with(flows: ["health": EngineFixture.oneStepFlow(path: "/v1/health")]) { fixture in
            _ = try await fixture.runToEnd("health")
            try fixture.backend.storeSecret(Secret(DemoCredentials.billingKey), for: "billing")
            try fixture.backend.resetHistory()
            #expect(try await fixture.backend.activity(ActivityQuery()).isEmpty)
            #expect(try fixture.backend.store.connectionState(named: "billing")?.secret == Secret(DemoCredentials.billingKey))
        }
    }

    @Test func theDemoSeedsEndAsTheyPromise() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let server = DemoAPIServer()
        _ = try await server.start()
        try DemoWorkspace.write(to: folder.url, baseURL: await server.baseURL)
        let backend = try EmbeddedBackend(workspace: folder.url)
        for (connection, secret) in DemoWorkspace.initialSecrets {
            try backend.storeSecret(Secret(secret), for: connection)
        }
        var started: [(DemoSeed, RunID)] = []
        // why: one at a time, as `flowdash demo` seeds; twelve at once in a test process that
        // shares two cores with a parallel suite and an Airflow left requests unanswered for 10 s.
        for seed in DemoWorkspace.seeds {
            started.append((seed, try await backend.startRun(flow: seed.flow, inputs: TriggerInputs(seed.inputs), resubmittedFrom: nil)))
            await backend.waitForQuiescence()
        }
        await server.stop()
        #expect(!started.isEmpty)
        for (seed, id) in started {
            let summary = try await backend.run(id).summary
            let outcome = summary.status == .succeeded ? "succeeded" : summary.failure?.kind.rawValue
            #expect(outcome == seed.expectedOutcome, "\(seed.flow): \(summary.failure?.message ?? "")")
        }
    }

    /// Every run and step column, as text, the way a reader of the file would find it.
    private static func allRunAndStepText(in file: URL) throws -> String {
        try DatabaseQueue(path: file.path).read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM run") + Row.fetchAll(db, sql: "SELECT * FROM step")
            return rows.map { row in row.databaseValues.map(\.description).joined(separator: "|") }.joined(separator: "\n")
        }
    }

    private static func connectionTableText(in file: URL) throws -> String {
        try DatabaseQueue(path: file.path).read { db in
            try String.fetchAll(db, sql: "SELECT secret FROM connection_state WHERE secret IS NOT NULL").joined(separator: "\n")
        }
    }
}
