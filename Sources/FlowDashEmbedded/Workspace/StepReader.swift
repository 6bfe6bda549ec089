import Yams

/// Reads a flow's `steps:` list in order, so that templates can be checked against the inputs
/// and the steps that run before each one.
struct StepReader {
    static let keys = ["name", "connection", "method", "path", "headers", "body", "timeout", "expect"]
    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]
    static let maximumTimeout = 600.0

    let inputs: Set<String>
    let connections: ConnectionCatalog
    private var allStepNames: Set<String> = []
    /// Steps read so far, by name, with the line they start on.
    private var earlierSteps: [String: Int] = [:]

    init(inputs: Set<String>, connections: ConnectionCatalog) {
        self.inputs = inputs
        self.connections = connections
    }

    mutating func parseSteps(_ node: Node, log: inout ProblemLog) -> [StepDefinition] {
        guard case .sequence(let sequence) = node else {
            log.report("'steps' must be a list of steps, not \(YAMLValue.kind(of: node))", at: node)
            return []
        }
        guard !sequence.isEmpty else {
            log.report("'steps' must list at least one step", at: node)
            return []
        }
        // why: a reference to a later step deserves "runs after it", not "no such step".
        allStepNames = Set(sequence.compactMap { $0.mapping?["name"]?.scalar?.string })
        return sequence.enumerated().compactMap { parseStep($1, position: $0 + 1, log: &log) }
    }

    private mutating func parseStep(_ node: Node, position: Int, log: inout ProblemLog) -> StepDefinition? {
        let problemsBefore = log.problems.count
        guard let step = YAMLMapping(node, describing: "step \(position)", allowedKeys: Self.keys, log: &log) else { return nil }
        let name = step.required("name", in: "step \(position)", log: &log).flatMap { stepName($0, log: &log) }
        let label = StepLabel(name: name, position: position)
        let connection = step.required("connection", in: "\(label)", log: &log).flatMap { connectionName($0, step: label, log: &log) }
        let method = step["method"].flatMap { readMethod($0, log: &log) } ?? "GET"
        let path = step.required("path", in: "\(label)", log: &log).flatMap { readPath($0, step: label, log: &log) }
        let headers = step["headers"].map { readHeaders($0, step: label, log: &log) } ?? [:]
        let body = step["body"].flatMap { readBody($0, step: label, log: &log) }
        let timeout = step["timeout"].flatMap { readTimeout($0, log: &log) } ?? 10
        let expect = step["expect"].flatMap { readExpectedStatuses($0, log: &log) }
        if let name, earlierSteps[name] == nil { earlierSteps[name] = node.mark?.line ?? 0 }

        guard log.problems.count == problemsBefore, let name, let connection, let path else { return nil }
        return StepDefinition(
            name: name, connection: connection, method: method, path: path, headers: headers, body: body,
            timeout: timeout, expect: expect, line: node.mark?.line ?? 0
        )
    }

    private func stepName(_ node: Node, log: inout ProblemLog) -> String? {
        guard let name = YAMLValue.text(node, key: "name", log: &log) else { return nil }
        if !DefinitionName.isValid(name) {
            log.report("step name '\(name)' is not valid: use \(DefinitionName.rule)", at: node)
        } else if let firstLine = earlierSteps[name] {
            log.report("step name '\(name)' is already used by the step on line \(firstLine)", at: node)
        }
        return name
    }

    private func connectionName(_ node: Node, step: StepLabel, log: inout ProblemLog) -> String? {
        guard let name = YAMLValue.text(node, key: "connection", log: &log) else { return nil }
        if connections.refused.contains(name) {
            log.report("\(step) uses connection '\(name)' whose entry in connections.yaml has problems", at: node)
        } else if connections.valid[name] == nil {
            log.report("\(step) uses connection '\(name)' which is not defined in connections.yaml", at: node)
        }
        return name
    }

    private func readPath(_ node: Node, step: StepLabel, log: inout ProblemLog) -> String? {
        guard let path = singleLineText(node, key: "path", log: &log) else { return nil }
        if !path.hasPrefix("/") { log.report("'path' must start with '/', not \(YAMLValue.excerpt(path))", at: node) }
        checkTemplates(in: path, field: "path", step: step, at: node, log: &log)
        return path
    }

    private func readMethod(_ node: Node, log: inout ProblemLog) -> String? {
        guard let text = YAMLValue.text(node, key: "method", log: &log) else { return nil }
        let method = text.uppercased()
        guard Self.methods.contains(method) else {
            let expected = Self.methods.joined(separator: ", ")
            log.report("'method' must be one of: \(expected); not \(YAMLValue.excerpt(text))", at: node)
            return nil
        }
        return method
    }

    private func readHeaders(_ node: Node, step: StepLabel, log: inout ProblemLog) -> [String: String] {
        guard let mapping = YAMLMapping(node, describing: "'headers'", log: &log) else { return [:] }
        var headers: [String: String] = [:]
        for entry in mapping.entries {
            if !DefinitionName.isHeaderName(entry.key) {
                log.report("'\(entry.key)' is not a valid HTTP header name", at: entry.keyNode)
            }
            guard let value = singleLineText(entry.value, key: "header '\(entry.key)'", log: &log) else { continue }
            checkTemplates(in: value, field: "header '\(entry.key)'", step: step, at: entry.value, log: &log)
            headers[entry.key] = value
        }
        return headers
    }

    private func readBody(_ node: Node, step: StepLabel, log: inout ProblemLog) -> String? {
        let body: String?
        switch node {
        case .mapping, .sequence: body = YAMLBody.json(of: node, log: &log)
        default: body = YAMLValue.text(node, key: "body", log: &log)
        }
        if let body { checkTemplates(in: body, field: "body", step: step, at: node, log: &log) }
        return body
    }

    private func readTimeout(_ node: Node, log: inout ProblemLog) -> Double? {
        guard let seconds = YAMLValue.number(node, key: "timeout", log: &log) else { return nil }
        guard seconds > 0, seconds <= Self.maximumTimeout else {
            log.report("'timeout' must be more than 0 and at most \(Int(Self.maximumTimeout)) seconds, not \(seconds)", at: node)
            return nil
        }
        return seconds
    }

    private func readExpectedStatuses(_ node: Node, log: inout ProblemLog) -> [Int]? {
        let items: [Node]
        if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
        guard !items.isEmpty else {
            log.report("'expect' must list at least one status", at: node)
            return nil
        }
        var statuses: [Int] = []
        for item in items {
            guard let status = YAMLValue.integer(item, key: "expect", log: &log) else { continue }
            guard (100...599).contains(status) else {
                log.report("'expect' statuses must be HTTP statuses from 100 to 599, not \(status)", at: item)
                continue
            }
            statuses.append(status)
        }
        return statuses
    }

    /// Text without line breaks: a break in a path or header would split the HTTP request.
    private func singleLineText(_ node: Node, key: String, log: inout ProblemLog) -> String? {
        guard let text = YAMLValue.text(node, key: key, log: &log) else { return nil }
        if text.contains(where: \.isNewline) { log.report("\(key) must be a single line", at: node) }
        return text
    }

    private func checkTemplates(in text: String, field: String, step: StepLabel, at node: Node, log: inout ProblemLog) {
        let scan = Template.scan(text)
        if let error = scan.error {
            log.report("\(step) has a malformed template in \(field): \(error.reason)", at: node)
        }
        for case .reference(let reference) in scan.pieces {
            let problem: String?
            do {
                problem = try describeProblem(of: TemplateReference(reference, stepNames: allStepNames), step: step)
            } catch {
                problem = error.reason
            }
            if let problem { log.report("\(step), \(field) '{{\(reference)}}': \(problem)", at: node) }
        }
    }

    private func describeProblem(of reference: TemplateReference, step: StepLabel) -> String? {
        switch reference {
        case .input(let name):
            return inputs.contains(name) ? nil : "input '\(name)' is not declared under 'inputs'"
        case .step(let name, _):
            if earlierSteps[name] != nil { return nil }
            if name == step.name { return "a step cannot use its own result" }
            if allStepNames.contains(name) { return "step '\(name)' runs after this one; only earlier steps can be used" }
            return "there is no step named '\(name)' in this flow"
        }
    }
}

/// How messages name a step: by its name, or by its position when it has none.
private struct StepLabel: CustomStringConvertible {
    let name: String?
    let position: Int

    var description: String { name.map { "step '\($0)'" } ?? "step \(position)" }
}
