import Foundation
import Testing
@testable import FlowDashDemoAPI

@Suite("Demo workspace files, secrets and seeds")
struct DemoWorkspaceTests {
    private let flowNames = [
        "health-check", "daily-echo", "sync-customers", "bill-customers",
        "nightly-report", "place-order", "notify-manager", "export-leads", "check-crm-account",
    ]

    private func temporaryRoot() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("flowdash-demo-\(UUID().uuidString)", isDirectory: true)
    }

    private func read(_ root: URL, _ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    @Test("write creates connections.yaml pointing every connection at the base URL")
    func connectionsFile() throws {
        let root = temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try DemoWorkspace.write(to: root, baseURL: "http://127.0.0.1:4242")

        let connections = try read(root, "connections.yaml")
        let baseURLLines = connections.split(separator: "\n").filter { $0.contains("baseURL: http://127.0.0.1:4242") }
        #expect(baseURLLines.count == 4)
        for name in ["crm:", "billing:", "directory:", "reports:"] {
            #expect(connections.contains("\n\(name)\n") || connections.hasPrefix("\(name)\n"))
        }
        #expect(connections.contains("auth: bearer"))
        #expect(connections.contains("username: demo"))
        #expect(!connections.contains(DemoCredentials.directoryPassword))
    }

    @Test("write creates one commented flow file per demo flow, with the typo kept")
    func flowFiles() throws {
        let root = temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try DemoWorkspace.write(to: root, baseURL: "http://127.0.0.1:4242")

        for name in flowNames {
            let flow = try read(root, "flows/\(name).yaml")
            #expect(flow.hasPrefix("# Demonstrates"), "\(name) should open with what it demonstrates")
            #expect(flow.contains("steps:"))
        }
        let billing = try read(root, "flows/bill-customers.yaml")
        #expect(billing.contains("path: /v1/invoice\n"))
        let order = try read(root, "flows/place-order.yaml")
        #expect(order.contains(#"body: '{"sku": "{{inputs.sku}}"}'"#))
    }

    @Test("flows only name connections that connections.yaml defines")
    func flowConnectionsExist() throws {
        let root = temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try DemoWorkspace.write(to: root, baseURL: "http://127.0.0.1:4242")

        for name in flowNames {
            let named = try read(root, "flows/\(name).yaml").split(separator: "\n")
                .compactMap { line -> String? in
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    guard trimmed.hasPrefix("connection: ") else { return nil }
                    return String(trimmed.dropFirst("connection: ".count))
                }
            #expect(!named.isEmpty)
            #expect(Set(named).isSubset(of: ["crm", "billing", "directory", "reports"]), "\(name)")
        }
    }

    @Test("writing again overwrites the files with the new base URL")
    func rewrite() throws {
        let root = temporaryRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try DemoWorkspace.write(to: root, baseURL: "http://127.0.0.1:1111")
        try DemoWorkspace.write(to: root, baseURL: "http://127.0.0.1:2222")

        let connections = try read(root, "connections.yaml")
        #expect(connections.contains("http://127.0.0.1:2222"))
        #expect(!connections.contains("http://127.0.0.1:1111"))
    }

    @Test("seeds run successes first, then one failure of each kind, then the expired crm token in three flows")
    func seeds() {
        let seeds = DemoWorkspace.seeds
        #expect(seeds.map(\.flow) == [
            "health-check", "health-check", "daily-echo",
            "sync-customers", "bill-customers", "nightly-report", "place-order", "notify-manager",
            "export-leads", "sync-customers", "check-crm-account", "export-leads",
        ])
        #expect(seeds.map(\.expectedOutcome) == [
            "succeeded", "succeeded", "succeeded",
            "authentication", "configuration", "transient", "configuration", "other",
            "authentication", "authentication", "authentication", "authentication",
        ])
        #expect(seeds.first { $0.flow == "sync-customers" }?.inputs == ["customer": "c-1001"])
        #expect(seeds.filter { $0.flow == "export-leads" }.map(\.inputs) == [["customer": "c-3003"], ["customer": "c-3004"]])
        #expect(seeds.filter { $0.flow == "sync-customers" }.map(\.inputs) == [["customer": "c-1001"], ["customer": "c-1002"]])
        #expect(seeds.first { $0.flow == "notify-manager" }?.inputs == ["user": "jdoe"])
        #expect(Set(seeds.map(\.flow)) == Set(flowNames))
    }

    @Test("the stored crm secret is the expired token; the others are valid")
    func initialSecrets() {
        #expect(DemoWorkspace.initialSecrets == [
            "crm": DemoCredentials.expiredCRMToken,
            "billing": DemoCredentials.billingKey,
            "directory": DemoCredentials.directoryPassword,
        ])
    }
}
