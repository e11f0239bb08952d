/// `%XX` escapes of a request path or query undone by hand (FoundationEssentials has no `removingPercentEncoding`).
enum PercentDecoding {
    /// How bytes that are not UTF-8 once decoded are treated.
    enum Validation {
        /// The whole text fails (as Foundation's `removingPercentEncoding`, which path components used).
        case strict
        /// They become U+FFFD (as Hummingbird's query values did).
        case lenient
    }

    /// `text` with every `%XX` replaced by the byte it names; nil when a `%` is not followed by two hex digits, or
    /// (strict) when the bytes are not UTF-8.
    static func decode(_ text: some StringProtocol, _ validation: Validation) -> String? {
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard index != utf8.endIndex, let high = hexValue(utf8[index]) else { return nil }
            index = utf8.index(after: index)
            guard index != utf8.endIndex, let low = hexValue(utf8[index]) else { return nil }
            index = utf8.index(after: index)
            bytes.append(high << 4 | low)
        }
        switch validation {
        case .strict: return String(validating: bytes, as: UTF8.self)
        case .lenient: return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The value of one ASCII hex digit, or nil.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
