/// Colour pairs allocated on demand, one per (foreground, background) curses colour number.
/// Pair 0 is the terminal's default pair and is never allocated.
struct ColorPairTable: Sendable {
    /// How many pairs the terminal has (curses' COLOR_PAIRS).
    let capacity: Int
    private var pairs: [Key: Int32] = [:]
    private var nextPair: Int32 = 1

    struct Key: Hashable, Sendable {
        var foreground: Int32
        var background: Int32
    }

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The pair for the colours, and whether it is new (the caller must init it in curses).
    /// Returns pair 0 (default colours) for (-1, -1) and once every pair is taken.
    mutating func pair(foreground: Int32, background: Int32) -> (pair: Int32, isNew: Bool) {
        if foreground == -1 && background == -1 { return (0, false) }
        let key = Key(foreground: foreground, background: background)
        if let existing = pairs[key] { return (existing, false) }
        guard Int(nextPair) < capacity else { return (0, false) }
        let allocated = nextPair
        nextPair += 1
        pairs[key] = allocated
        return (allocated, true)
    }
}
