import FlowDashCore
import Foundation

/// A workspace as loaded from disk: what parsed, and every problem with file:line.
public struct Workspace: Sendable {
    public let layout: WorkspaceLayout
    /// Valid flows only, keyed by name.
    public let flows: [String: FlowDefinition]
    public let connections: [String: ConnectionDefinition]
    /// All problems, every file, sorted by file then line.
    public let problems: [DefinitionProblem]
    private let connectionCatalog: ConnectionCatalog

    static let flowExtensions = ["yaml", "yml"]

    /// Never throws: a missing folder gives an empty workspace with no problem for missing connections.yaml/flows dir; a bad file becomes problems and the other flows still load.
    public static func load(from root: URL) -> Workspace {
        let layout = WorkspaceLayout(root: root)
        var problems: [DefinitionProblem] = []

        var connectionsLog = ProblemLog(file: layout.connectionsFile.path)
        var catalog = ConnectionCatalog()
        if FileManager.default.fileExists(atPath: layout.connectionsFile.path) {
            catalog = ConnectionsFile.parse(YAMLFile.load(layout.connectionsFile, into: &connectionsLog), log: &connectionsLog)
        }
        problems += connectionsLog.problems

        var flows: [String: FlowDefinition] = [:]
        var flowFiles: [String: URL] = [:]
        for file in listFlowFiles(layout, problems: &problems) {
            let name = file.deletingPathExtension().lastPathComponent
            var log = ProblemLog(file: file.path)
            if let other = flowFiles[name] {
                log.report("flow '\(name)' is already defined by \(other.lastPathComponent); this file is ignored", line: nil)
            } else {
                flowFiles[name] = file
                flows[name] = parseFlow(at: file, name: name, connections: catalog, log: &log)
            }
            problems += log.problems
        }
        return Workspace(
            layout: layout, flows: flows, connections: catalog.valid,
            problems: problems.sortedByLocation(), connectionCatalog: catalog
        )
    }

    /// Problems of a single flow file (parsed against the workspace's connections). Empty when valid. Used after `$EDITOR` saves.
    public func problems(inFlow flow: String) -> [DefinitionProblem] {
        // why: a name like "../connections" must not make the loader read outside flows/.
        guard DefinitionName.isValid(flow) else {
            let message = "\(YAMLValue.excerpt(TextSanitizer.clean(flow))) is not a valid flow name: use \(DefinitionName.rule)"
            return [DefinitionProblem(file: layout.flowsDirectory.path, line: nil, message: message)]
        }
        let candidates = Self.flowExtensions.map {
            layout.flowsDirectory.appendingPathComponent(flow, isDirectory: false).appendingPathExtension($0)
        }
        guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            let expected = layout.flowFile(named: flow)
            let message = "flow '\(flow)' has no file: expected \(expected.lastPathComponent) in the flows folder"
            return [DefinitionProblem(file: expected.path, line: nil, message: message)]
        }
        var log = ProblemLog(file: file.path)
        _ = Self.parseFlow(at: file, name: flow, connections: connectionCatalog, log: &log)
        return log.problems.sortedByLocation()
    }

    private static func parseFlow(
        at file: URL, name: String, connections: ConnectionCatalog, log: inout ProblemLog
    ) -> FlowDefinition? {
        let document = YAMLFile.load(file, into: &log)
        return FlowFile.parse(document, name: name, file: file.path, connections: connections, log: &log)
    }

    /// The `.yaml`/`.yml` files of the flows folder by name; hidden files (editor backups) are skipped.
    private static func listFlowFiles(_ layout: WorkspaceLayout, problems: inout [DefinitionProblem]) -> [URL] {
        let directory = layout.flowsDirectory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else {
            problems.append(DefinitionProblem(file: directory.path, line: nil, message: "'flows' is not a folder"))
            return []
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            let message = "cannot list the flows folder: \(error.localizedDescription)"
            problems.append(DefinitionProblem(file: directory.path, line: nil, message: message))
            return []
        }
        // why: URLs built from the folder keep the paths as the caller wrote them (no /private/var on macOS).
        return names.filter { !$0.hasPrefix(".") }.sorted()
            .map { directory.appendingPathComponent($0, isDirectory: false) }
            .filter { flowExtensions.contains($0.pathExtension.lowercased()) }
    }
}
