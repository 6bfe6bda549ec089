import Foundation

/// `GET /api/v2/connections`.
struct ConnectionPage: Decodable, Sendable {
    let connections: [ConnectionDTO]
    let totalEntries: Int?

    enum CodingKeys: String, CodingKey {
        case connections
        case totalEntries = "total_entries"
    }
}

/// One connection. The password is always `***` in answers, so it is not read at all.
struct ConnectionDTO: Decodable, Sendable {
    let connectionID: String
    let connType: String
    let description: String?
    let host: String?
    let login: String?
    let schema: String?
    let port: Int?
    /// A JSON object as a string; sensitive values in it come back as `***`.
    let extra: String?

    enum CodingKeys: String, CodingKey {
        case connectionID = "connection_id"
        case connType = "conn_type"
        case description, host, login, schema, port, extra
    }
}

/// `POST /api/v2/connections/test`: 200 whatever the outcome.
struct ConnectionTestDTO: Decodable, Sendable {
    let status: Bool
    let message: String?
}
