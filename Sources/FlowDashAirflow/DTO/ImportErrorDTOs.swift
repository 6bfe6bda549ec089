import Foundation

/// `GET /api/v2/importErrors`.
struct ImportErrorPage: Decodable, Sendable {
    let importErrors: [ImportErrorDTO]
    let totalEntries: Int?

    enum CodingKeys: String, CodingKey {
        case importErrors = "import_errors"
        case totalEntries = "total_entries"
    }
}

/// A DAG file that did not load.
struct ImportErrorDTO: Decodable, Sendable {
    let importErrorID: Int
    let timestamp: Date?
    /// Relative to the bundle, e.g. `flowdash_broken.py`.
    let filename: String
    let bundleName: String?
    /// The whole Python traceback, ending with the exception line.
    let stackTrace: String?

    enum CodingKeys: String, CodingKey {
        case importErrorID = "import_error_id"
        case timestamp, filename
        case bundleName = "bundle_name"
        case stackTrace = "stack_trace"
    }
}
