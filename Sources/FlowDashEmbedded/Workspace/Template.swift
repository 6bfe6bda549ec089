import FlowDashCore
import Foundation

/// What an earlier step of the same run produced, as templates see it.
public struct StepOutcome: Sendable, Hashable {
    /// The HTTP status; nil when no response arrived.
    public let status: Int?
    public let body: String

    public init(status: Int?, body: String) {
        self.status = status
        self.body = body
    }
}

/// The values a template can refer to while one step of a run is prepared.
public struct TemplateContext: Sendable {
    public var inputs: TriggerInputs
    /// Outcomes of the steps that already ran, by step name.
    public var steps: [String: StepOutcome]

    public init(inputs: TriggerInputs, steps: [String: StepOutcome] = [:]) {
        self.inputs = inputs
        self.steps = steps
    }
}

/// Why a template could not be rendered: the reference (text inside the braces) and the reason.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public let reference: String
    public let reason: String

    public init(reference: String, reason: String) {
        self.reference = reference
        self.reason = reason
    }

    /// `template '{{ref}}': reason`, as shown in a step's error message.
    public var description: String { "template '{{\(reference)}}': \(reason)" }
}

/// `{{…}}` substitution in step paths, header values and bodies (see docs/WORKSPACE.md).
public enum Template {
    /// Replaces every {{…}} (whitespace inside the braces allowed) using the context; throws on an unknown reference or malformed template.
    public static func render(_ text: String, in context: TemplateContext) throws(TemplateError) -> String {
        let scan = scan(text)
        if let error = scan.error { throw error }
        var output = ""
        for piece in scan.pieces {
            switch piece {
            case .text(let literal): output.append(contentsOf: literal)
            case .reference(let reference): output += try value(of: reference, in: context)
            }
        }
        return output
    }

    /// The references (e.g. "inputs.customer", "steps.fetch.json.name") a text uses, for validation.
    public static func references(in text: String) -> [String] {
        scan(text).pieces.compactMap { piece in
            if case .reference(let reference) = piece { return reference }
            return nil
        }
    }

    enum Piece: Hashable {
        case text(Substring)
        /// The text between the braces, trimmed.
        case reference(String)
    }

    /// The pieces up to the first malformed template, and that template's error.
    static func scan(_ text: String) -> (pieces: [Piece], error: TemplateError?) {
        var pieces: [Piece] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.text(rest[..<open.lowerBound])) }
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else {
                return (pieces, TemplateError(reference: String(afterOpen.prefix(40)), reason: "'{{' is not closed by '}}'"))
            }
            let inner = afterOpen[..<close.lowerBound]
            let reference = inner.trimmingCharacters(in: .whitespacesAndNewlines)
            if inner.contains("{{") {
                return (pieces, TemplateError(reference: reference, reason: "'{{' is not closed by '}}'"))
            }
            if reference.isEmpty {
                return (pieces, TemplateError(reference: reference, reason: "nothing between the braces"))
            }
            pieces.append(.reference(reference))
            rest = afterOpen[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(rest)) }
        return (pieces, nil)
    }

    private static func value(of text: String, in context: TemplateContext) throws(TemplateError) -> String {
        switch try TemplateReference(text, stepNames: context.steps.keys) {
        case .input(let name):
            guard let value = context.inputs[name] else {
                throw TemplateError(reference: text, reason: "no input named '\(name)'")
            }
            return value
        case .step(let name, let field):
            guard let outcome = context.steps[name] else {
                throw TemplateError(reference: text, reason: "no earlier step named '\(name)'")
            }
            return try value(of: field, in: outcome, reference: text)
        }
    }

    private static func value(
        of field: TemplateReference.StepField, in outcome: StepOutcome, reference: String
    ) throws(TemplateError) -> String {
        switch field {
        case .body:
            return outcome.body
        case .status:
            guard let status = outcome.status else {
                throw TemplateError(reference: reference, reason: "the step got no HTTP response")
            }
            return String(status)
        case .json(let path):
            guard let document = JSONValue.parse(outcome.body) else {
                throw TemplateError(reference: reference, reason: "the step's response body is not JSON")
            }
            do {
                return try document.walking(path).displayText
            } catch {
                throw TemplateError(reference: reference, reason: error.reason)
            }
        }
    }
}
