import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Reads what Airflow really holds, around the backend: the REST API with a token of its own,
/// and the `airflow` CLI of the checkout's venv for what the API masks (stored passwords).
struct LiveAirflowProbe {
    let live: LiveEnvironment

    /// `GET /api/v2/<path>` as JSON. `path` segments must already be percent-encoded.
    func get(_ path: String) async throws -> [String: Any] {
        var tokenRequest = URLRequest(url: live.url.appendingPathComponent("auth/token"))
        tokenRequest.httpMethod = "POST"
        tokenRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        tokenRequest.httpBody = try JSONSerialization.data(withJSONObject: ["username": live.user, "password": live.password])
        let (tokenBody, _) = try await URLSession.shared.data(for: tokenRequest)
        let tokenObject = try #require(try JSONSerialization.jsonObject(with: tokenBody) as? [String: Any])
        let token = try #require(tokenObject["access_token"] as? String)
        let url = try #require(URL(string: live.url.absoluteString + "/api/v2/" + path))
        var request = URLRequest(url: url)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (body, response) = try await URLSession.shared.data(for: request)
        try #require((response as? HTTPURLResponse)?.statusCode == 200, "GET \(path)")
        return try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    }

    /// The password Airflow stores for `connection` (the API only ever shows `***`), read with
    /// `airflow connections get` next to the seeded file's `.airflow-run/airflow.env`.
    func storedPassword(of connection: String) throws -> String? {
        let runDirectory = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["FLOWDASH_AIRFLOW_SEEDED"]))
            .deletingLastPathComponent()
        let checkout = runDirectory.deletingLastPathComponent()
        let airflow = checkout.appendingPathComponent(".venv-airflow/bin/airflow").path
        let env = runDirectory.appendingPathComponent("airflow.env").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "source \"$1\" && \"$2\" connections get \"$3\" -o json", "probe", env, airflow, connection]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "airflow connections get \(connection) failed")
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        return rows.first?["password"] as? String
    }
}

extension String {
    /// Percent-encodes a run id for a path segment (`:` and `+` included).
    var pathSegment: String {
        addingPercentEncoding(withAllowedCharacters: CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? self
    }
}
