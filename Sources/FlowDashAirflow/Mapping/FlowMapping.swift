import FlowDashCore

/// DAGs as flows.
enum FlowMapping {
    /// The DAG as a flow: owners joined, params as inputs with their defaults, and as the
    /// description the DAG's `description`, else the first line of its `doc_md`.
    static func summary(of dag: DAGDTO, details: DAGDetailsDTO?, taskCount: Int) -> FlowSummary {
        let owners = (dag.owners ?? []).filter { !$0.isEmpty }
        let description = dag.description.flatMap { $0.isEmpty ? nil : $0 } ?? details?.docMD.flatMap(firstLine)
        return FlowSummary(
            name: dag.dagID, description: description,
            owner: owners.isEmpty ? nil : owners.joined(separator: ", "),
            stepCount: taskCount, inputs: inputs(fromParams: details?.params))
    }

    /// The first line of Markdown that has text, without heading marks: `# Loads x` → `Loads x`.
    static func firstLine(of markdown: String) -> String? {
        let line = markdown.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .map { String($0.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
        return line.map { TextSanitizer.truncate(TextSanitizer.clean($0), to: 200) }
    }

    /// Each param's default as an input; a param without a default shows as empty text.
    static func inputs(fromParams params: [String: JSONValue]?) -> TriggerInputs {
        TriggerInputs(defaults(fromParams: params).mapValues { $0 == .null ? "" : $0.displayText })
    }

    /// Each param's default value: Airflow serialises a param as `{"value": …, "schema": …}`,
    /// and a bare value is read as the default itself.
    static func defaults(fromParams params: [String: JSONValue]?) -> [String: JSONValue] {
        (params ?? [:]).mapValues { param in
            if case .object(let fields) = param, let value = fields["value"] { return value }
            return param
        }
    }
}
