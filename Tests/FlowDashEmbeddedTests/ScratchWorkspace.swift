import FlowDashCore
import FlowDashEmbedded
import Foundation

/// A workspace folder under the temporary directory, removed when the test ends.
final class ScratchWorkspace {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-ws-\(UUID().uuidString)")

    init(connections: String? = ScratchWorkspace.connections, flows: [String: String] = [:]) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("flows"), withIntermediateDirectories: true)
        if let connections { try write("connections.yaml", connections) }
        for (name, text) in flows { try write("flows/\(name)", text) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ relativePath: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relativePath))
    }

    func path(_ relativePath: String) -> String { root.appendingPathComponent(relativePath).path }

    func load() -> Workspace { Workspace.load(from: root) }

    func problems(in relativePath: String) -> [DefinitionProblem] {
        load().problems.filter { $0.file == path(relativePath) }
    }

    static let connections = """
        crm:
          baseURL: http://127.0.0.1:8080
          auth: bearer
          verify: /v1/me
        billing:
          baseURL: https://billing.example.com
          auth: apiKey
          header: X-Billing-Key
        directory:
          baseURL: http://127.0.0.1:8080
          auth: basic
          username: demo

        """

    static let copyCustomer = """
        description: Copy a customer from the CRM into billing
        owner: ops@example.com
        inputs:
          customer: c-1001
          limit: 5
        steps:
          - name: fetch-customer
            connection: crm
            path: /v1/customers/{{inputs.customer}}
            timeout: 5
          - name: create-invoice
            connection: billing
            method: post
            path: /v1/invoices
            headers: { Content-Type: application/json }
            body: '{"customer": "{{steps.fetch-customer.json.name}}"}'
            expect: [201, 202]

        """

    /// A one-step flow whose step has `extra` lines appended (indented under the step).
    static func flow(_ extra: String = "", connection: String = "crm", path: String = "/v1/x") -> String {
        "steps:\n  - name: only\n    connection: \(connection)\n    path: \(path)\n" + extra
    }
}
