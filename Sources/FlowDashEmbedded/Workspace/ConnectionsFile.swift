import Foundation
import Yams

/// The connections a workspace defines, and the names whose entries were refused, so that a step
/// using one is told to fix connections.yaml rather than that the name is unknown.
struct ConnectionCatalog: Sendable {
    var valid: [String: ConnectionDefinition] = [:]
    var refused: Set<String> = []
}

/// Reads `connections.yaml`: a mapping of connection name to its settings.
enum ConnectionsFile {
    static let keys = ["baseURL", "auth", "username", "header", "verify"]

    static func parse(_ document: YAMLFile.Document, log: inout ProblemLog) -> ConnectionCatalog {
        var catalog = ConnectionCatalog()
        guard case .root(let root) = document,
              let entries = YAMLMapping(root, describing: "connections.yaml", log: &log) else { return catalog }
        for entry in entries.entries {
            let problemsBefore = log.problems.count
            if !DefinitionName.isValid(entry.key) {
                log.report("connection name '\(entry.key)' is not valid: use \(DefinitionName.rule)", at: entry.keyNode)
            }
            let connection = parseConnection(named: entry.key, entry.value, nameNode: entry.keyNode, log: &log)
            if let connection, log.problems.count == problemsBefore {
                catalog.valid[entry.key] = connection
            } else {
                catalog.refused.insert(entry.key)
            }
        }
        return catalog
    }

    private static func parseConnection(
        named name: String, _ node: Node, nameNode: Node, log: inout ProblemLog
    ) -> ConnectionDefinition? {
        let what = "connection '\(name)'"
        guard let settings = YAMLMapping(node, describing: what, allowedKeys: keys, log: &log) else { return nil }
        let baseURL = settings.required("baseURL", in: what, owner: nameNode, log: &log).flatMap { readBaseURL($0, log: &log) }

        var auth = AuthScheme.none
        if let node = settings["auth"], let text = YAMLValue.text(node, key: "auth", log: &log) {
            if let scheme = AuthScheme.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
                auth = scheme
            } else {
                let expected = AuthScheme.allCases.map(\.rawValue).joined(separator: ", ")
                log.report("'auth' must be one of: \(expected); not \(YAMLValue.excerpt(text))", at: node)
            }
        }

        var username: String?
        if let node = settings["username"] {
            username = YAMLValue.text(node, key: "username", log: &log)
            if auth != .basic { log.report("'username' is only used with auth: basic", at: node) }
        } else if auth == .basic {
            log.report("\(what) uses auth: basic and needs a 'username'", at: nameNode)
        }

        var header = "X-API-Key"
        if let node = settings["header"], let text = YAMLValue.text(node, key: "header", log: &log) {
            header = text
            if !DefinitionName.isHeaderName(text) {
                log.report("'header' must be an HTTP header name, not \(YAMLValue.excerpt(text))", at: node)
            }
            if auth != .apiKey { log.report("'header' is only used with auth: apiKey", at: node) }
        }

        var verifyPath = "/"
        if let node = settings["verify"], let text = YAMLValue.text(node, key: "verify", log: &log) {
            verifyPath = text
            if !text.hasPrefix("/") {
                log.report("'verify' must be a path starting with '/', not \(YAMLValue.excerpt(text))", at: node)
            }
        }

        guard let baseURL else { return nil }
        return ConnectionDefinition(
            name: name, baseURL: baseURL, auth: auth, username: username, header: header, verifyPath: verifyPath
        )
    }

    private static func readBaseURL(_ node: Node, log: inout ProblemLog) -> String? {
        guard let text = YAMLValue.text(node, key: "baseURL", log: &log) else { return nil }
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else {
            log.report("'baseURL' must be an http:// or https:// URL with a host, not \(YAMLValue.excerpt(text))", at: node)
            return nil
        }
        // why: this file holds no secrets, and step paths are appended to the URL.
        if components.user != nil || components.password != nil {
            log.report("'baseURL' must not hold credentials; `flowdash connections verify` stores them", at: node)
            return nil
        }
        if components.query != nil || components.fragment != nil {
            log.report("'baseURL' must not have a query or fragment; step paths are appended to it", at: node)
            return nil
        }
        return text
    }
}
