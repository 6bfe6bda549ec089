import FlowDashCore
import Foundation

/// What FlowDash last learnt about a connection's secret by verifying it.
struct VerificationRecord: Hashable, Sendable {
    let status: ConnectionStatus
    let at: Date
    let lastError: String?
}

/// Airflow connections as FlowDash connections.
enum ConnectionMapping {
    /// `auth` is the connection type (`http`, `postgres`, …): Airflow's own word for how it
    /// connects. The status stays unknown until FlowDash has tested the connection.
    static func info(of connection: ConnectionDTO, record: VerificationRecord?) -> ConnectionInfo {
        ConnectionInfo(
            name: connection.connectionID, auth: connection.connType, target: target(of: connection),
            status: record?.status ?? .unknown, lastVerifiedAt: record?.at, lastError: record?.lastError)
    }

    /// `https://api.example.com:8443` for HTTP connections (`schema` picks http or https, as the
    /// HTTP provider does), `postgres://db:5432/sales` for the rest; never the login or password.
    static func target(of connection: ConnectionDTO) -> String {
        guard let host = connection.host, !host.isEmpty else { return connection.connType }
        let port = connection.port.map { ":\($0)" } ?? ""
        if host.contains("://") { return host + port }
        if connection.connType == "http" || connection.connType == "https" {
            let scheme = connection.schema == "https" || connection.connType == "https" ? "https" : "http"
            return "\(scheme)://\(host)\(port)"
        }
        let schema = connection.schema.flatMap { $0.isEmpty ? nil : "/\($0)" } ?? ""
        return "\(connection.connType)://\(host)\(port)\(schema)"
    }
}
