#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import LlamaCloud

/// How long the poller waits before its next cycle: the poll interval while all is well, longer after failures.
///
/// - A 429 slows the whole poller down: each rate-limited cycle raises the slow-down level by one (the wait doubles:
///   2·interval, 4·interval, … up to 60 s) and the wait is at least the server's Retry-After (up to 60 s). Each clean
///   cycle lowers the level by one again, so the pace recovers gradually.
/// - Other failures back off exponentially with the number of failed cycles in a row (interval, 2·interval, 4·interval,
///   … up to 30 s, never below the interval), so a down API is not hammered and recovery is still noticed quickly.
struct PollBackoff: Sendable, Equatable {
    /// Longest wait after rate limiting, and the longest Retry-After honoured, in seconds.
    static let maximumRateLimitWait: TimeInterval = 60
    /// Longest wait after other failures, in seconds (unless the interval itself is longer).
    static let maximumFailureWait: TimeInterval = 30

    /// The poll interval in seconds.
    let interval: TimeInterval
    /// Rate-limit slow-down level: 0 is normal pace.
    private(set) var slowdown = 0

    /// Creates a backoff at normal pace.
    init(interval: TimeInterval) {
        self.interval = max(0.001, interval)
    }

    /// The wait after a cycle, given its error (nil: clean) and the failed cycles in a row including this one.
    mutating func wait(after failure: BatchAPIError?, consecutiveFailures: Int) -> TimeInterval {
        guard let failure else {
            slowdown = max(0, slowdown - 1)
            return paced()
        }
        if failure.isRateLimited {
            slowdown = min(slowdown + 1, 16)
            let advised = min(failure.retryAfter ?? 0, Self.maximumRateLimitWait)
            return max(paced(), advised)
        }
        let exponent = Double(min(max(0, consecutiveFailures - 1), 16))
        let backoff = min(interval * pow(2, exponent), max(interval, Self.maximumFailureWait))
        return max(paced(), backoff)
    }

    /// Back to normal pace at once (the user asked for a refresh).
    mutating func reset() {
        slowdown = 0
    }

    /// The interval stretched by the current slow-down level.
    private func paced() -> TimeInterval {
        guard slowdown > 0 else { return interval }
        return min(interval * pow(2, Double(slowdown)), max(interval, Self.maximumRateLimitWait))
    }
}
