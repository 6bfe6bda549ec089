import CNcursesw
import FlowDashScreen

extension CursesTerminal {
    /// Shows `buffer`, re-emitting only the cells that changed since the last frame; a new
    /// size (of the buffer or the window) or a return from `suspend` repaints everything.
    public func draw(_ buffer: ScreenBuffer) {
        guard isActive, let window = fd_stdscr() else { return }
        let windowSize = currentSize(of: window)
        var previous = previousFrame
        if windowSize != lastDrawnWindowSize || previous?.width != buffer.width || previous?.height != buffer.height {
            previous = nil
        }
        if previous == nil { werase(window) }  // parts the buffer does not cover must be blank
        for run in CellDiff.runs(from: previous, to: buffer) where run.y < windowSize.height {
            for column in run.x..<min(run.x + run.count, windowSize.width) {
                drawCell(of: buffer, x: column, y: run.y, windowWidth: windowSize.width, in: window)
            }
        }
        wnoutrefresh(window)
        doupdate()
        previousFrame = buffer
        lastDrawnWindowSize = windowSize
    }

    private func drawCell(of buffer: ScreenBuffer, x: Int, y: Int, windowWidth: Int,
                          in window: UnsafeMutablePointer<WINDOW>) {
        let cell = buffer[x, y]
        guard !cell.isContinuation else { return }  // drawn with its wide first half
        let columns = x + 1 < buffer.width && buffer[x + 1, y].isContinuation ? 2 : 1
        guard x + columns <= windowWidth else { return }
        let glyph = CellGlyph.make(text: cell.text, columns: columns, cursesWidth: Self.cursesWidth)
        let style = styles.resolve(cell.style)
        put(glyph.scalars, x: x, y: y, style: style, in: window)
        if glyph.padsSecondColumn { put([" "], x: x + 1, y: y, style: style, in: window) }
    }

    /// Writes one cell through the wide API (setcchar + mvwadd_wch), so wide characters and
    /// combining marks are placed as curses measures them.
    private func put(_ scalars: [Unicode.Scalar], x: Int, y: Int, style: CursesStyle,
                     in window: UnsafeMutablePointer<WINDOW>) {
        var cell = cchar_t()
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: scalars.count + 1) { text in
            for (index, scalar) in scalars.enumerated() { text[index] = wchar_t(bitPattern: scalar.value) }
            text[scalars.count] = 0
            guard let base = text.baseAddress else { return }
            _ = fd_setcchar(&cell, base, style.attributes, style.pair)
        }
        // At the bottom-right cell curses reports ERR (it cannot advance the cursor) but still
        // draws the character, so the result is ignored.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    nonisolated static func cursesWidth(_ scalar: Unicode.Scalar) -> Int {
        Int(fd_wcwidth(wchar_t(bitPattern: scalar.value)))
    }
}
