/// Runs `transform` on every element with at most `limit` in flight, keeping the order: one
/// backend call may need many requests (a log per failed run), and a 2-core Airflow on SQLite
/// should not get them all at once.
func concurrentMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element], limit: Int, _ transform: @escaping @Sendable (Element) async throws -> Result
) async throws -> [Result] {
    try await withThrowingTaskGroup(of: (Int, Result).self) { group in
        var results = [Result?](repeating: nil, count: elements.count)
        var next = 0
        func startNext() {
            guard next < elements.count else { return }
            let index = next
            let element = elements[index]
            group.addTask { (index, try await transform(element)) }
            next += 1
        }
        for _ in 0..<min(max(limit, 1), elements.count) { startNext() }
        while let (index, result) = try await group.next() {
            results[index] = result
            startNext()
        }
        return results.compactMap { $0 }
    }
}
