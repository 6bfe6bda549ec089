/// Makes remote text safe to print on a terminal: escape sequences (CSI, OSC, DCS, …) are
/// removed whole, other C0/C1 controls and bidi overrides are dropped, and line breaks and tabs
/// become spaces when a single line is wanted.
public enum TextSanitizer {
    public static func clean(_ text: String, singleLine: Bool = true) -> String {
        // why: most text is plain printable ASCII, which has nothing to strip; the interface
        // cleans every field of every frame, so this check is worth its line.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x1B:
                pending = skipEscapeSequence(after: pending, in: &scalars)
            case 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                // why: 8-bit CSI/OSC/DCS/SOS/PM/APC start sequences just like ESC [ and ESC ].
                pending = skipSequenceBody(introducer: scalar.value, from: pending, in: &scalars)
            case 0x0A, 0x0D, 0x09:
                if singleLine {
                    if output.last != " " { output.append(" ") }
                } else if scalar.value != 0x0D {
                    output.append(scalar)
                }
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Cuts text to at most `limit` characters, marking the cut.
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    private static func skipEscapeSequence(
        after next: Unicode.Scalar?, in scalars: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        guard let next else { return nil }
        switch next {
        case "[": return skipSequenceBody(introducer: 0x9B, from: scalars.next(), in: &scalars)
        case "]", "P", "X", "^", "_":
            return skipSequenceBody(introducer: 0x9D, from: scalars.next(), in: &scalars)
        default:
            // Two-character escapes (ESC c, ESC 7, ESC ( B…): drop intermediates and the final byte.
            var current: Unicode.Scalar? = next
            while let scalar = current, (0x20...0x2F).contains(scalar.value) { current = scalars.next() }
            return scalars.next()
        }
    }

    /// Skips a CSI body (up to its final byte) or a string sequence (up to BEL or ST).
    private static func skipSequenceBody(
        introducer: UInt32, from first: Unicode.Scalar?, in scalars: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        var current = first
        if introducer == 0x9B {
            while let scalar = current {
                current = scalars.next()
                if (0x40...0x7E).contains(scalar.value) { return current }
                if !(0x20...0x3F).contains(scalar.value) { return current }
            }
            return nil
        }
        while let scalar = current {
            current = scalars.next()
            if scalar.value == 0x07 || scalar.value == 0x9C { return current }
            if scalar.value == 0x1B {
                if current == "\\" { return scalars.next() }
                return current
            }
        }
        return nil
    }
}
