import FlowDashCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The failure cache of one Airflow server on disk: one small JSON file, readable by its owner
/// only (0600), replaced atomically (a reader sees the old file or the new one, never half of
/// one). Anything unreadable (missing, corrupt, too large, another format) reads as empty and is
/// replaced by the next write: it is only a cache.
struct FailureCacheFile: Sendable {
    /// One remembered failure: the run, the end date it holds for, and the failure (nil: the run
    /// failed without a failed task).
    struct Record: Codable, Sendable, Equatable {
        let run: String
        let endDate: Date?
        let failure: RunFailure?
    }

    private struct Contents: Codable {
        let format: Int
        let entries: [Record]
    }

    static let format = 2
    /// Far above 2,000 entries; a larger file is not one this code wrote.
    static let maximumSize = 8 << 20

    let url: URL

    /// The file for the server at `server` in `directory`. The name shows the host and port,
    /// plus a hash of scheme, host, port and path; never a user or password the URL may hold.
    init(server: URL, directory: URL) {
        url = directory.appendingPathComponent(Self.fileName(for: server))
    }

    static func fileName(for server: URL) -> String {
        let host = (server.host ?? "server").lowercased()
        let port = server.port.map { "-\($0)" } ?? ""
        let readable = String((host + port).map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" }.prefix(80))
        let identity = "\(server.scheme?.lowercased() ?? "")://\(host)\(port)\(server.path)"
        return "airflow-failures-\(readable)-\(Self.fnv1a(identity)).json"
    }

    /// The entries, oldest first; empty when the file is missing or unreadable.
    func read() -> [Record] {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let size = attributes[.size] as? Int, size <= Self.maximumSize,
              let data = try? Data(contentsOf: url),
              let contents = try? Self.decoder.decode(Contents.self, from: data),
              contents.format == Self.format
        else { return [] }
        return contents.entries
    }

    /// Replaces the file: a new 0600 file beside it, then a rename over it.
    func write(_ records: [Record]) throws {
        let data = try Self.encoder.encode(Contents(format: Self.format, entries: records))
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw Self.failure("cannot create \(temporary.lastPathComponent)") }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = posixWrite(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        close(descriptor)
        guard written, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw Self.failure("cannot write \(url.lastPathComponent)")
        }
    }

    private static func failure(_ message: String) -> BackendError {
        .storage("failure cache: \(message) (errno \(errno))")
    }

    // why: dates stay in Date's own form (seconds since 2001): converting to 1970 seconds
    // loses the last bits, and an end date must compare equal to the one the API sends.
    private static let encoder = JSONEncoder()
    private static let decoder = JSONDecoder()

    /// FNV-1a 64: stable across processes and platforms, unlike `Hasher`.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// `write(2)`, named apart from the method above.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
