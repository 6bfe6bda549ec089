import FlowDashCore
import Foundation

/// Decodes Airflow's JSON into DTOs; anything unreadable becomes `BackendError.malformedResponse`
/// naming the endpoint and what was wrong, never the body (it may be large or hold data).
enum ResponseDecoder {
    static func decode<Value: Decodable>(_ type: Value.Type, from body: Data, endpoint: String) throws -> Value {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = AirflowDate.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date")
            }
            return date
        }
        do {
            return try decoder.decode(type, from: body)
        } catch let error as DecodingError {
            throw BackendError.malformedResponse("\(endpoint): \(explain(error, body: body))")
        }
    }

    /// One phrase per kind of problem, with the JSON path (`dag_runs[2].state`) where known.
    static func explain(_ error: DecodingError, body: Data) -> String {
        let bodySize = body.count
        switch error {
        case .keyNotFound(let key, let context):
            return "field '\(path(context.codingPath + [key]))' is missing"
        case .valueNotFound(_, let context):
            return "field '\(path(context.codingPath))' is null"
        case .typeMismatch(let type, let context):
            return "field '\(path(context.codingPath))' is not a \(typeName(type))"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            if bodySize == 0 { return "the body is empty" }
            // why: an HTML page where JSON belongs means the URL leads to a web page (a proxy's
            // sign-in, the Airflow UI), not to the API: say so, it is the thing to fix.
            if ErrorDetail.looksLikeHTML(String(decoding: body.prefix(64), as: UTF8.self)) {
                return "an HTML page came back instead of JSON (is the URL the Airflow API's?)"
            }
            return "the JSON is truncated or not JSON (\(bodySize) bytes)"
        case .dataCorrupted(let context):
            // why: the debug description may quote the value, and a value is data, not a reason.
            return "field '\(path(context.codingPath))' is unreadable"
        @unknown default:
            return "the JSON does not have the expected shape"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(top level)" : text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Int.Type, is Int64.Type, is Double.Type: "number"
        case is Bool.Type: "boolean"
        case is [Any].Type: "list"
        default: "\(type)".contains("Dictionary") ? "object" : "\(type)"
        }
    }
}
