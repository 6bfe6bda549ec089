import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// The failure cache on disk: one 0600 file per server, atomic, bounded, and a bad file never
/// gets in the way.
@Suite("Airflow backend: failure cache file")
struct FailureCacheFileTests {
    static let failure = RunFailure(kind: .authentication, code: "401", message: "RuntimeError: HTTP 401", step: "call")

    /// A fresh directory that is removed afterwards.
    static func withDirectory(_ body: (URL) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowdash-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory.appendingPathComponent("nested"))
    }

    static func permissions(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test func theNameComesFromTheServerWithoutItsCredentials() throws {
        let name = FailureCacheFile.fileName(for: try #require(URL(string: "https://ops:s3cret-PW@Airflow.Example.com:8443/base")))
        #expect(name.hasPrefix("airflow-failures-airflow.example.com-8443-") && name.hasSuffix(".json"))
        #expect(!name.contains("ops") && !name.contains("s3cret"))
        let other = FailureCacheFile.fileName(for: try #require(URL(string: "https://airflow.example.com:8443/other")))
        #expect(other != name, "another path is another server")
        let same = FailureCacheFile.fileName(for: try #require(URL(string: "https://airflow.example.com:8443/base")))
        #expect(same == name, "credentials in the URL do not change which file is used")
    }

    @Test func entriesSurviveInAPrivateFile() async throws {
        try await Self.withDirectory { directory in
            let file = FailureCacheFile(server: TestServer.baseURL, directory: directory)
            let ended = try #require(date("2026-11-25T07:32:53.998001Z"))
            let cache = RunFailureCache(file: file)
            await cache.remember(Self.failure, of: RunID("d/r1"), endedAt: ended)
            await cache.remember(nil, of: RunID("d/r2"), endedAt: nil)
            try await cache.save()
            #expect(try Self.permissions(file.url) == 0o600)
            #expect(try Self.permissions(directory) == 0o700)

            let reopened = RunFailureCache(file: file)
            #expect(await reopened.failure(of: RunID("d/r1"), endedAt: ended) == .some(Self.failure), "the end date reads back exactly")
            #expect(await reopened.failure(of: RunID("d/r2"), endedAt: nil) == .some(nil))
            #expect(await reopened.failure(of: RunID("d/r1"), endedAt: ended.addingTimeInterval(1)) == nil, "a rerun is looked up again")
        }
    }

    @Test func theFileIsBounded() async throws {
        try await Self.withDirectory { directory in
            let file = FailureCacheFile(server: TestServer.baseURL, directory: directory)
            let cache = RunFailureCache(capacity: 3, file: file)
            for index in 0..<5 { await cache.remember(Self.failure, of: RunID("d/r\(index)"), endedAt: nil) }
            try await cache.save()
            #expect(file.read().map(\.run) == ["d/r2", "d/r3", "d/r4"], "the oldest entries go first")
        }
    }

    @Test func aCorruptFileIsIgnoredAndReplaced() async throws {
        try await Self.withDirectory { directory in
            let file = FailureCacheFile(server: TestServer.baseURL, directory: directory)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(#"{"format":1,"entries":[{"run":"d/r1","#.utf8).write(to: file.url)
            #expect(file.read().isEmpty)
            let cache = RunFailureCache(file: file)
            #expect(await cache.failure(of: RunID("d/r1"), endedAt: nil) == nil)
            await cache.remember(Self.failure, of: RunID("d/r9"), endedAt: nil)
            try await cache.save()
            #expect(file.read().map(\.run) == ["d/r9"])

            try Data(#"{"format":99,"entries":[]}"#.utf8).write(to: file.url)
            #expect(file.read().isEmpty, "another format is not read")
        }
    }

    @Test func writesReplaceTheFileInsteadOfWritingIntoIt() async throws {
        try await Self.withDirectory { directory in
            let file = FailureCacheFile(server: TestServer.baseURL, directory: directory)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let elsewhere = directory.appendingPathComponent("elsewhere.txt")
            try Data("keep me".utf8).write(to: elsewhere)
            try FileManager.default.createSymbolicLink(at: file.url, withDestinationURL: elsewhere)

            try file.write([FailureCacheFile.Record(run: "d/r1", endDate: nil, failure: Self.failure)])
            #expect(try String(contentsOf: elsewhere, encoding: .utf8) == "keep me", "a link at the path is replaced, not followed")
            let type = try FileManager.default.attributesOfItem(atPath: file.url.path)[.type] as? FileAttributeType
            #expect(type == .typeRegular)
            #expect(try Self.permissions(file.url) == 0o600)
            #expect(file.read().map(\.run) == ["d/r1"])
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.isEmpty, "no temporary file is left behind")
        }
    }

    @Test func aFreshBackendSkipsLogsAnEarlierProcessRead() async throws {
        try await Self.withDirectory { directory in
            let configuration = AirflowConfiguration(
                baseURL: TestServer.baseURL, credentials: .password(username: "admin", TestServer.password),
                cacheDirectory: directory)
            let query = ActivityQuery(failedOnly: true, flow: "d")
            let page = IncrementalActivityTests.page([IncrementalActivityTests.run("r0", "failed", minute: 1)])
            let first = IncrementalActivityTests.server(full: page, changed: page)
            let runs = try await AirflowBackend(configuration: configuration, transport: first).activity(query)
            #expect(runs.first?.failure?.code == "401")

            let second = IncrementalActivityTests.server(full: page, changed: page)
            let again = try await AirflowBackend(configuration: configuration, transport: second).activity(query)
            #expect(again.first?.failure == runs.first?.failure)
            #expect(await second.routes() == ["POST /auth/token", "GET /api/v2/dags/d/dagRuns"],
                    "neither the task instances nor the log are asked for again")
        }
    }
}
