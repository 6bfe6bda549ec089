import FlowDashCore
import Foundation

/// Trigger inputs as the JSON text in `run.inputs`: sorted keys, so equal inputs are equal text.
enum InputsCoding {
    static func encode(_ inputs: TriggerInputs) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(inputs.values), as: UTF8.self)
    }

    /// Unreadable text yields empty inputs: one damaged row must not hide the whole list.
    static func decode(_ text: String) -> TriggerInputs {
        guard text != "{}",
              let values = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8)) else { return [:] }
        return TriggerInputs(values)
    }
}
