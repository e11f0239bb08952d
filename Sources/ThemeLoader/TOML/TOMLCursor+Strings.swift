/// String literals: basic (`"…"`, with escapes), literal (`'…'`), and their multi-line forms (`"""…"""`, `'''…'''`).
extension TOMLCursor {
    /// Reads the string that starts at the cursor (which is at a quote); `allowMultiLine` is false for keys.
    mutating func readString(allowMultiLine: Bool = true) throws(TOMLDocument.SyntaxError) -> String {
        let quote = peek() ?? 0
        let tripled = looksAt(quote == UInt8(ascii: "\"") ? "\"\"\"" : "'''")
        if tripled {
            guard allowMultiLine else { throw error("a key cannot be a multi-line string") }
            return try readMultiLineString(quote: quote)
        }
        return try readSingleLineString(quote: quote)
    }

    /// `"…"` or `'…'` on one line.
    private mutating func readSingleLineString(quote: UInt8) throws(TOMLDocument.SyntaxError) -> String {
        let start = index
        let basic = quote == UInt8(ascii: "\"")
        index += 1
        var text: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error("unterminated string (it starts here)", at: start) }
            if byte == quote {
                index += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\n") || isAtNewline {
                throw error("unterminated string: a line end before the closing quote (use \"\"\" or ''' for a multi-line string)")
            }
            if Self.isForbiddenControl(byte) { throw error(Self.describeControl(byte) + " in a string (write it as an escape)") }
            if basic, byte == UInt8(ascii: "\\") {
                try readEscape(into: &text)
            } else {
                text.append(byte)
                index += 1
            }
        }
    }

    /// `"""…"""` or `'''…'''`: a line end right after the opening quotes is dropped, `\r\n` is kept as `\n`, and
    /// up to two quotes may stand just before the closing three.
    private mutating func readMultiLineString(quote: UInt8) throws(TOMLDocument.SyntaxError) -> String {
        let start = index
        let basic = quote == UInt8(ascii: "\"")
        index += 3
        _ = skipNewline()
        var text: [UInt8] = []
        while true {
            guard let byte = peek() else { throw error("unterminated multi-line string (it starts here)", at: start) }
            if byte == quote {
                var run = 0
                while peek(run) == quote { run += 1 }
                if run >= 3 {
                    guard run <= 5 else { throw error("too many quotes at the end of a multi-line string", at: index + 5) }
                    text.append(contentsOf: repeatElement(quote, count: run - 3))
                    index += run
                    return String(decoding: text, as: UTF8.self)
                }
                text.append(contentsOf: repeatElement(quote, count: run))
                index += run
                continue
            }
            if skipNewline() {
                text.append(UInt8(ascii: "\n"))
                continue
            }
            if Self.isForbiddenControl(byte) { throw error(Self.describeControl(byte) + " in a string (write it as an escape)") }
            if basic, byte == UInt8(ascii: "\\") {
                if try skipLineEndingBackslash() { continue }
                try readEscape(into: &text)
            } else {
                text.append(byte)
                index += 1
            }
        }
    }

    /// In a multi-line basic string, a `\` that ends its line (spaces may follow it) removes the line end and the
    /// whitespace and line ends after it. Says whether the cursor was at such a backslash.
    private mutating func skipLineEndingBackslash() throws(TOMLDocument.SyntaxError) -> Bool {
        var probe = self
        probe.index += 1
        probe.skipWhitespace()
        guard probe.isAtNewline else { return false }
        while probe.skipNewline() { probe.skipWhitespace() }
        index = probe.index
        return true
    }

    /// Reads the escape at the cursor (which is at `\`) and appends the character it stands for.
    private mutating func readEscape(into text: inout [UInt8]) throws(TOMLDocument.SyntaxError) {
        let start = index
        index += 1
        guard let letter = peek() else { throw error("unterminated string: it ends in a backslash", at: start) }
        index += 1
        let simple: UInt8?
        switch letter {
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "u"), UInt8(ascii: "U"): simple = nil
        default:
            index = start
            throw error("invalid escape '\\\(describeEscapeLetter(letter))' (valid: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)", at: start)
        }
        if let simple {
            text.append(simple)
            return
        }
        let digits = letter == UInt8(ascii: "u") ? 4 : 8
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = peek(), let digit = Self.hexValue(byte) else {
                throw error("\\\(letter == UInt8(ascii: "u") ? "u" : "U") needs \(digits) hex digits", at: start)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("\\\(letter == UInt8(ascii: "u") ? "u" : "U") escape " + String(cFormat: "%X", value)
                + " is not a Unicode scalar value (surrogates and values above 10FFFF are not)", at: start)
        }
        text.append(contentsOf: String(Character(scalar)).utf8)
    }

    /// The character after a backslash, as a message shows it.
    private func describeEscapeLetter(_ letter: UInt8) -> String {
        if Self.isForbiddenControl(letter) || letter >= 0x80 || letter == UInt8(ascii: " ") {
            return letter >= 0x80 ? "…" : String(cFormat: "x%02X", UInt32(letter))
        }
        return String(UnicodeScalar(letter))
    }

    /// The value of a hex digit, or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
