/// Finds the HTTP status in an exception's text, as the common Python clients word it.
enum HTTPStatusFinder {
    /// The earliest status any known wording names, 100…599; nil when there is none.
    ///
    /// - `401 Client Error: UNAUTHORIZED for url` (requests)
    /// - `HTTP Error 404: Not Found` (urllib)
    /// - `HTTP 401 Unauthorized`, `HTTP/1.1 502`
    /// - `status 502`, `status code 502`, `status_code=502`, `status: 502`
    /// - `401:Unauthorized` at the start or after `Type: ` (Airflow's HttpHook, connection test)
    /// - `<Response [503]>`
    static func status(in text: String) -> Int? {
        let patterns: [Regex<(Substring, Substring)>] = [
            #/\b([1-5]\d\d) (?:Client|Server) Error\b/#,
            #/(?i)\bHTTP Error ([1-5]\d\d)\b/#,
            #/(?i)\bHTTP(?:/\d(?:\.\d)?)? ([1-5]\d\d)\b/#,
            #/(?i)\bstatus(?:[ _]?code)?\s*[=:]?\s*([1-5]\d\d)\b/#,
            #/(?:^|:)\s*([1-5]\d\d):\s?[A-Za-z]/#,
            #/Response \[([1-5]\d\d)\]/#,
        ]
        let earliest = patterns
            .compactMap { text.firstMatch(of: $0) }
            .min { $0.range.lowerBound < $1.range.lowerBound }
        return earliest.flatMap { Int($0.output.1) }
    }
}
