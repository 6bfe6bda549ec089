import Foundation

/// Writes a support bundle as a `.tar.gz` of JSON files and a README.txt, using the system `tar`
/// (Foundation has no archive or compression API on Linux, and the package adds no dependency for
/// it; `tar` ships with every Linux and macOS). The archive appears whole or not at all.
public enum SupportBundleArchive {
    public static let folderName = "flowdash-support"

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case fileExists(String)
        case tarFailed(String)

        public var description: String {
            switch self {
            case .fileExists(let path): "\(path) already exists; choose another file or pass --force to replace it"
            case .tarFailed(let reason): "could not write the archive: \(reason)"
            }
        }
    }

    /// File name → contents, in the archive's order.
    public static func files(of bundle: SupportBundle) throws -> [(name: String, contents: Data)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var files: [(String, Data)] = [
            ("README.txt", Data(readme(bundle).utf8)),
            ("environment.json", try encoder.encode(bundle.environment)),
            ("run.json", try encoder.encode(bundle.run)),
            ("steps.json", try encoder.encode(bundle.steps)),
        ]
        if let diagnosis = bundle.diagnosis { files.append(("diagnosis.json", try encoder.encode(diagnosis))) }
        return files
    }

    /// Writes the archive at `destination`; an existing file is replaced only with `overwrite`.
    public static func write(_ bundle: SupportBundle, to destination: URL, overwrite: Bool) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: destination.path), !overwrite { throw Problem.fileExists(destination.path) }
        let scratch = manager.temporaryDirectory.appendingPathComponent("flowdash-bundle-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent(folderName)
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in try files(of: bundle) {
            try file.contents.write(to: folder.appendingPathComponent(file.name))
        }
        let archive = scratch.appendingPathComponent("bundle.tar.gz")
        try runTar(["-czf", archive.path, "-C", scratch.path, folderName])
        if manager.fileExists(atPath: destination.path) { try manager.removeItem(at: destination) }
        try manager.moveItem(at: archive, to: destination)
    }

    private static func runTar(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Problem.tarFailed("cannot start tar: \(error.localizedDescription)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Problem.tarFailed(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    static func readme(_ bundle: SupportBundle) -> String {
        """
        FlowDash support bundle
        =======================
        Run \(bundle.run.runId) of flow '\(bundle.run.flow)' (\(bundle.run.status)), \
        FlowDash \(bundle.environment.flowdashVersion), \(bundle.environment.backend) backend.

        environment.json  FlowDash version, backend, operating system, when this was made, the configuration
        run.json          the run: status, times, duration, trigger inputs, failure
        steps.json        each step in order: status, times, duration, error, request and response (capped)
        diagnosis.json    why it failed, how to fix it, and the matching self-help entries (failed runs only)

        What was removed before writing: connection secrets are never read; passwords and tokens of
        the configuration's profiles; Authorization and Cookie headers; bearer and basic credentials;
        password=, token=, api_key= and similar pairs; user:password@ in URLs; the signature,
        credential, token, key and code parameters of signed URLs. Removed text reads [redacted].
        Check the files before you send them: they are plain text.

        """
    }
}
