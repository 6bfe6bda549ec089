import FlowDashCore
import FlowDashDemoAPI
import Foundation
import Testing
@testable import FlowDashEmbedded

/// A redirect must never carry a connection's credentials to another origin.
struct RedirectTests {
    @Test func aRedirectToAnotherOriginIsNotFollowed() async throws {
        let elsewhere = DemoAPIServer()
        _ = try await elsewhere.start()
        let target = await elsewhere.baseURL + "/v1/me"
        let flow = EngineFixture.oneStepFlow(connection: "crm", path: "/v1/redirect?to=\(target)")
        try await EngineFixture.with(flows: ["hop": flow]) { fixture in
            try fixture.backend.storeSecret(Secret(DemoCredentials.validCRMToken), for: "crm")
            let run = try await fixture.runToEnd("hop")
            #expect(run.summary.status == .failed)
            #expect(run.summary.failure?.code == "302")
        }
        await elsewhere.stop()
    }

    @Test func aRedirectOnTheSameOriginIsFollowed() async throws {
        try await EngineFixture.with(flows: [:]) { fixture in
            let flow = EngineFixture.oneStepFlow(path: "/v1/redirect?to=\(fixture.baseURL)/v1/health")
            try EngineFixture.write(flows: ["hop": flow], connections: EngineFixture.connectionsYAML(baseURL: fixture.baseURL),
                                    to: fixture.root)
            let run = try await fixture.runToEnd("hop")
            #expect(run.summary.status == .succeeded)
        }
    }
}
