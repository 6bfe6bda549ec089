import FlowDashCore
import Testing
@testable import FlowDashAirflow

@Suite("Task logs as step errors")
struct LogFailureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let excType: String
        let excValue: String
        var cause: (type: String, value: String)?
        let code: String
        let kind: FailureKind
        var testDescription: String { "\(excType): \(excValue)" }
    }

    static let cases: [Case] = [
        Case(excType: "RuntimeError",
             excValue: #"GET http://127.0.0.1:8099/secure failed: HTTP 401 Unauthorized: {\"error\": \"invalid token\"}"#,
             cause: ("urllib.error.HTTPError", "HTTP Error 401: Unauthorized"), code: "401", kind: .authentication),
        Case(excType: "requests.exceptions.HTTPError",
             excValue: "401 Client Error: UNAUTHORIZED for url: http://127.0.0.1:8099/secure",
             code: "401", kind: .authentication),
        Case(excType: "urllib.error.HTTPError", excValue: "HTTP Error 404: Not Found", code: "404", kind: .configuration),
        Case(excType: "RuntimeError", excValue: "GET http://127.0.0.1:8099/missing failed: HTTP 404 Not Found: nothing here",
             code: "404", kind: .configuration),
        Case(excType: "airflow.exceptions.AirflowException", excValue: "upstream answered with status 502",
             code: "502", kind: .transient),
        Case(excType: "AirflowException", excValue: "500:Internal Server Error", code: "500", kind: .transient),
        Case(excType: "requests.exceptions.ReadTimeout",
             excValue: "HTTPConnectionPool(host='127.0.0.1', port=8099): Read timed out. (read timeout=5)",
             code: "ReadTimeout", kind: .transient),
        Case(excType: "ConnectionRefusedError", excValue: "[Errno 111] Connection refused",
             code: "ConnectionRefusedError", kind: .transient),
        Case(excType: "AirflowRuntimeError", excValue: "API_SERVER_ERROR: {'status_code': None, 'detail': 'ReadTimeout'}",
             code: "AirflowRuntimeError", kind: .transient),
        Case(excType: "KeyError", excValue: "'manager'", code: "KeyError", kind: .other),
    ]

    @Test(arguments: cases)
    func theLastExceptionGivesCodeMessageAndKind(_ example: Case) throws {
        let log = try decode(TaskLogDTO.self, AirflowFixtures.taskLog(
            excType: example.excType, excValue: example.excValue, cause: example.cause))
        let failure = LogFailure.from(log.content)
        #expect(failure.error.code == example.code)
        #expect(failure.error.message.hasPrefix("\(example.excType): "), "the outermost exception's line")
        #expect(Diagnoser.kind(of: failure.error) == example.kind)
    }

    @Test func aCauseThatHoldsTheStatusIsNamedInTheMessage() throws {
        let log = try decode(TaskLogDTO.self, AirflowFixtures.taskLog(
            excType: "AirflowException", excValue: "Task failed", cause: ("HTTPError", "HTTP Error 503: Service Unavailable")))
        let failure = LogFailure.from(log.content)
        #expect(failure.error == StepError(
            code: "503", message: "AirflowException: Task failed (caused by HTTPError: HTTP Error 503: Service Unavailable)"))
        #expect(failure.chain == ["AirflowException: Task failed", "caused by HTTPError: HTTP Error 503: Service Unavailable"])
        #expect(Diagnoser.kind(of: failure.error) == .transient)
    }

    @Test func aPlainTextLogGivesItsLastExceptionLine() {
        let entries = [
            TaskLogEntry(event: "Traceback (most recent call last):\n  File \"/dags/x.py\", line 3, in call"),
            TaskLogEntry(event: "requests.exceptions.HTTPError: 403 Client Error: FORBIDDEN for url: http://x/y"),
            TaskLogEntry(event: "Marking task as FAILED."),
        ]
        let failure = LogFailure.from(entries)
        #expect(failure.error.code == "403")
        #expect(failure.error.message == "requests.exceptions.HTTPError: 403 Client Error: FORBIDDEN for url: http://x/y")
        #expect(Diagnoser.kind(of: failure.error) == .authentication)
    }

    @Test func theConnectionTheLogNamesLastIsTheStepsConnection() throws {
        let entries = [
            TaskLogEntry(event: "Using connection ID 'flowdash_api' for task execution."),
            TaskLogEntry(event: "Connection Retrieved 'flowdash_billing_api'"),
            TaskLogEntry(event: "Task failed with exception", errorDetail: [
                LoggedException(excType: "RuntimeError", excValue: "HTTP 401 Unauthorized", isCause: false),
            ]),
        ]
        let failure = LogFailure.from(entries)
        #expect(failure.connection == "flowdash_billing_api")
        let instance = try decode(TaskInstanceDTO.self, #"{"task_id":"fetch","state":"failed","try_number":1,"operator_name":"@task"}"#)
        let step = StepMapping.step(instance, position: 0, failure: failure)
        #expect(step.connection == "flowdash_billing_api")
        let diagnosis = try #require(Diagnoser.diagnose(flow: "flowdash_unauthorized", step: step))
        #expect(diagnosis.fix == [.verifyConnection("flowdash_billing_api"), .resubmit])
        #expect(LogFailure.from(Array(entries.suffix(1))).connection == nil)
    }

    @Test func aLogWithoutAnExceptionSaysSo() throws {
        let log = try decode(TaskLogDTO.self, #"{"content":[{"event":"::group::x"},"bare text line",{"event":"Task killed!"}],"continuation_token":null}"#)
        let failure = LogFailure.from(log.content)
        #expect(failure.error.code == LogFailure.noExceptionCode)
        #expect(Diagnoser.kind(of: failure.error) == .other)
        #expect(LogFailure.unreadableLog(tryNumber: 2, reason: "was not found").error.message
            == "the task failed; the log of try 2 was not found")
    }

    @Test func theMessageIsSanitisedAndCapped() throws {
        let noisy = "ValueError: \u{1B}[31mred\u{1B}[0m " + String(repeating: "x", count: 2_000)
        let failure = LogFailure.from([TaskLogEntry(event: noisy)])
        #expect(!failure.error.message.contains("\u{1B}"))
        #expect(failure.error.message.hasPrefix("ValueError: red x"))
        #expect(failure.error.message.count == LogFailure.messageLimit)
        #expect(failure.error.message.hasSuffix("…"))
    }

    @Test(arguments: [
        ("401 Client Error: UNAUTHORIZED for url", 401), ("HTTPError: HTTP Error 404: Not Found", 404),
        ("bad gateway, status 502", 502), ("status_code=429", 429), ("status code: 503", 503),
        ("HTTP/1.1 504 Gateway Timeout", 504), ("401:Unauthorized", 401), ("<Response [500]>", 500),
    ])
    func statusesAreFoundInEachWording(text: String, status: Int) {
        #expect(HTTPStatusFinder.status(in: text) == status)
    }

    @Test(arguments: ["GET http://127.0.0.1:8099/secure failed", "took 401 ms", "port=8099", "Error 999 happened", ""])
    func numbersThatAreNotStatusesAreIgnored(text: String) {
        #expect(HTTPStatusFinder.status(in: text) == nil)
    }
}
