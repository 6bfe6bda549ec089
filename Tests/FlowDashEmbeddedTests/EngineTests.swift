import FlowDashCore
import FlowDashDemoAPI
import Foundation
import Testing
@testable import FlowDashEmbedded

/// Steps executed for real against the demo API on loopback.
@Suite("Engine")
struct EngineTests {
    @Test func laterStepsReadInputsAndEarlierOutputs() async throws {
        let flow = """
            inputs:
              word: default-word
              unused: kept
            steps:
              - name: ping
                connection: open
                path: /v1/echo?word={{inputs.word}}
              - name: post-back
                connection: open
                method: POST
                path: /v1/echo
                headers: { Content-Type: application/json, X-Trace: "{{steps.ping.status}}" }
                body: '{"echoed": "{{steps.ping.json.query.word}}"}'
            """
        try await EngineFixture.with(flows: ["echo": flow]) { fixture in
            let run = try await fixture.runToEnd("echo", inputs: ["word": "hello"])
            #expect(run.summary.status == .succeeded)
            #expect(run.summary.inputs == ["word": "hello", "unused": "kept"], "trigger inputs overlay the defaults")
            #expect(run.summary.failure == nil)
            #expect(run.summary.finishedAt != nil)
            #expect(run.steps.map(\.status) == [.succeeded, .succeeded])
            #expect(run.steps.allSatisfy { $0.startedAt != nil && $0.finishedAt != nil })
            let postBack = run.steps[1]
            #expect(postBack.output?.contains(#"{\"echoed\": \"hello\"}"#) == true, "\(postBack.output ?? "")")
            #expect(postBack.request == """
                POST \(fixture.baseURL)/v1/echo
                Content-Type: application/json
                X-Trace: [redacted]
                """)
        }
    }

    @Test func anExpiredTokenFailsTheStepAsAuthenticationAndSkipsTheRest() async throws {
        let flow = """
            steps:
              - name: fetch-customer
                connection: crm
                path: /v1/customers/c-1001
              - name: create-invoice
                connection: billing
                method: POST
                path: /v1/invoices
                expect: [201]
            """
        try await EngineFixture.with(flows: ["sync": flow]) { fixture in
            try fixture.backend.storeSecret(Secret(DemoCredentials.expiredCRMToken), for: "crm")
            let run = try await fixture.runToEnd("sync")
            #expect(run.summary.status == .failed)
            #expect(run.steps.map(\.status) == [.failed, .skipped])
            let failure = try #require(run.summary.failure)
            #expect(failure.kind == .authentication)
            #expect(failure.code == "401")
            #expect(failure.step == "fetch-customer")
            #expect(failure.connection == "crm", "the inbox groups an expired token by its connection")
            #expect(FailureCause(of: failure).id == "connection:crm:authentication")
            #expect(failure.message == "Unauthorized: invalid or expired token")
            #expect(run.steps[0].request == "GET \(fixture.baseURL)/v1/customers/c-1001\nAuthorization: [redacted]")
            let crm = try await fixture.backend.connections().first { $0.name == "crm" }
            #expect(crm?.status == .unauthorized)
            #expect(crm?.lastError == failure.message)
        }
    }

    @Test func anUnknownPathIsAConfigurationFailure() async throws {
        try await EngineFixture.with(flows: ["typo": EngineFixture.oneStepFlow(path: "/v1/invoice")]) { fixture in
            let run = try await fixture.runToEnd("typo")
            #expect(run.summary.failure?.code == "404")
            #expect(run.summary.failure?.kind == .configuration)
        }
    }

    @Test func aBadGatewayFailsOnceAndTheSameRequestThenSucceeds() async throws {
        let flow = "inputs:\n  date: \"2026-01-01\"\n" + EngineFixture.oneStepFlow(path: "/v1/reports/{{inputs.date}}")
        try await EngineFixture.with(flows: ["report": flow]) { fixture in
            let first = try await fixture.runToEnd("report", inputs: ["date": "2026-11-24"])
            #expect(first.summary.failure?.code == "502")
            #expect(first.summary.failure?.kind == .transient)
            #expect(first.summary.failure?.message.contains("upstream report service unavailable") == true)
            let second = try await fixture.runToEnd("report", inputs: ["date": "2026-11-24"], resubmittedFrom: first.summary.id)
            #expect(second.summary.status == .succeeded)
            #expect(second.summary.resubmittedFrom == first.summary.id)
        }
    }

    @Test func aSlowServerTimesOutAtTheStepTimeout() async throws {
        // why: the server answers after 8 s; giving up well before that proves the 0.2 s step
        // timeout cut the call, with room for a loaded 2-core machine.
        let flow = EngineFixture.oneStepFlow(path: "/v1/slow?ms=8000", stepKeys: ["timeout: 0.2"])
        try await EngineFixture.with(flows: ["slow": flow]) { fixture in
            let run = try await fixture.runToEnd("slow")
            #expect(run.summary.failure?.code == TransportCode.timeout)
            #expect(run.summary.failure?.kind == .transient)
            let duration = try #require(run.steps[0].duration)
            #expect(duration < 6, "gave up after \(duration) s")
        }
    }

    @Test func aClosedPortIsARefusedConnection() async throws {
        try await EngineFixture.with(flows: ["down": EngineFixture.oneStepFlow(connection: "nowhere", path: "/v1/health")]) { fixture in
            let run = try await fixture.runToEnd("down")
            #expect(run.summary.failure?.code == TransportCode.connectionRefused)
            #expect(run.summary.failure?.kind == .transient)
            #expect(run.steps[0].request == "GET \(EngineFixture.closedPortURL)/v1/health")
        }
    }

    @Test func escapeSequencesNeverReachTheStore() async throws {
        try await EngineFixture.with(flows: ["hostile": EngineFixture.oneStepFlow(path: "/v1/hostile")]) { fixture in
            let run = try await fixture.runToEnd("hostile")
            let message = try #require(run.summary.failure?.message)
            let output = try #require(run.steps[0].output)
            #expect(message.contains("red alert"))
            for text in [message, output, run.steps[0].error?.message ?? ""] {
                #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 }, "\(text.debugDescription)")
            }
        }
    }

    @Test func aHugeBodyIsStoredCapped() async throws {
        try await EngineFixture.with(flows: ["big": EngineFixture.oneStepFlow(path: "/v1/big?kb=2048")]) { fixture in
            let run = try await fixture.runToEnd("big")
            #expect(run.summary.status == .succeeded)
            let output = try #require(run.steps[0].output)
            #expect(output.utf8.count <= ResponseText.storedBodyLimit + 100)
            #expect(output.utf8.count >= ResponseText.storedBodyLimit)
            #expect(output.hasSuffix("(cut: the body had \(2048 * 1024) bytes)"))
        }
    }

    @Test func aNonUTF8BodyIsDecodedLossily() async throws {
        try await EngineFixture.with(flows: ["binary": EngineFixture.oneStepFlow(path: "/v1/binary")]) { fixture in
            let run = try await fixture.runToEnd("binary")
            #expect(run.summary.failure?.code == "500")
            #expect(run.summary.failure?.message.hasPrefix("Internal Server Error: ") == true)
            let output = try #require(run.steps[0].output)
            #expect(output.contains("\u{FFFD}"))
            #expect(!output.unicodeScalars.contains { $0.value == 0 || $0.value == 0x1B })
        }
    }

    @Test func aConnectionWithoutSecretFailsBeforeAnyRequest() async throws {
        let flow = EngineFixture.oneStepFlow(connection: "billing", method: "POST", path: "/v1/invoices")
        try await EngineFixture.with(flows: ["bill": flow]) { fixture in
            let run = try await fixture.runToEnd("bill")
            #expect(run.summary.failure?.code == TransportCode.missingConnection)
            #expect(run.summary.failure?.kind == .configuration)
            #expect(run.summary.failure?.message.contains("flowdash connections verify billing") == true)
            #expect(run.steps[0].request == nil, "nothing was sent")
        }
    }

    @Test func aTemplateThatFindsNothingIsAnInvalidDefinition() async throws {
        let flow = """
            steps:
              - name: ping
                connection: open
                path: /v1/echo
              - name: use
                connection: open
                path: /v1/echo?x={{steps.ping.json.no-such-field}}
            """
        try await EngineFixture.with(flows: ["broken": flow]) { fixture in
            let run = try await fixture.runToEnd("broken")
            #expect(run.steps.map(\.status) == [.succeeded, .failed])
            #expect(run.summary.failure?.code == TransportCode.invalidDefinition)
            #expect(run.summary.failure?.kind == .configuration)
            #expect(run.summary.failure?.message.contains("no-such-field") == true)
        }
    }

    @Test func basicAuthAndApiKeyCarryTheirSecrets() async throws {
        let flow = """
            steps:
              - name: invoice
                connection: billing
                method: POST
                path: /v1/invoices
                headers: { Content-Type: application/json }
                body: '{"customer": "Ada"}'
                expect: [201]
              - name: manager
                connection: directory
                path: /v1/directory/users/jdoe/manager
            """
        try await EngineFixture.with(flows: ["people": flow]) { fixture in
            try fixture.backend.storeSecret(Secret(DemoCredentials.billingKey), for: "billing")
            try fixture.backend.storeSecret(Secret(DemoCredentials.directoryPassword), for: "directory")
            let run = try await fixture.runToEnd("people")
            #expect(run.steps[0].status == .succeeded, "the API key was accepted")
            #expect(run.steps[0].request?.contains("X-API-Key: [redacted]") == true)
            #expect(run.summary.failure?.code == "422", "basic auth passed; the directory has no manager for jdoe")
            #expect(run.summary.failure?.kind == .other)
            #expect(run.steps[1].request?.hasSuffix("Authorization: [redacted]") == true)
        }
    }

    @Test func aFlakyDependencySucceedsOnTheSecondRun() async throws {
        let flow = EngineFixture.oneStepFlow(path: "/v1/flaky/engine-test?fail=1")
        try await EngineFixture.with(flows: ["flaky": flow]) { fixture in
            let first = try await fixture.runToEnd("flaky")
            let second = try await fixture.runToEnd("flaky")
            #expect(first.summary.failure?.code == "503")
            #expect(second.summary.status == .succeeded)
        }
    }

    @Test(arguments: [
        (#"{"error":"Unauthorized","message":"invalid or expired token"}"#, 401, "Unauthorized: invalid or expired token"),
        (#"{"error":{"message":"quota exceeded"}}"#, 429, "quota exceeded"),
        (#"{"detail":"Not here"}"#, 404, "Not here"),
        ("<html>bad\ngateway</html>", 502, "Bad Gateway: <html>bad gateway</html>"),
        ("", 503, "Service Unavailable"),
    ])
    func failureMessagesNameWhatTheServerSaid(body: String, status: Int, expected: String) {
        #expect(ResponseText.failureMessage(status: status, body: Data(body.utf8)) == expected)
    }

    @Test func redactionCoversEveryFormOfASecret() {
        let redactor = SecretRedactor(secrets: [Secret("tok"), Secret("tok-longer")], basicCredentials: ["demo:pw"])
        let basic = Data("demo:pw".utf8).base64EncodedString()
        #expect(redactor.redact("a tok-longer b tok c \(basic)") == "a [redacted] b [redacted] c [redacted]")
    }
}
