#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials

/// When and how long to wait before retrying a failed request, as the official LlamaCloud SDKs do.
///
/// Retried: connection errors, timeouts, 408, 409, 429 and 5xx — unless the server's `x-should-retry` header says
/// otherwise (it wins both ways for the statuses that carry it). The wait before retry `n` (0-based) is the server's
/// `retry-after-ms` / `Retry-After` when it is above 0 and at most `maxRetryAfter` (60 s), else
/// `min(initialDelay · 2^n, maxDelay)` shortened by up to `jitter` (25 %) at random.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt (the SDKs' default is 2, so at most 3 attempts).
    public var maxRetries: Int
    /// Wait before the first retry, in seconds, before jitter.
    public var initialDelay: TimeInterval
    /// Longest computed wait, in seconds, before jitter.
    public var maxDelay: TimeInterval
    /// Largest fraction taken off a computed wait at random (0.25: the wait is 75–100 % of the backoff).
    public var jitter: Double
    /// Longest server-advised wait that is followed, in seconds; a longer or non-positive advice falls back to backoff.
    public var maxRetryAfter: TimeInterval
    /// The jitter source: a number in 0..<1 (inject a constant in tests).
    public var random: @Sendable () -> Double

    /// Creates a policy; the defaults are the SDKs'.
    public init(
        maxRetries: Int = 2, initialDelay: TimeInterval = 0.5, maxDelay: TimeInterval = 8, jitter: Double = 0.25,
        maxRetryAfter: TimeInterval = 60, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxRetries = max(0, maxRetries)
        self.initialDelay = max(0, initialDelay)
        self.maxDelay = max(0, maxDelay)
        self.jitter = min(1, max(0, jitter))
        self.maxRetryAfter = max(0, maxRetryAfter)
        self.random = random
    }

    /// A policy that never retries.
    public static var never: RetryPolicy { RetryPolicy(maxRetries: 0) }

    /// True when a request that failed with `error` may succeed if sent again.
    public func isRetryable(_ error: BatchAPIError) -> Bool {
        if let hint = error.shouldRetryHint { return hint }
        switch error {
        case .timeout, .transport: return true
        case .rateLimited, .server: return true
        case .http(let status, _, _, _): return status == 408 || status == 409 || status == 429 || status >= 500
        case .unauthorized, .forbidden, .notFound, .undecodable, .invalidRequest: return false
        }
    }

    /// Seconds to wait before retry number `retry` (0 for the first retry) of a request that failed with `error`.
    public func delay(beforeRetry retry: Int, after error: BatchAPIError) -> TimeInterval {
        if let advised = error.retryAfter, advised > 0, advised <= maxRetryAfter { return advised }
        return backoff(beforeRetry: retry)
    }

    /// The computed backoff before retry number `retry`, jitter applied: `min(initial · 2^retry, max) · (1 − jitter · r)`.
    public func backoff(beforeRetry retry: Int) -> TimeInterval {
        let exponent = Double(min(max(0, retry), 1000))
        let base = min(initialDelay * pow(2, exponent), maxDelay)
        let draw = min(1, max(0, random()))
        return base * (1 - jitter * draw)
    }
}
