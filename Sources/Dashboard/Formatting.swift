import FoundationEssentials
import TextTools

/// Compact, stable text for numbers, durations and times (no locale lookups in the render path).
public enum Formatting {
    /// A duration such as `42s`, `3m05s`, `2h10m`, `3d4h`.
    public static func duration(_ seconds: TimeInterval) -> String {
        let total = wholeNumber(seconds)
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" + pad2(total % 60) + "s" }
        if total < 86_400 { return "\(total / 3600)h" + pad2(total / 60 % 60) + "m" }
        return "\(total / 86_400)d\(total / 3600 % 24)h"
    }

    /// A coarse age that changes rarely: seconds under a minute, then whole minutes, hours, days.
    public static func age(_ seconds: TimeInterval) -> String {
        let total = wholeNumber(seconds)
        if total < 60 { return "\(total)s" }
        if total < 3600 { return "\(total / 60)m" }
        if total < 86_400 { return "\(total / 3600)h" }
        return "\(total / 86_400)d"
    }

    /// Wall-clock time of day `HH:MM:SS` in the given offset from UTC.
    public static func clockTime(_ date: Date, secondsFromGMT: Int) -> String {
        let since1970 = date.timeIntervalSince1970
        let dayOffset = since1970.isFinite ? since1970.truncatingRemainder(dividingBy: 86_400).rounded(.down) : 0
        let seconds = (Int(dayOffset) + secondsFromGMT % 86_400) % 86_400
        let positive = seconds < 0 ? seconds + 86_400 : seconds
        return pad2(positive / 3600) + ":" + pad2(positive / 60 % 60) + ":" + pad2(positive % 60)
    }

    /// A percentage as a whole number with a percent sign, never showing 100% before the job is done.
    public static func percent(_ value: Double) -> String {
        let clamped = min(100, max(0, value.isFinite ? value : 0))
        let whole = clamped < 100 ? min(99, Int(clamped.rounded(.down))) : 100
        return "\(whole)%"
    }

    /// A count with thousands separated by commas.
    public static func grouped(_ count: Int) -> String {
        let digits = String(count.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return count < 0 ? "-" + result : result
    }

    /// `value` rounded down to a whole number in 0…10^15 (NaN and negatives give 0, huge values and +∞ the
    /// ceiling): a server's extreme numbers must never trap an `Int` conversion.
    static func wholeNumber(_ value: Double) -> Int {
        guard value.isFinite else { return value == .infinity ? 1_000_000_000_000_000 : 0 }
        return Int(min(1e15, max(0, value)).rounded(.down))
    }

    private static func pad2(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

extension Formatting {
    /// A date as `YYYY-MM-DD HH:MM:SS` in the given offset from UTC.
    public static func dateTime(_ date: Date, secondsFromGMT: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: secondsFromGMT) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let day = "\(parts.year ?? 0)-" + pad2(parts.month ?? 0) + "-" + pad2(parts.day ?? 0)
        return day + " " + clockTime(date, secondsFromGMT: secondsFromGMT)
    }

    /// A poll interval such as `2s`, `0.5s` or `1m`.
    public static func interval(_ seconds: TimeInterval) -> String {
        guard seconds.isFinite, seconds > 0 else { return "-" }
        if seconds < 1 { return String(cFormat: "%.1fs", seconds) }
        if seconds.rounded() == seconds { return duration(seconds) }
        return String(cFormat: "%.1fs", seconds)
    }

    /// Items per second in at most 6 characters: one decimal below 10, e.g. `2.4/s`, `37/s`, `12k/s`.
    public static func rate(_ itemsPerSecond: Double) -> String {
        guard itemsPerSecond.isFinite, itemsPerSecond >= 0 else { return "-" }
        let tenths = (itemsPerSecond * 10).rounded()
        if tenths < 100 { return String(cFormat: "%.1f/s", tenths / 10) }
        let whole = wholeNumber(itemsPerSecond.rounded())
        if whole < 10_000 { return "\(whole)/s" }
        return "\(min(999, whole / 1000))k/s"
    }
}
