import FoundationEssentials

/// A cursor over the bytes of one JSON document that accepts strict RFC 8259 JSON only and throws `Unsupported` for
/// anything else (or anything it does not handle), so that its caller can hand such input to `JSONDecoder` instead.
///
/// Strictness is what keeps a fast decoder honest: Foundation's scanner accepts everything this one accepts (it is
/// laxer: trailing commas, numbers and escapes validated only when read), so whatever this scanner takes, Foundation
/// takes too, with the same structure.
struct JSONByteScanner {
    /// Thrown for input outside what the scanner handles (malformed, or legal but unusual).
    struct Unsupported: Error {}

    /// A string token: the bytes between its quotes, and what a reader needs to know about them.
    struct StringToken {
        /// Offset of the first content byte (after the opening quote).
        var start: Int
        /// Offset of the closing quote.
        var end: Int
        /// True when the content contains a backslash escape.
        var hasEscape: Bool
        /// True when the content contains a byte ≥ 0x80 (validated as UTF-8 already).
        var hasNonASCII: Bool
    }

    /// A number token: its value when it is an integer literal that fits an `Int`, else only that it was a number.
    enum NumberToken {
        /// An integer literal (no fraction, no exponent) within `Int`'s range.
        case integer(Int)
        /// Any other valid number (fraction, exponent or out of `Int`'s range).
        case other
    }

    /// Deepest nesting of arrays and objects accepted (Foundation allows 511; deeper input is rare, so left to it).
    static let maximumDepth = 64

    /// The document.
    let bytes: UnsafeRawBufferPointer
    /// Offset of the next unread byte.
    var index = 0

    /// A scanner at the start of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// True when every byte has been read.
    var isAtEnd: Bool { index >= bytes.count }

    /// Skips JSON whitespace (space, tab, line feed, carriage return) and returns the next byte, or 0 at the end.
    @inline(__always)
    mutating func peekAfterWhitespace() -> UInt8 {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return byte }
            index += 1
        }
        return 0
    }

    /// Skips whitespace and consumes `byte`, throwing when the next byte is anything else.
    @inline(__always)
    mutating func expect(_ byte: UInt8) throws(Unsupported) {
        guard peekAfterWhitespace() == byte else { throw Unsupported() }
        index += 1
    }

    /// Reads a string token at the current byte (which must be its opening quote), validating escapes and UTF-8.
    mutating func scanString() throws(Unsupported) -> StringToken {
        guard index < bytes.count, bytes[index] == 0x22 else { throw Unsupported() }
        index += 1
        let start = index
        var hasEscape = false
        var hasNonASCII = false
        while index < bytes.count {
            // Eight plain bytes at a time (no quote, backslash, control or non-ASCII byte among them).
            while index + 8 <= bytes.count, !Self.hasSpecialByte(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == 0x22 {
                let token = StringToken(start: start, end: index, hasEscape: hasEscape, hasNonASCII: hasNonASCII)
                index += 1
                if hasNonASCII, !Self.isValidUTF8(UnsafeRawBufferPointer(rebasing: bytes[start..<token.end])) {
                    throw Unsupported()
                }
                return token
            }
            if byte == 0x5C {
                hasEscape = true
                index += 1
                guard index < bytes.count else { throw Unsupported() }
                switch bytes[index] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                    index += 1
                case 0x75:
                    guard index + 4 < bytes.count, Self.hexValue(bytes[index + 1]) != nil,
                        Self.hexValue(bytes[index + 2]) != nil, Self.hexValue(bytes[index + 3]) != nil,
                        Self.hexValue(bytes[index + 4]) != nil
                    else { throw Unsupported() }
                    index += 5
                default:
                    throw Unsupported()
                }
                continue
            }
            if byte < 0x20 { throw Unsupported() }
            if byte >= 0x80 { hasNonASCII = true }
            index += 1
        }
        throw Unsupported()
    }

    /// Reads a number token at the current byte, strictly by the JSON grammar.
    mutating func scanNumber() throws(Unsupported) -> NumberToken {
        var negative = false
        if index < bytes.count, bytes[index] == 0x2D {
            negative = true
            index += 1
        }
        guard index < bytes.count, Self.isDigit(bytes[index]) else { throw Unsupported() }
        var magnitude: UInt64 = 0
        var overflow = false
        if bytes[index] == 0x30 {
            index += 1
        } else {
            while index < bytes.count, Self.isDigit(bytes[index]) {
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[index] &- 0x30))
                overflow = overflow || o1 || o2
                magnitude = sum
                index += 1
            }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == 0x2E {
            isInteger = false
            index += 1
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw Unsupported() }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard index < bytes.count, Self.isDigit(bytes[index]) else { throw Unsupported() }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
        }
        guard isInteger, !overflow else { return .other }
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { return .other }
            return .integer(magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude))
        }
        guard magnitude <= UInt64(Int.max) else { return .other }
        return .integer(Int(magnitude))
    }

    /// Consumes the literal `word` (`true`, `false` or `null`) at the current byte.
    mutating func scanLiteral(_ word: StaticString) throws(Unsupported) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Unsupported() }
        let expected = word.utf8Start
        for offset in 0..<count where bytes[index + offset] != expected[offset] { throw Unsupported() }
        index += count
    }

    /// Reads and discards one value of any kind (after whitespace), nested at most `maximumDepth` deep.
    mutating func skipValue(depth: Int = 0) throws(Unsupported) {
        switch peekAfterWhitespace() {
        case 0x22:
            // A skipped string is never unescaped by `JSONDecoder` either, so its surrogates go unchecked here too.
            _ = try scanString()
        case 0x7B:
            guard depth < Self.maximumDepth else { throw Unsupported() }
            index += 1
            if peekAfterWhitespace() == 0x7D {
                index += 1
                return
            }
            while true {
                guard peekAfterWhitespace() == 0x22 else { throw Unsupported() }
                _ = try scanString()
                try expect(0x3A)
                try skipValue(depth: depth + 1)
                let next = peekAfterWhitespace()
                index += 1
                if next == 0x7D { return }
                guard next == 0x2C else { throw Unsupported() }
            }
        case 0x5B:
            guard depth < Self.maximumDepth else { throw Unsupported() }
            index += 1
            if peekAfterWhitespace() == 0x5D {
                index += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                let next = peekAfterWhitespace()
                index += 1
                if next == 0x5D { return }
                guard next == 0x2C else { throw Unsupported() }
            }
        case 0x74: try scanLiteral("true")
        case 0x66: try scanLiteral("false")
        case 0x6E: try scanLiteral("null")
        case 0x2D, 0x30...0x39: _ = try scanNumber()
        default: throw Unsupported()
        }
    }

    /// True when the token's raw bytes equal `word` (meant for ASCII keys; an escaped token never matches).
    @inline(__always)
    func tokenEquals(_ token: StringToken, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard token.end - token.start == count else { return false }
        let expected = word.utf8Start
        for offset in 0..<count where bytes[token.start + offset] != expected[offset] { return false }
        return true
    }

    /// The token's text, unescaped; throws for escapes `JSONDecoder` would reject (unpaired surrogates).
    func makeString(_ token: StringToken) throws(Unsupported) -> String {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[token.start..<token.end])
        // Non-ASCII content was validated as UTF-8 by `scanString`, so decoding repairs nothing.
        guard token.hasEscape else { return String(decoding: raw, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            let byte = raw[position]
            guard byte == 0x5C else {
                output.append(byte)
                position += 1
                continue
            }
            let kind = raw[position + 1]
            position += 2
            switch kind {
            case 0x62: output.append(0x08)
            case 0x66: output.append(0x0C)
            case 0x6E: output.append(0x0A)
            case 0x72: output.append(0x0D)
            case 0x74: output.append(0x09)
            case 0x75:
                var scalar = Self.hex4(raw, at: position)
                position += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard position + 6 <= raw.count, raw[position] == 0x5C, raw[position + 1] == 0x75 else {
                        throw Unsupported()
                    }
                    let low = Self.hex4(raw, at: position + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { throw Unsupported() }
                    position += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw Unsupported()
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw Unsupported() }
                UTF8.encode(unicode) { output.append($0) }
            default: output.append(kind)  // `"`, `\` and `/` stand for themselves.
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The value of four hex digits at `offset` (already validated by `scanString`).
    private static func hex4(_ raw: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for step in 0..<4 { value = value << 4 | UInt32(hexValue(raw[offset + step]) ?? 0) }
        return value
    }

    /// The value of one hex digit, or nil.
    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// True when any of the eight bytes in `word` is a quote, a backslash, below 0x20 or above 0x7F (SWAR tests:
    /// each term has a byte's high bit set exactly when some byte of the word matches).
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let zeroQuote = (quotes &- ones) & ~quotes
        let zeroBackslash = (backslashes &- ones) & ~backslashes
        let belowSpace = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | belowSpace | word) & highs != 0
    }

    /// True for an ASCII digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// True when `raw` is well-formed UTF-8 (the standard library's own validation).
    private static func isValidUTF8(_ raw: UnsafeRawBufferPointer) -> Bool {
        String(validating: raw, as: UTF8.self) != nil
    }
}
