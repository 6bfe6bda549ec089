import FlowDashAirflow
import FlowDashCore
import FlowDashEmbedded
import FlowDashService
import Foundation
import Logging

/// Opens the backend a plan names and puts the service in front of it.
enum ServiceFactory {
    /// - Parameter detachRuns: embedded runs outlive this process (a worker executes them)
    ///   instead of running in it. Airflow runs always live on the server.
    static func service(for plan: BackendPlan, detachRuns: Bool, signIn: AirflowSignIn) throws -> FlowService {
        _ = LoggingSetup.bootstrapped
        let backend: any FlowBackend
        var tipsSwitch: (any RepairTipsSwitch)?  // nil: the embedded store keeps it
        switch plan {
        case .embedded(let embedded):
            backend = try embeddedBackend(embedded, detachRuns: detachRuns)
        case .airflow(let airflow):
            backend = try airflowBackend(airflow, signIn: signIn)
            tipsSwitch = TipsSwitchFile(url: AirflowTipsFile.url(for: airflow.url, in: XDGDirectories()))
        }
        return FlowService(backend: backend, tipsSwitch: tipsSwitch, supportContext: SupportContextReader.read(plan: plan),
                           logger: Logger(label: "flowdash.service"))
    }

    static func embeddedBackend(_ plan: EmbeddedPlan, detachRuns: Bool) throws -> EmbeddedBackend {
        let root = plan.root
        // why: a mistyped path must not quietly become a new, empty workspace with a store in it;
        // only the default one is created on first use.
        var isFolder: ObjCBool = false
        if plan.named, !(FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) && isFolder.boolValue) {
            throw BackendSelectionError("no workspace at \(root.path) (a folder with flows/ and connections.yaml; `flowdash demo --workspace \(root.path)` makes one)")
        }
        let launcher: RunLauncher = detachRuns ? .detached(
            executable: currentExecutable,
            arguments: { id in ["_execute", id.rawValue, "--workspace", root.path] }
        ) : .inProcess
        return try EmbeddedBackend(workspace: root, launcher: launcher, logger: Logger(label: "flowdash.embedded"))
    }

    static func airflowBackend(_ plan: AirflowPlan, signIn: AirflowSignIn) throws -> AirflowBackend {
        let credentials = try signIn.credentials(for: plan)
        if plan.url.scheme == "http", !AirflowURL.isLoopback(plan.url) {
            FileHandle.standardError.write(Data("Warning: \(plan.url.absoluteString) is plain http; the Airflow credentials cross the network unencrypted (use https)\n".utf8))
        }
        // why: a fresh `flowdash` process then skips the task logs an earlier one already read.
        let directories = XDGDirectories()
        let cache = directories.flowdash(directories.cacheHome).appendingPathComponent("airflow", isDirectory: true)
        let configuration = AirflowConfiguration(baseURL: plan.url, credentials: credentials, cacheDirectory: cache)
        return AirflowBackend(configuration: configuration, logger: Logger(label: "flowdash.airflow"))
    }

    private static var currentExecutable: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }
}
