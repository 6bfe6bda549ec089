import FlowDashCore
import Yams

/// Reads one `flows/NAME.yaml` into a flow definition, reporting every problem it has.
enum FlowFile {
    static let keys = ["description", "owner", "inputs", "steps"]

    /// Nil when the file has any problem: a flow runs only as a whole.
    static func parse(
        _ document: YAMLFile.Document, name: String, file: String, connections: ConnectionCatalog, log: inout ProblemLog
    ) -> FlowDefinition? {
        let problemsBefore = log.problems.count
        if !DefinitionName.isValid(name) {
            let message = "\(YAMLValue.excerpt(name)) is not a valid flow name (the file's name without .yaml)"
            log.report("\(message): use \(DefinitionName.rule)", line: nil)
        }
        let root: Node
        switch document {
        case .invalid: return nil
        case .empty:
            log.report("the file is empty; a flow needs at least 'steps'", line: 1)
            return nil
        case .root(let node): root = node
        }
        guard let flow = YAMLMapping(root, describing: "a flow file", allowedKeys: keys, log: &log) else { return nil }
        let description = flow["description"].flatMap { YAMLValue.text($0, key: "description", log: &log) }
        let owner = flow["owner"].flatMap { YAMLValue.text($0, key: "owner", log: &log) }
        let inputs = flow["inputs"].map { parseInputs($0, log: &log) } ?? TriggerInputs()
        var steps: [StepDefinition] = []
        if let stepsNode = flow.required("steps", in: "the flow", log: &log) {
            var reader = StepReader(inputs: Set(inputs.values.keys), connections: connections)
            steps = reader.parseSteps(stepsNode, log: &log)
        }
        guard log.problems.count == problemsBefore else { return nil }
        return FlowDefinition(name: name, description: description, owner: owner, inputs: inputs, steps: steps, file: file)
    }

    /// Input name → default value; a declared input without a value defaults to empty text.
    private static func parseInputs(_ node: Node, log: inout ProblemLog) -> TriggerInputs {
        guard let mapping = YAMLMapping(node, describing: "'inputs'", log: &log) else { return [:] }
        var inputs = TriggerInputs()
        for entry in mapping.entries {
            if !DefinitionName.isValid(entry.key) {
                log.report("input name '\(entry.key)' is not valid: use \(DefinitionName.rule)", at: entry.keyNode)
            }
            if YAMLValue.isNull(entry.value) {
                inputs[entry.key] = ""
            } else if case .scalar(let scalar) = entry.value {
                inputs[entry.key] = scalar.string
            } else {
                inputs[entry.key] = ""
                let kind = YAMLValue.kind(of: entry.value)
                log.report("input '\(entry.key)' must have a text default, not \(kind)", at: entry.value)
            }
        }
        return inputs
    }
}
