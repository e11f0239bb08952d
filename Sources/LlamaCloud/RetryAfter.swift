import FoundationEssentials
import TextTools

/// Reads the server's advice on when to retry from `retry-after-ms` and `Retry-After` (seconds or an HTTP date).
public enum RetryAfter {
    /// The advised wait in seconds, or nil when the headers give none that makes sense.
    public static func seconds(retryAfterMs: String?, retryAfter: String?, now: Date = Date()) -> TimeInterval? {
        if let text = retryAfterMs?.trimmingWhitespace(), let millis = Double(text), millis.isFinite,
            millis >= 0
        {
            return millis / 1000
        }
        guard let text = retryAfter?.trimmingWhitespace(), !text.isEmpty else { return nil }
        if let seconds = Double(text) {
            return seconds.isFinite && seconds >= 0 ? seconds : nil
        }
        guard let date = httpDate(text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Parses an IMF-fixdate such as `Wed, 21 Oct 2026 07:28:00 GMT` (the zone GMT or UTC; names case-insensitive).
    static func httpDate(_ text: String) -> Date? {
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 6, fields[0].count == 4, fields[0].last == ",",
            weekdays.contains(fields[0].dropLast().lowercased()), fields[1].count <= 2, let day = Int(fields[1]),
            let month = months.firstIndex(of: fields[2].lowercased()), fields[3].count == 4, let year = Int(fields[3]),
            ["gmt", "utc"].contains(fields[5].lowercased())
        else { return nil }
        let clock = fields[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }), let hour = Int(clock[0]), let minute = Int(clock[1]),
            let second = Int(clock[2]), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            (1...daysIn(month: month + 1, year: year)).contains(day)
        else { return nil }
        let days = ISO8601Timestamp.daysFromCivil(year: year, month: month + 1, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Days in a month of the proleptic Gregorian calendar.
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }


    /// Reads `x-should-retry`: true or false when the header says so (case-insensitively), nil otherwise.
    public static func shouldRetry(header: String?) -> Bool? {
        switch header?.trimmingWhitespace().lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}
