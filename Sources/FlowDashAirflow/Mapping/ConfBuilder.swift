import FlowDashCore
import Foundation

/// Turns trigger inputs (text) back into a run's `conf` (JSON).
enum ConfBuilder {
    /// Each input becomes a string, unless `template` (the original run's conf on a resubmit,
    /// the DAG's param defaults on a new run) says otherwise: an input whose text is exactly how
    /// the template's value reads gets that value back, so a resubmit sends the same conf; an
    /// input for a typed value (number, boolean, list, object) is sent as JSON when it parses.
    static func conf(from inputs: TriggerInputs, template: [String: JSONValue]) -> [String: JSONValue] {
        var conf: [String: JSONValue] = [:]
        for (key, text) in inputs.values {
            guard let typed = template[key] else {
                conf[key] = .string(text)
                continue
            }
            if typed.inputText == text {
                conf[key] = typed
            } else if typed.isTyped, let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) {
                conf[key] = parsed
            } else {
                conf[key] = .string(text)
            }
        }
        return conf
    }
}
