import Foundation

/// One run the demo starts: a flow, its trigger inputs, and how that run should end.
public struct DemoSeed: Sendable, Hashable {
    /// The flow to run (its file name without `.yaml`).
    public let flow: String
    /// The trigger inputs (the flow's defaults, spelled out).
    public let inputs: [String: String]
    /// "succeeded", or the failure kind the run should be diagnosed with:
    /// authentication, configuration, transient or other.
    public let expectedOutcome: String

    /// A seed for `flow` with `inputs`, expected to end as `expectedOutcome`.
    public init(flow: String, inputs: [String: String], expectedOutcome: String) {
        self.flow = flow
        self.inputs = inputs
        self.expectedOutcome = expectedOutcome
    }
}

/// The demo workspace: connections and flows that call the demo API, the secrets stored
/// before the first runs, and the runs to start.
public enum DemoWorkspace {
    /// Writes connections.yaml and flows/*.yaml (overwriting those files) pointing at baseURL.
    public static func write(to root: URL, baseURL: String) throws {
        let files = FileManager.default
        let flowsDirectory = root.appendingPathComponent("flows", isDirectory: true)
        try files.createDirectory(at: flowsDirectory, withIntermediateDirectories: true)
        try write(DemoWorkspaceFiles.connections(baseURL: baseURL),
                  to: root.appendingPathComponent("connections.yaml"))
        for flow in DemoWorkspaceFiles.flows {
            try write(flow.yaml, to: flowsDirectory.appendingPathComponent("\(flow.name).yaml"))
        }
    }

    /// Secrets the demo stores before seeding: connection name → secret ("crm" gets the
    /// EXPIRED token, so the operator has something to fix).
    public static let initialSecrets: [String: String] = [
        "crm": DemoCredentials.expiredCRMToken,
        "billing": DemoCredentials.billingKey,
        "directory": DemoCredentials.directoryPassword,
    ]

    /// Runs the demo starts, in order: successes first, then one failure of each kind, then
    /// more runs that the expired crm token fails in three flows, so the inbox has a root-cause
    /// group worth resubmitting at once ("5 runs in 3 flows: connection crm unauthorized").
    public static let seeds: [DemoSeed] = {
        let byName = Dictionary(uniqueKeysWithValues: DemoWorkspaceFiles.flows.map { ($0.name, $0) })
        let order: [(flow: String, inputs: [String: String]?)] = [
            ("health-check", nil), ("health-check", nil), ("daily-echo", nil),
            ("sync-customers", nil), ("bill-customers", nil), ("nightly-report", nil), ("place-order", nil),
            ("notify-manager", nil),
            ("export-leads", nil), ("sync-customers", ["customer": "c-1002"]), ("check-crm-account", nil),
            ("export-leads", ["customer": "c-3004"]),
        ]
        return order.compactMap { entry in
            byName[entry.flow].map {
                DemoSeed(flow: $0.name, inputs: entry.inputs ?? $0.defaultInputs, expectedOutcome: $0.expectedOutcome)
            }
        }
    }()

    private static func write(_ text: String, to file: URL) throws {
        try Data(text.utf8).write(to: file, options: .atomic)
    }
}
