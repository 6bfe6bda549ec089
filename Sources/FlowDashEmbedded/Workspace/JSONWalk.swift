import FlowDashCore

/// Why a template's JSON path could not be walked.
struct JSONWalkError: Error {
    let reason: String
}

extension JSONValue {
    /// Dots walk objects; a whole number walks an array from 0.
    func walking(_ path: [String]) throws(JSONWalkError) -> JSONValue {
        var current = self
        var walked = "json"
        for component in path {
            switch current {
            case .object(let fields):
                guard let next = fields[component] else {
                    throw JSONWalkError(reason: "\(walked) has no field '\(component)'")
                }
                current = next
            case .array(let items):
                guard let index = Int(component), items.indices.contains(index) else {
                    throw JSONWalkError(reason: "\(walked) is a list of \(items.count); '\(component)' is not an index in it")
                }
                current = items[index]
            default:
                throw JSONWalkError(reason: "\(walked) is \(current.compactJSON), which has no field '\(component)'")
            }
            walked += ".\(component)"
        }
        return current
    }
}
