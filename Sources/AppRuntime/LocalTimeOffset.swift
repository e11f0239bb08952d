#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// The local zone's offset from GMT at an instant, from the C library (`localtime_r`, which reads `TZ` and
/// `/etc/localtime`, daylight saving included). `FoundationEssentials`' `TimeZone.current` knows no named zones
/// without the ICU-backed `FoundationInternationalization`, which the dashboard does not link: it reads GMT.
enum LocalTimeOffset {
    /// Seconds east of GMT in the local zone at `instant` (0 when the C library cannot tell).
    static func secondsFromGMT(at instant: Date) -> Int {
        let seconds = instant.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e15 else { return 0 }
        var time = time_t(seconds.rounded(.down))
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }
}
