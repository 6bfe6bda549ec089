import FlowDashCore
import Foundation

/// Which Airflow connection a failed task went through. Airflow does not record which
/// connections Python code opened, so every source the API offers is read, best first: the
/// task's fields, its log, the failing request's address matched against the connections', and
/// the DAG's source. docs/AIRFLOW.md says what each can and cannot find.
struct ConnectionFinder: Sendable {
    /// The server's connections; nil when this user may not read them (an Airflow viewer).
    let connections: [ConnectionDTO]?
    /// The addresses a host name stands for (hostname vs IP); empty when it does not resolve.
    let resolve: @Sendable (String) -> Set<String>

    /// The ids of `connections`.
    private let knownNames: Set<String>

    init(connections: [ConnectionDTO]?, resolve: @escaping @Sendable (String) -> Set<String> = HostAddresses.resolve) {
        self.connections = connections
        self.resolve = resolve
        knownNames = Set((connections ?? []).map(\.connectionID))
    }

    /// Every connection the failed `instance` may have gone through, best first; empty when
    /// nothing points at one. `source` is the DAG file's text, when it could be read.
    func leads(of instance: TaskInstanceDTO, log: LogFailure?, source: String?) -> [ConnectionLead] {
        let direct = StepMapping.directLeads(of: instance, log: log)
        if !direct.isEmpty { return direct.map { lead($0.name, $0.evidence) } }

        let matched = hostMatches(of: log?.requestURLs ?? [])
        let named = source.map { DAGSourceScan(source: $0, knownConnections: knownNames).names(nearTask: instance.taskID) } ?? []
        if matched.isEmpty { return named.map { lead($0, .definitionSource) } }
        if named.isEmpty { return matched.map { lead($0, .hostMatch) } }
        // why: the address narrows to the connections on one server; the source tells which
        // of them this DAG opens. When it names none of them, a connection the API cannot list
        // (the workers' environment) that the source opens explains the failure better.
        let both = named.filter(matched.contains)
        if !both.isEmpty { return both.map { lead($0, matched.count == 1 ? .hostMatch : .definitionSource) } }
        let unlisted = named.filter { !knownNames.contains($0) }
        if !unlisted.isEmpty, both.isEmpty, connections != nil { return unlisted.map { lead($0, .definitionSource) } }
        return matched.map { lead($0, .hostMatch) }
    }

    private func lead(_ name: String, _ evidence: ConnectionLead.Evidence) -> ConnectionLead {
        ConnectionLead(name: name, evidence: evidence, isListed: connections == nil || knownNames.contains(name))
    }

    /// The connections whose endpoint serves the first of `urls` that any connection serves;
    /// the most specific first (a connection whose path prefix the request's path starts with).
    func hostMatches(of urls: [String]) -> [String] {
        guard let connections else { return [] }
        let endpoints = connections.compactMap { connection in
            ConnectionEndpoint(connection).map { (connection.connectionID, $0) }
        }
        for text in urls {
            guard let request = ConnectionEndpoint(url: text) else { continue }
            let matches = endpoints.compactMap { name, endpoint in
                endpoint.specificity(serving: request, resolve: resolve).map { (name, $0) }
            }
            guard let best = matches.map(\.1).max() else { continue }
            return matches.filter { $0.1 == best }.map(\.0).sorted()
        }
        return []
    }
}

/// A scheme, host, port and path prefix: where a connection points, or where a request went.
struct ConnectionEndpoint: Hashable, Sendable {
    let host: String
    let port: Int?
    let path: String

    /// A connection's endpoint, as the HTTP provider builds its base URL: a host that is a whole
    /// URL keeps its scheme, port and path; else `schema` (http or https) and `port`. Nil for a
    /// connection without a host.
    init?(_ connection: ConnectionDTO) {
        guard let host = connection.host?.trimmingCharacters(in: .whitespaces), !host.isEmpty else { return nil }
        if host.contains("://"), let url = ConnectionEndpoint(url: host) {
            self.init(host: url.host, port: connection.port ?? url.port, path: url.path, scheme: nil)
            return
        }
        let scheme = connection.schema == "https" || connection.connType == "https" ? "https" : "http"
        let isWeb = ["http", "https"].contains(connection.connType.lowercased())
        self.init(host: host, port: connection.port ?? (isWeb ? Self.defaultPort(scheme) : nil), path: "", scheme: nil)
    }

    /// An absolute http(s) URL; nil for anything else.
    init?(url text: String) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else { return nil }
        self.init(host: host, port: components.port, path: components.path, scheme: scheme)
    }

    private init(host: String, port: Int?, path: String, scheme: String?) {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix(".") { host.removeLast() }
        self.host = host
        self.port = port ?? scheme.flatMap(Self.defaultPort)
        self.path = path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    static func defaultPort(_ scheme: String) -> Int? {
        switch scheme.lowercased() {
        case "http": 80
        case "https": 443
        default: nil
        }
    }

    /// How closely this connection serves `request`: nil when it does not (another host or
    /// port, or a path prefix the request does not start with); else the prefix's length.
    func specificity(serving request: ConnectionEndpoint, resolve: (String) -> Set<String>) -> Int? {
        guard port == nil || request.port == nil || port == request.port else { return nil }
        guard sameHost(as: request, resolve: resolve) else { return nil }
        guard path.isEmpty || request.path == path || request.path.hasPrefix(path + "/") else { return nil }
        return path.count
    }

    private func sameHost(as other: ConnectionEndpoint, resolve: (String) -> Set<String>) -> Bool {
        if host == other.host { return true }
        // why: `localhost` in a connection and `127.0.0.1` in the error are one server; resolving
        // only when one side is an address keeps two names from costing lookups for nothing.
        guard HostAddresses.isAddress(host) || HostAddresses.isAddress(other.host) else { return false }
        return !resolve(host).isDisjoint(with: resolve(other.host))
    }
}
