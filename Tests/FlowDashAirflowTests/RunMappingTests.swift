import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

@Suite("DAG runs as runs")
struct RunMappingTests {
    @Test func aFailedRunMapsWithDatesAndTypedConfAsText() throws {
        let run = try decode(DAGRunDTO.self, AirflowFixtures.failedRun)
        let summary = RunMapping.summary(of: run)
        #expect(summary.id == RunID("flowdash_failures/manual__2026-11-25T07:32:44.460850+00:00"))
        #expect(summary.flow == "flowdash_failures")
        #expect(summary.status == .failed)
        #expect(summary.startedAt == date("2026-11-25T07:32:45.101223Z"))
        #expect(summary.finishedAt == date("2026-11-25T07:32:53.998001Z"))
        let duration = try #require(summary.duration)
        #expect(abs(duration - 8.896778) < 0.000_01)
        #expect(summary.inputs == [
            "customer": "c-1001", "count": "3", "tags": #"["a","b"]"#, "options": #"{"a":null,"z":1}"#,
        ])
        #expect(summary.resubmittedFrom == nil)
    }

    @Test func aQueuedResubmitStartsWhenQueuedAndNamesItsOriginal() throws {
        let page = try decode(DAGRunPage.self, AirflowFixtures.dagRuns)
        let summary = RunMapping.summary(of: page.dagRuns[0])
        #expect(summary.status == .queued)
        #expect(summary.startedAt == date("2026-11-25T08:00:00.512Z"), "no start date yet: the queue time")
        #expect(summary.finishedAt == nil)
        #expect(summary.resubmittedFrom == RunID("flowdash_failures/manual__2026-11-25T07:32:44.460850+00:00"))
        #expect(page.nextCursor == nil && page.totalEntries == 2)
    }

    @Test(arguments: [
        ("queued", RunStatus.queued), ("running", .running), ("success", .succeeded), ("failed", .failed),
        ("some_future_state", .running),
    ])
    func runStatesMap(state: String, expected: RunStatus) {
        #expect(StateMapping.runStatus(state) == expected)
    }

    @Test func aRunWithOnlyRequiredFieldsStillMaps() throws {
        let run = try decode(DAGRunDTO.self, #"{"dag_run_id":"r1","dag_id":"d","state":"success","conf":null}"#)
        let summary = RunMapping.summary(of: run, failure: RunFailure(kind: .other, code: "x", message: "y", step: nil))
        #expect(summary.inputs == [:])
        #expect(summary.finishedAt == nil)
        #expect(summary.startedAt == Date(timeIntervalSince1970: 0))
        #expect(summary.failure == nil, "only a failed run carries a failure")
    }

    @Test(arguments: [
        ("2026-11-25T07:31:52.122756Z", 1_795_591_912.122756),
        ("2026-11-25T07:31:52Z", 1_795_591_912),
        ("2026-11-25T07:31:52.122756+00:00", 1_795_591_912.122756),
        ("2026-11-25T09:31:52+02:00", 1_795_591_912),
    ])
    func datesWithAndWithoutFractionsAndOffsetsParse(text: String, seconds: Double) throws {
        let run = try decode(DAGRunDTO.self, #"{"dag_run_id":"r","dag_id":"d","state":"running","start_date":"\#(text)"}"#)
        let start = try #require(run.startDate)
        #expect(abs(start.timeIntervalSince1970 - seconds) < 0.000_01)
    }

    @Test func anUnreadableDateIsAMalformedAnswerNamingTheField() {
        #expect(throws: BackendError.malformedResponse("GET /test: field 'start_date' is unreadable")) {
            try decode(DAGRunDTO.self, #"{"dag_run_id":"r","dag_id":"d","state":"running","start_date":"yesterday"}"#)
        }
    }

    @Test func theResubmitNoteRoundTripsAndSurvivesOtherLines() throws {
        let original = try #require(AirflowRunID(dagID: "etl", dagRunID: "manual__2026-11-25T08:00:00+00:00"))
        let note = ResubmitNote.text(for: original)
        #expect(ResubmitNote.original(in: note) == original.runID)
        #expect(ResubmitNote.original(in: "checked by Ann\n\(note)\nsee ticket 42") == original.runID)
        #expect(ResubmitNote.original(in: "Resubmitted by hand") == nil)
        #expect(ResubmitNote.original(in: nil) == nil)
    }

    @Test func aResubmitSendsTheOriginalConfUnchanged() {
        let original: [String: JSONValue] = ["customer": .string("c-1001"), "count": .integer(3),
                                             "tags": .array([.string("a")]), "ratio": .number(0.5)]
        let inputs = RunMapping.inputs(from: original)
        #expect(ConfBuilder.conf(from: inputs, template: original) == original)
    }

    /// Seen live: resubmitting `{"amount": "12,50"}` (the run failed with 400) with the amount
    /// corrected must send a number; unchanged and non-JSON values stay as they were.
    @Test func aResubmitSendsACorrectedStringValueAsJSONWhenItIsJSON() {
        let original: [String: JSONValue] = ["customer": .string("c-1004"), "amount": .string("12,50"),
                                             "note": .string("x")]
        let conf = ConfBuilder.conf(from: ["customer": "c-1004", "amount": "12.5", "note": "fixed by hand", "new": "7"],
                                    template: original, source: .originalRun)
        #expect(conf["amount"] == .number(12.5))
        #expect(conf["customer"] == .string("c-1004"))
        #expect(conf["note"] == .string("fixed by hand"))
        #expect(conf["new"] == .string("7"), "an input the original run did not have is text")
        let quoted = ConfBuilder.conf(from: ["amount": #""12.5""#], template: original, source: .originalRun)
        #expect(quoted["amount"] == .string(#""12.5""#), "a JSON string is not unwrapped")
    }

    @Test func aNewRunTypesInputsLikeTheParamDefaults() throws {
        let details = try decode(DAGDetailsDTO.self, AirflowFixtures.dagDetails)
        let defaults = FlowMapping.defaults(fromParams: details.params)
        let conf = ConfBuilder.conf(
            from: ["customer": "42", "count": "5", "dry_run": "true", "region": "eu", "extra": "7", "count_typo": "x"],
            template: defaults)
        #expect(conf["customer"] == .string("42"), "a string param stays a string even when it looks like a number")
        #expect(conf["count"] == .integer(5))
        #expect(conf["dry_run"] == .bool(true))
        #expect(conf["region"] == .string("eu"), "a param without a default takes text")
        #expect(conf["extra"] == .string("7"), "an undeclared input is text")
        let unparsable = ConfBuilder.conf(from: ["count": "five"], template: defaults)
        #expect(unparsable["count"] == .string("five"), "Airflow's param validation reports it, not FlowDash")
    }
}
