import FoundationEssentials

/// Tuning of `MetricsTracker`: window, memory bound, history length and stall threshold.
public struct MetricsConfiguration: Sendable, Equatable {
    /// Width of the sliding window the throughput is measured over, in seconds.
    public var rateWindow: TimeInterval
    /// Shortest span of observations that yields a throughput, in seconds (avoids wild rates from two quick polls).
    public var minimumRateSpan: TimeInterval
    /// Most samples kept per job (at least 2).
    public var maxSamples: Int
    /// An unchanged observation is still stored when the last sample is at least this old (not for finished jobs).
    public var sampleRefreshInterval: TimeInterval
    /// Most points in `JobMetrics.history`.
    public var historyLength: Int
    /// Least time without progress before a job counts as stalled, in seconds.
    public var minimumStallTime: TimeInterval
    /// The stall threshold is at least this many poll intervals.
    public var stallPollIntervals: Double
    /// Samples older than this many seconds before the newest are dropped, but for the newest of them (the anchor
    /// that rate and history read at the span's start); nil: only `maxSamples` bounds them. See `readSpan`.
    public var retainedSpan: TimeInterval? = nil

    /// Creates a configuration; non-finite or non-positive values fall back to the defaults.
    public init(
        rateWindow: TimeInterval = 60, minimumRateSpan: TimeInterval = 1, maxSamples: Int = 120,
        sampleRefreshInterval: TimeInterval = 30, historyLength: Int = 60, minimumStallTime: TimeInterval = 60,
        stallPollIntervals: Double = 10
    ) {
        self.rateWindow = Self.positive(rateWindow, or: 60)
        self.minimumRateSpan = minimumRateSpan.isFinite ? max(0, minimumRateSpan) : 1
        self.maxSamples = max(2, maxSamples)
        self.sampleRefreshInterval = Self.positive(sampleRefreshInterval, or: 30)
        self.historyLength = max(0, historyLength)
        self.minimumStallTime = minimumStallTime.isFinite ? max(0, minimumStallTime) : 60
        self.stallPollIntervals = stallPollIntervals.isFinite ? max(0, stallPollIntervals) : 10
    }

    /// Seconds without progress after which a running job is stalled: max(minimumStallTime, stallPollIntervals × poll).
    public func stallThreshold(pollInterval: TimeInterval) -> TimeInterval {
        max(minimumStallTime, stallPollIntervals * Self.sanitized(pollInterval))
    }

    /// The seconds of samples that throughput and history read, ending at the newest: the rate window or the
    /// history's length in poll intervals, whichever is longer.
    public func readSpan(pollInterval: TimeInterval) -> TimeInterval {
        max(rateWindow, Double(historyLength) * historyStep(pollInterval: pollInterval))
    }

    /// The spacing of history points: the poll interval, at least 0.1 s (1 s if the interval is not usable).
    func historyStep(pollInterval: TimeInterval) -> TimeInterval {
        max(0.1, Self.sanitized(pollInterval))
    }

    /// A usable poll interval: positive and finite, else 1 s.
    private static func sanitized(_ interval: TimeInterval) -> TimeInterval {
        positive(interval, or: 1)
    }

    private static func positive(_ value: Double, or fallback: Double) -> Double {
        value.isFinite && value > 0 ? value : fallback
    }
}
