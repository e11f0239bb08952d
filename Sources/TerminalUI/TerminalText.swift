/// Makes untrusted text safe to put on a terminal.
public enum TerminalText {
    /// Removes escape sequences (CSI, OSC, DCS and two-byte ESC forms), C0/C1 control characters, DEL and
    /// bidirectional overrides; tabs and line breaks become single spaces. What remains cannot move the cursor,
    /// change colours, set the window title or reorder text.
    public static func sanitize(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return scalars.next()
        }
        while let scalar = next() {
            let value = scalar.value
            switch value {
            case 0x1B, 0x9B, 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                skipSequence(introducer: value, next: next, pushBack: { pending = $0 })
            case 0x09, 0x0A, 0x0D:
                if output.last != " " { output.append(" ") }
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
                continue
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Consumes the rest of an escape sequence whose introducer was just read.
    private static func skipSequence(
        introducer: UInt32, next: () -> Unicode.Scalar?, pushBack: (Unicode.Scalar) -> Void
    ) {
        var kind = introducer
        if introducer == 0x1B {
            guard let second = next() else { return }
            switch second {
            case "[": kind = 0x9B
            case "]": kind = 0x9D
            case "P": kind = 0x90
            case "X", "^", "_": kind = 0x98
            default:
                // Two-byte (or charset-selecting three-byte) escape: drop intermediates and the final byte.
                var current = second
                while (0x20...0x2F).contains(current.value), let following = next() { current = following }
                return
            }
        }
        if kind == 0x9B {
            // CSI: parameters and intermediates, then one final byte in 0x40–0x7E.
            while let scalar = next() {
                if (0x40...0x7E).contains(scalar.value) { return }
                if !(0x20...0x3F).contains(scalar.value) {
                    pushBack(scalar)
                    return
                }
            }
            return
        }
        // OSC, DCS, SOS, PM, APC: until BEL or ST (ESC \ or 0x9C).
        while let scalar = next() {
            if scalar.value == 0x07 || scalar.value == 0x9C { return }
            if scalar.value == 0x1B {
                if let following = next(), following != "\\" { pushBack(following) }
                return
            }
        }
    }
}
