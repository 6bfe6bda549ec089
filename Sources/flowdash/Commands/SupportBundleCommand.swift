import ArgumentParser
import FlowDashConfig
import FlowDashCore
import FlowDashService
import Foundation

/// `flowdash support-bundle RUN -o FILE`: a `.tar.gz` with the run, its steps, errors, timings,
/// versions and the configuration, every secret removed (docs/HELP.md).
struct SupportBundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "support-bundle",
        abstract: "Write a run's support bundle (a .tar.gz without secrets) to send to support.")

    @OptionGroup var backend: BackendOptions
    @OptionGroup var format: OutputOptions
    @Argument(help: "The run.") var run: String
    @Option(name: .shortAndLong, help: ArgumentHelp("The archive to write, e.g. bundle.tar.gz.", valueName: "file"))
    var output: String
    @Flag(help: "Replace the file when it exists.") var force = false

    func run() async throws {
        let destination = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: destination.path), !force {
            throw SupportBundleArchive.Problem.fileExists(destination.path)
        }
        let service = try backend.makeService()
        let bundle = try await service.supportBundle(for: RunID(run))
        try SupportBundleArchive.write(bundle, to: destination, overwrite: force)
        if format.json {
            try JSONOutput.print(JSONOutput.SupportBundleWritten(runId: bundle.run.runId, file: destination.path,
                                                                 files: try SupportBundleArchive.files(of: bundle).map(\.name)))
        } else {
            print("Wrote the support bundle of run \(bundle.run.runId) to \(destination.path) (secrets removed; check it before you send it).")
        }
    }
}

extension JSONOutput {
    struct SupportBundleWritten: Encodable {
        let runId: String
        let file: String
        let files: [String]
    }
}
