import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

@Suite("Unreadable answers and error bodies")
struct DecodingTests {
    @Test(arguments: [
        (String(AirflowFixtures.dagRuns.prefix(200)), "the JSON is truncated or not JSON (200 bytes)"),
        ("", "the body is empty"),
        ("<html><body>502 Bad Gateway</body></html>", "an HTML page came back instead of JSON (is the URL the Airflow API's?)"),
        (#"{"dag_runs":[{"dag_id":"d","state":"failed"}]}"#, "field 'dag_runs[0].dag_run_id' is missing"),
        (#"{"dag_runs":"none"}"#, "field 'dag_runs' is not a list"),
        (#"{"dag_runs":[{"dag_run_id":"r","dag_id":"d","state":null}]}"#, "field 'dag_runs[0].state' is null"),
        (#"{"dag_runs":[{"dag_run_id":"r","dag_id":"d","state":7}]}"#, "field 'dag_runs[0].state' is not a string"),
    ])
    func malformedAnswersNameTheEndpointAndTheProblem(body: String, problem: String) {
        let endpoint = "GET /api/v2/dags/~/dagRuns"
        #expect(throws: BackendError.malformedResponse("\(endpoint): \(problem)")) {
            try decode(DAGRunPage.self, body, endpoint: endpoint)
        }
    }

    @Test func errorDetailsOfEveryShapeReadAsOneLine() {
        let none = SecretScrubber([])
        #expect(ErrorDetail.message(from: Data(#"{"detail":"Invalid credentials"}"#.utf8), status: 401, scrubber: none)
            == "Invalid credentials")
        let validation = #"{"detail":[{"type":"missing","loc":["body","logical_date"],"msg":"Field required","input":{"conf":{}}},{"type":"extra_forbidden","loc":["body","x"],"msg":"Extra inputs are not permitted","input":1}]}"#
        #expect(ErrorDetail.message(from: Data(validation.utf8), status: 422, scrubber: none)
            == "body.logical_date: Field required; body.x: Extra inputs are not permitted")
        let database = #"{"detail":{"reason":"Database error","statement":"hidden","orig_error":"hidden","message":"Serious error, look for ID 42"}}"#
        #expect(ErrorDetail.message(from: Data(database.utf8), status: 500, scrubber: none)
            == "Database error: Serious error, look for ID 42")
        #expect(ErrorDetail.message(from: Data("upstream \u{1B}[2Jdown\n".utf8), status: 502, scrubber: none) == "upstream down")
        #expect(ErrorDetail.message(from: Data(), status: 503, scrubber: none) == "HTTP 503")
    }

    @Test func aValidationErrorsInputIsNeverRead() {
        let echo = #"{"detail":[{"type":"string_type","loc":["body","password"],"msg":"Input should be a valid string","input":"not-my-secret-either"}]}"#
        let message = ErrorDetail.message(from: Data(echo.utf8), status: 422, scrubber: SecretScrubber([]))
        #expect(message == "body.password: Input should be a valid string")
    }

    @Test func secretsAreScrubbedBeforeTheMessageIsCut() {
        let secret = Secret("abcdefghij-SECRET")
        let body = String(repeating: "x", count: ErrorDetail.messageLimit - 5) + secret.reveal()
        let message = ErrorDetail.message(from: Data(body.utf8), status: 500, scrubber: SecretScrubber([secret]))
        #expect(!message.contains("abcd"), "not even the start of a secret survives the cut")
    }

    @Test func retryAfterReadsSecondsAndDates() {
        let now = Date(timeIntervalSince1970: 1_795_593_600) // Wed, 25 Nov 2026 08:00:00 GMT
        #expect(RetryAfter.wait(from: "120", now: now) == .seconds(120))
        #expect(RetryAfter.wait(from: "Wed, 25 Nov 2026 08:00:30 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.wait(from: "Wed, 25 Nov 2026 07:00:00 GMT", now: now) == .seconds(0))
        #expect(RetryAfter.wait(from: "soon", now: now) == nil)
        #expect(RetryAfter.wait(from: nil, now: now) == nil)
    }

    @Test func confValuesRenderAsCompactSortedJSON() throws {
        let conf = try decode([String: JSONValue].self, #"{"s":"a \"q\"","n":1.5,"i":-3,"b":true,"z":null,"o":{"b":[1,{"c":"d/e"}],"a":"x\ny"}}"#)
        #expect(RunMapping.inputs(from: conf) == [
            "s": #"a "q""#, "n": "1.5", "i": "-3", "b": "true", "z": "null", "o": #"{"a":"x\ny","b":[1,{"c":"d/e"}]}"#,
        ])
    }
}
