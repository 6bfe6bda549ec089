import FlowDashCore
import Foundation
import Testing
@testable import FlowDashAirflow

@Suite("Import errors as definition problems")
struct ImportErrorMappingTests {
    @Test func aFailedImportPointsAtTheDAGFilesLineNotTheHelpers() throws {
        let error = try decode(ImportErrorPage.self, AirflowFixtures.importErrors).importErrors[0]
        let problem = ImportErrorMapping.problem(of: error, file: "/srv/airflow/dags/flowdash_broken.py")
        #expect(problem == DefinitionProblem(
            file: "/srv/airflow/dags/flowdash_broken.py", line: 4,
            message: "ModuleNotFoundError: No module named 'flowdash_missing_helper'"))
        #expect(problem.description == "/srv/airflow/dags/flowdash_broken.py:4: ModuleNotFoundError: No module named 'flowdash_missing_helper'")
    }

    @Test func aSyntaxErrorGivesItsLine() throws {
        let error = try decode(ImportErrorPage.self, AirflowFixtures.importErrors).importErrors[1]
        let problem = ImportErrorMapping.problem(of: error)
        #expect(problem == DefinitionProblem(file: "flowdash_syntax.py", line: 9, message: "SyntaxError: '(' was never closed"))
    }

    @Test func anImportFailureIsAConfigurationFailureWithoutARun() throws {
        let page = try decode(ImportErrorPage.self, AirflowFixtures.importErrors)
        let failure = AirflowImportFailure(page.importErrors[0])
        #expect(failure.id == 7 && failure.file == "flowdash_broken.py" && failure.bundle == "dags-folder")
        #expect(failure.seenAt == date("2026-11-25T07:40:01.5Z"))
        #expect(failure.failure.kind == .configuration)
        #expect(failure.failure.code == TransportCode.invalidDefinition)
        #expect(failure.failure.step == nil)
        #expect(Diagnoser.kind(of: StepError(code: failure.failure.code, message: failure.failure.message)) == .configuration)
    }

    @Test func anEmptyTraceStillSaysWhatHappened() throws {
        let error = try decode(ImportErrorDTO.self, #"{"import_error_id":1,"filename":"x.py","stack_trace":null}"#)
        #expect(ImportErrorMapping.problem(of: error) == DefinitionProblem(file: "x.py", line: nil, message: "the DAG file did not load"))
    }
}
