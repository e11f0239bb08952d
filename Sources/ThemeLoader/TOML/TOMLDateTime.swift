/// Recognises TOML's dates and times (RFC 3339): batchtop's files never use them, so only their kind is kept, as
/// the names TOMLKit's conversion used: "date", "time" or "date-time" (offset or local).
enum TOMLDateTime {
    /// The kind of date or time `token` is, or nil when it is not a valid one.
    static func kind(of token: [UInt8]) -> String? {
        let text = token[...]
        if isFullDate(text) { return "date" }
        if isTime(text) { return "time" }
        guard text.count > 11, isFullDate(text.prefix(10)) else { return nil }
        let separator = text[text.startIndex + 10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else { return nil }
        var time = text.dropFirst(11)
        if time.last == UInt8(ascii: "Z") || time.last == UInt8(ascii: "z") {
            time = time.dropLast()
        } else if time.count > 6, isOffset(time.suffix(6)) {
            time = time.dropLast(6)
        }
        return isTime(time) ? "date-time" : nil
    }

    /// `YYYY-MM-DD`, a real day (29 February only in leap years).
    static func isFullDate<Bytes: Collection<UInt8>>(_ text: Bytes) -> Bool {
        let bytes = Array(text)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10])
        else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// `HH:MM:SS` with an optional fraction of a second (`.` and at least one digit).
    private static func isTime(_ text: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(text)
        guard bytes.count >= 8, bytes[2] == UInt8(ascii: ":"), bytes[5] == UInt8(ascii: ":"),
            let hour = number(bytes[0..<2]), let minute = number(bytes[3..<5]), let second = number(bytes[6..<8]),
            hour <= 23, minute <= 59, second <= 60
        else { return false }
        guard bytes.count > 8 else { return true }
        return bytes[8] == UInt8(ascii: ".") && bytes.count > 9 && number(bytes[9...]) != nil
    }

    /// `+HH:MM` or `-HH:MM`.
    private static func isOffset(_ text: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(text)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: ":"),
            let hour = number(bytes[1..<3]), let minute = number(bytes[4..<6])
        else { return false }
        return hour <= 23 && minute <= 59
    }

    /// The decimal value of a run of digits (nil if any is not a digit); long runs are only checked.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy(TOMLCursor.isDigit) else { return nil }
        return digits.prefix(9).reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
