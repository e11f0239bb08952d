import Foundation

/// Reads the server's advice on when to retry from `retry-after-ms` and `Retry-After` (seconds or an HTTP date).
public enum RetryAfter {
    /// The advised wait in seconds, or nil when the headers give none that makes sense.
    public static func seconds(retryAfterMs: String?, retryAfter: String?, now: Date = Date()) -> TimeInterval? {
        if let text = retryAfterMs?.trimmingCharacters(in: .whitespaces), let millis = Double(text), millis.isFinite,
            millis >= 0
        {
            return millis / 1000
        }
        guard let text = retryAfter?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text) {
            return seconds.isFinite && seconds >= 0 ? seconds : nil
        }
        guard let date = httpDate(text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Parses an IMF-fixdate such as `Wed, 21 Oct 2026 07:28:00 GMT`.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }

    /// Reads `x-should-retry`: true or false when the header says so (case-insensitively), nil otherwise.
    public static func shouldRetry(header: String?) -> Bool? {
        switch header?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}
