import Foundation

/// Checks the Airflow server's address before anything is sent to it.
enum AirflowURL {
    /// http or https with a host; no user or password inside (they would end up in messages),
    /// no query or fragment. A path is kept: Airflow may be served below a prefix.
    static func validated(_ text: String) throws(BackendSelectionError) -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed) else {
            throw BackendSelectionError("the Airflow URL is not a URL; expected e.g. https://airflow.example.com")
        }
        // why: never echo a URL that holds credentials.
        if components.user != nil || components.password != nil {
            throw BackendSelectionError("the Airflow URL must not hold a user or password; set \(BackendResolver.Variable.user) and \(BackendResolver.Variable.password) (or a profile) instead")
        }
        guard let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme) else {
            throw BackendSelectionError("the Airflow URL '\(trimmed)' must start with http:// or https://")
        }
        guard let host = components.host, !host.isEmpty else {
            throw BackendSelectionError("the Airflow URL '\(trimmed)' has no host")
        }
        guard components.query == nil, components.fragment == nil else {
            throw BackendSelectionError("the Airflow URL '\(trimmed)' must not have a query or fragment; give the server's root, e.g. \(scheme)://\(host)")
        }
        var normalized = components
        normalized.scheme = scheme
        while normalized.path.hasSuffix("/") { normalized.path.removeLast() }
        guard let url = normalized.url else {
            throw BackendSelectionError("the Airflow URL '\(trimmed)' is not a valid URL")
        }
        return url
    }

    /// Whether the host is this machine, where plain http exposes nothing.
    static func isLoopback(_ url: URL) -> Bool {
        guard let host = url.host?.lowercased() else { return false }
        return host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }
}
