import Foundation

/// Where the repair-tips switch of one Airflow server is kept: Airflow has no place for it,
/// and two servers may have DAGs of the same name, so one small file per server under the XDG
/// data folder (`$XDG_DATA_HOME/flowdash/airflow/tips-HOST-PORT.json`).
enum AirflowTipsFile {
    static func url(for server: URL, in directories: XDGDirectories) -> URL {
        let host = (server.host ?? "server").lowercased()
        let port = server.port.map(String.init) ?? (server.scheme == "https" ? "443" : "80")
        let pathPart = server.path.split(separator: "/").joined(separator: "_")
        let name = ["tips", host, port, pathPart].filter { !$0.isEmpty }.joined(separator: "-")
        let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        return directories.flowdash(directories.dataHome)
            .appendingPathComponent("airflow", isDirectory: true)
            .appendingPathComponent(safe + ".json", isDirectory: false)
    }
}
