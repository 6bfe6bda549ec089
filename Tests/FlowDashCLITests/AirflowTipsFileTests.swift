import Foundation
import Testing
@testable import flowdash

/// Each Airflow server keeps its own repair-tips switch file under the XDG data folder.
struct AirflowTipsFileTests {
    private let directories = XDGDirectories(environment: ["HOME": "/home/op", "XDG_DATA_HOME": "/data"])

    private func url(_ text: String) throws -> URL {
        try AirflowTipsFile.url(for: #require(URL(string: text)), in: directories)
    }

    @Test func theFileIsPerServerUnderTheDataFolder() throws {
        #expect(try url("http://127.0.0.1:8080").path == "/data/flowdash/airflow/tips-127.0.0.1-8080.json")
        #expect(try url("https://Airflow.example.com/base/").path == "/data/flowdash/airflow/tips-airflow.example.com-443-base.json")
        #expect(try url("http://a:1") != url("http://a:2"), "two servers never share a switch")
    }

    @Test func aPathInTheURLCannotLeaveTheFolder() throws {
        let file = try url("http://host:80/../../etc")
        #expect(file.deletingLastPathComponent().path == "/data/flowdash/airflow")
    }
}
