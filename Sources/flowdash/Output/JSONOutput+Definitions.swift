import FlowDashCore
import Foundation

/// Shapes for definition files that do not load and for rerunning failed steps (docs/JSON.md).
extension JSONOutput {
    struct BrokenDefinition: Encodable {
        let file: String
        let flow: String?
        let seenAt: Date?
        let line: Int?
        let column: Int?
        let message: String
        /// As an activity failure words it: always `configuration` / `invalid_definition`.
        let kind: String
        let code: String

        init(_ failure: DefinitionFailure) {
            file = TextSanitizer.clean(failure.file)
            flow = failure.flow
            seenAt = failure.seenAt
            line = failure.problem.line
            column = failure.problem.column
            message = TextSanitizer.clean(failure.problem.message)
            kind = failure.failure.kind.rawValue
            code = failure.failure.code
        }
    }

    struct Rerun: Encodable {
        let runId: String
        let dryRun: Bool
        /// How many failed steps run again (or would, on a dry run).
        let steps: Int
    }
}
