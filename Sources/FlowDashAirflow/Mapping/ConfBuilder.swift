import FlowDashCore
import Foundation

/// Turns trigger inputs (text) back into a run's `conf` (JSON).
enum ConfBuilder {
    /// Where the template comes from, which decides how far its types bind.
    enum TemplateSource: Sendable {
        /// The DAG's declared params: a string param stays a string.
        case params
        /// The original run's conf on a resubmit: only what the run happened to get, possibly
        /// the very mistake being fixed (`"amount": "12,50"`).
        case originalRun
    }

    /// Each input becomes a string, unless `template` (the original run's conf on a resubmit,
    /// the DAG's param defaults on a new run) says otherwise: an input whose text is exactly how
    /// the template's value reads gets that value back, so a resubmit sends the same conf; an
    /// input for a typed value (number, boolean, list, object) is sent as JSON when it parses.
    ///
    /// On a resubmit, an input the operator changed from a string value is sent as JSON when its
    /// text is a JSON number, boolean, list or object (`12.5` → 12.5). Seen live: the seeded
    /// `flowdash_bad_request` run failed on `"amount": "12,50"`, and correcting it to `12.5` must
    /// send a number, or the rerun fails the same way; no declared param says otherwise.
    static func conf(
        from inputs: TriggerInputs, template: [String: JSONValue], source: TemplateSource = .params
    ) -> [String: JSONValue] {
        var conf: [String: JSONValue] = [:]
        for (key, text) in inputs.values {
            guard let typed = template[key] else {
                conf[key] = .string(text)
                continue
            }
            if typed.displayText == text {
                conf[key] = typed
            } else if typed.isTyped || source == .originalRun, let parsed = parse(text),
                      typed.isTyped || parsed.isTyped {
                conf[key] = parsed
            } else {
                conf[key] = .string(text)
            }
        }
        return conf
    }

    private static func parse(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }
}
