import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

/// The merge of a previous window with the runs changed since, on decoded DTOs.
@Suite("Airflow backend: run window merge")
struct RunWindowTests {
    static func runs(_ specs: [(String, String, Int)]) throws -> [DAGRunDTO] {
        try decode(DAGRunPage.self, IncrementalActivityTests.page(specs.map { IncrementalActivityTests.run($0.0, $0.1, minute: $0.2) })).dagRuns
    }

    static func ids(_ runs: [DAGRunDTO]?) -> [String]? { runs?.map(\.dagRunID) }

    @Test func changedRunsReplaceTheirRowsAndNewOnesAreSortedIn() throws {
        let previous = try Self.runs([("a", "running", 30), ("b", "running", 20)])
        let changed = try Self.runs([("c", "queued", 25), ("a", "success", 30)])
        let merged = RunWindow.merged(previous, with: changed, limit: 10, failedOnly: false)
        #expect(Self.ids(merged) == ["a", "c", "b"])
        #expect(merged?.first?.state == "success")
    }

    @Test func theWindowIsTrimmedToTheLimit() throws {
        let previous = try Self.runs([("a", "success", 30), ("b", "success", 20)])
        let changed = try Self.runs([("c", "queued", 40)])
        #expect(Self.ids(RunWindow.merged(previous, with: changed, limit: 2, failedOnly: false)) == ["c", "a"])
    }

    @Test func failedOnlyDropsRunsThatLeftTheFailedState() throws {
        let previous = try Self.runs([("a", "failed", 30), ("b", "failed", 20)])
        let changed = try Self.runs([("a", "queued", 30), ("c", "success", 40)])
        #expect(Self.ids(RunWindow.merged(previous, with: changed, limit: 5, failedOnly: true)) == ["b"])
        #expect(RunWindow.merged(previous, with: changed, limit: 2, failedOnly: true) == nil,
                "a full window that shrinks needs a full reload")
    }

    @Test func equalTimesKeepTheChangedRowFirstThenThePreviousOrder() throws {
        let previous = try Self.runs([("a", "success", 30), ("b", "success", 30)])
        let changed = try Self.runs([("c", "queued", 30)])
        #expect(Self.ids(RunWindow.merged(previous, with: changed, limit: 5, failedOnly: false)) == ["c", "a", "b"])
    }

    @Test func onlyAFullWindowBoundsTheRunsItAsksFor() throws {
        let previous = try Self.runs([("a", "success", 30), ("b", "success", 20)])
        #expect(RunWindow.lowerBound(of: previous, limit: 3) == nil)
        #expect(RunWindow.lowerBound(of: previous, limit: 2) == date("2026-11-25T07:19:59Z"))
    }
}
