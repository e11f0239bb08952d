/// Unquoted values: booleans, integers, floats, and dates and times.
extension TOMLCursor {
    /// Reads the unquoted value at the cursor.
    mutating func readScalar() throws(TOMLDocument.SyntaxError) -> TOMLNode {
        let start = index
        var token = readToken()
        if TOMLDateTime.isFullDate(token), peek() == UInt8(ascii: " "), let next = peek(1), Self.isDigit(next) {
            index += 1  // `1979-05-27 07:32:00`: a space may separate the date from the time
            token += [UInt8(ascii: " ")] + readToken()
        }
        guard !token.isEmpty else { throw error("expected a value, found \(describeNext())") }
        let text = String(decoding: token, as: UTF8.self)
        switch text {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan": return .float(.nan)
        case "-nan": return .float(-.nan)
        default: break
        }
        if let kind = TOMLDateTime.kind(of: token) {
            return .other(kind)
        }
        if token.contains(UInt8(ascii: ":")) || (token.count >= 5 && token[4] == UInt8(ascii: "-") && token.prefix(4).allSatisfy(Self.isDigit)) {
            throw error("'\(text)' is not a valid date or time (e.g. 1979-05-27, 07:32:00, 1979-05-27T07:32:00Z)", at: start)
        }
        guard let first = token.first, Self.isDigit(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else {
            throw error("'\(text)' is not a value (strings need quotes; true and false are lower case)", at: start)
        }
        let isHexLike = token.count > 2 && token[0] == UInt8(ascii: "0") && token[1] == UInt8(ascii: "x")
        if !isHexLike, token.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return try readFloat(token, text: text, at: start)
        }
        return try readInteger(token, text: text, at: start)
    }

    /// The bytes that may make up an unquoted value, read up to the first that may not.
    private mutating func readToken() -> [UInt8] {
        var token: [UInt8] = []
        while let byte = peek(), Self.isDigit(byte) || Self.isLetter(byte) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
        {
            token.append(byte)
            index += 1
        }
        return token
    }

    /// An integer: decimal with an optional sign and no leading zero, or `0x`, `0o`, `0b` without a sign; `_` only
    /// between digits; within 64 bits.
    private func readInteger(_ token: [UInt8], text: String, at start: Int) throws(TOMLDocument.SyntaxError) -> TOMLNode {
        var digits = token[...]
        var negative = false
        var radix = 10
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        if digits.count > 1, digits.first == UInt8(ascii: "0") {
            switch digits.dropFirst().first {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            case UInt8(ascii: "X"), UInt8(ascii: "O"), UInt8(ascii: "B"):
                throw error("'\(text)': the prefix is written in lower case (0x, 0o, 0b)", at: start)
            default: throw error("'\(text)' has a leading zero (only 0 itself may start with 0)", at: start)
            }
            guard digits.count == token.count else {
                throw error("'\(text)': a hex, octal or binary integer cannot have a sign", at: start)
            }
            digits = digits.dropFirst(2)
        }
        guard let values = Self.digitValues(digits, radix: radix) else {
            throw error("'\(text)' is not a valid number (digits, with _ only between two digits)", at: start)
        }
        var result = 0
        for value in values {
            let (shifted, overflowA) = result.multipliedReportingOverflow(by: radix)
            let (next, overflowB) = negative ? shifted.subtractingReportingOverflow(value) : shifted.addingReportingOverflow(value)
            guard !overflowA, !overflowB else {
                throw error("the integer '\(text)' is out of range (64-bit: -9223372036854775808 to 9223372036854775807)", at: start)
            }
            result = next
        }
        return .integer(result)
    }

    /// The values of `digits` in `radix`, or nil when one is not a digit or an `_` is not between two digits.
    private static func digitValues(_ digits: ArraySlice<UInt8>, radix: Int) -> [Int]? {
        var values: [Int] = []
        var previousWasDigit = false
        for byte in digits {
            if byte == UInt8(ascii: "_") {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
                continue
            }
            guard let value = hexValue(byte), Int(value) < radix else { return nil }
            values.append(Int(value))
            previousWasDigit = true
        }
        return previousWasDigit ? values : nil
    }

    /// A float: an integer part (optional sign, no leading zero), then a fraction, an exponent or both.
    private func readFloat(_ token: [UInt8], text: String, at start: Int) throws(TOMLDocument.SyntaxError) -> TOMLNode {
        let invalid = error("'\(text)' is not a valid number (e.g. 3.14, -0.5, 6.02e23; digits on both sides of the point)", at: start)
        var rest = token[...]
        var cleaned: [UInt8] = []
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            cleaned.append(sign)
            rest = rest.dropFirst()
        }
        let exponentIndex = rest.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = rest[..<(exponentIndex ?? rest.endIndex)]
        let pointIndex = mantissa.firstIndex(of: UInt8(ascii: "."))
        let integerPart = mantissa[..<(pointIndex ?? mantissa.endIndex)]
        guard Self.digitValues(integerPart, radix: 10) != nil else { throw invalid }
        if integerPart.count > 1, integerPart.first == UInt8(ascii: "0") {
            throw error("'\(text)' has a leading zero (only 0 itself may start with 0)", at: start)
        }
        cleaned += integerPart.filter { $0 != UInt8(ascii: "_") }
        if let pointIndex {
            let fraction = mantissa[(pointIndex + 1)...]
            guard Self.digitValues(fraction, radix: 10) != nil else { throw invalid }
            cleaned.append(UInt8(ascii: "."))
            cleaned += fraction.filter { $0 != UInt8(ascii: "_") }
        }
        if let exponentIndex {
            var exponent = rest[(exponentIndex + 1)...]
            cleaned.append(UInt8(ascii: "e"))
            if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                cleaned.append(sign)
                exponent = exponent.dropFirst()
            }
            guard Self.digitValues(exponent, radix: 10) != nil else { throw invalid }
            cleaned += exponent.filter { $0 != UInt8(ascii: "_") }
        }
        guard let value = Double(String(decoding: cleaned, as: UTF8.self)) else { throw invalid }
        guard value.isFinite else { throw error("the number '\(text)' is out of range for a 64-bit float", at: start) }
        return .float(value)
    }

    /// True for `0`–`9`.
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// True for ASCII letters.
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
