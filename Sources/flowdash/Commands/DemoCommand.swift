import ArgumentParser
import FlowDashCore
import FlowDashDemoAPI
import FlowDashEmbedded
import FlowDashService
import Foundation
import Logging

/// Writes the demo workspace, starts the demo API on loopback and runs the demo flows, so that the
/// activity list holds one failure of each kind; then keeps serving until stopped.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Start the demo: a local API that fails in each way, and flows that call it.")

    @Option(help: ArgumentHelp("The demo workspace (default: $XDG_DATA_HOME/flowdash/demo).", valueName: "dir"))
    var workspace: String?
    @Option(help: "Port for the demo API on 127.0.0.1 (default: a free one).") var port: UInt16 = 0
    @Flag(help: "Only prepare and serve; do not open the interface.") var headless = false
    @OptionGroup var interface: InterfaceOptions
    // why: accepted only to refuse Airflow with the way to get an Airflow demo, instead of
    // ArgumentParser's bare "unknown option".
    @Option(help: .hidden) var backend: BackendKind?

    func validate() throws {
        if backend == .airflow {
            throw ValidationError("the demo runs on the embedded engine only (it serves its own local API); for the same failures on a real Airflow, run script/airflow up, then: eval \"$(script/airflow env)\"; flowdash --backend airflow")
        }
    }

    func run() async throws {
        _ = LoggingSetup.bootstrapped
        let root = try DemoFolder.resolve(explicit: workspace)
        let server = DemoAPIServer(port: port)
        _ = try await server.start()
        let baseURL = await server.baseURL
        try DemoWorkspace.write(to: root, baseURL: baseURL)
        try DemoFolder.mark(root)

        let backend = try EmbeddedBackend(workspace: root, launcher: .inProcess, logger: Logger(label: "flowdash.demo"))
        try backend.resetHistory()
        for (connection, secret) in DemoWorkspace.initialSecrets {
            try backend.storeSecret(Secret(secret), for: connection)
        }
        let service = FlowService(
            backend: backend, supportContext: SupportContextReader.read(plan: .embedded(EmbeddedPlan(root: root, named: true))),
            logger: Logger(label: "flowdash.service"))
        say("Workspace: \(root.path)")
        say("Demo API: \(baseURL)")
        for seed in DemoWorkspace.seeds {
            let id = try await service.startRun(flow: seed.flow, inputs: TriggerInputs(seed.inputs))
            let run = try await service.waitForRun(id, timeout: .seconds(60))
            let failure = run.failure.map { " (\($0.kind.rawValue) \($0.code))" } ?? ""
            say("  run \(id): \(seed.flow) \(run.status.rawValue)\(failure)")
        }
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        if headless || !interactive {
            printNextSteps(root: root)
            say("Serving the demo API until stopped (Ctrl-C).")
            await SignalWaiter.waitForTermination()
        } else {
            // why: the interface runs on this process's service, so resubmitted runs execute here
            // while the demo API keeps serving them.
            try await InterfaceLauncher.open(
                service: service, settings: interface.resolve(),
                greeting: .demoReady(connection: "crm", token: DemoCredentials.validCRMToken))
        }
        await server.stop()
    }

    private func printNextSteps(root: URL) {
        let flag = "--workspace '\(root.path)'"
        say("""

        Try the troubleshooting loop (in another terminal, while this one serves):
          flowdash activity --failed \(flag)
          flowdash run show RUN \(flag)
          flowdash connections verify crm \(flag)     # the valid demo token is \(DemoCredentials.validCRMToken)
          flowdash flows edit bill-customers \(flag)  # the path should be /v1/invoices
          flowdash resubmit RUN --wait \(flag)
          flowdash inbox \(flag)                     # failures grouped by root cause
          flowdash resubmit --group connection:crm:authentication --dry-run \(flag)
        """)
    }
}

/// Where the demo lives, and the guard that keeps it from overwriting a real workspace.
enum DemoFolder {
    static let markerName = ".flowdash-demo"

    static func resolve(explicit: String?) throws -> URL {
        let directories = XDGDirectories()
        let root = explicit.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? directories.flowdash(directories.dataHome).appendingPathComponent("demo", isDirectory: true)
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let isDemo = contents.contains(markerName)
        guard contents.isEmpty || isDemo else {
            throw CommandFailure.exit(1, "\(root.path) is not empty and is not a demo workspace; choose another --workspace")
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    static func mark(_ root: URL) throws {
        let note = "This folder is a FlowDash demo workspace; `flowdash demo` rewrites it.\n"
        try Data(note.utf8).write(to: root.appendingPathComponent(markerName))
    }
}

/// Waits for SIGINT, SIGTERM or SIGHUP without killing the process, so it can shut down cleanly.
enum SignalWaiter {
    static func waitForTermination() async {
        let (signals, continuation) = AsyncStream<Int32>.makeStream()
        let sources = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        for await _ in signals { break }
        sources.forEach { $0.cancel() }
    }
}

/// Prints a line straight to stdout: when stdout is a pipe, `print` would hold it in a buffer and
/// a script waiting for "Serving" would wait forever.
private func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
