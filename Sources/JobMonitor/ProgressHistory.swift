import FoundationEssentials

/// What `MetricsTracker` remembers about one job between polls: its samples (oldest first, never empty) and when it
/// was last observed, last moved and last changed status.
struct ProgressHistory: Sendable, Equatable {
    /// Samples in time order; a new one only when the counts changed or the last one is old.
    private(set) var samples: SampleLog
    /// The newest observation, stored or not.
    private(set) var lastObservedAt: Date
    /// When the processed or failed count last changed (or the history started).
    private(set) var lastProgressAt: Date
    /// When the job was first observed in its current status.
    private(set) var statusSince: Date
    /// The status at the newest observation, as `StatusKey` keeps it: all that is asked of it is whether the next one
    /// differs. Its 16 bytes inline, with the sample log's 8-byte counts and origin, made a job's history box a
    /// 176-byte allocation; it is 112 now (see `HistoryBox`).
    private var status: StatusKey
    /// `rate(window:minimumSpan:)` as of the newest observation, worked out by `observe` (see `cachedRate`): the bits
    /// of a `Float` (the precision `JobMetrics` keeps a rate in), NaN for none.
    private var rateBits: UInt32 = Float.nan.bitPattern

    /// Starts a history with one observation.
    init(first: ProgressSample, status: JobStatus) {
        samples = SampleLog(first: first)
        lastObservedAt = first.at
        lastProgressAt = first.at
        self.status = StatusKey(status)
        statusSince = first.at
    }

    /// The rate over `configuration`'s window as of the newest observation (what `rate(window:minimumSpan:)` gives
    /// for the configuration `observe` was last given, to a `Float`'s precision); nil if unknown.
    ///
    /// Kept, not worked out when read: the rate reads the samples up to the window's start, and `observe` reads the
    /// same samples to find what the retained span lets go, so one pass does both. Read per changed job each cycle,
    /// the separate passes were ~1,750 instructions a job with full histories (callgrind, `poll 2000 70`).
    var cachedRate: Double? {
        let rate = Float(bitPattern: rateBits)
        return rate.isNaN ? nil : Double(rate)
    }

    /// Adds an observation. Counts going backwards (a server reset) or time going backwards (a clock step) restart
    /// the history; an unchanged observation is stored only when the last sample is `sampleRefreshInterval` old.
    /// Keeps `cachedRate` up to date.
    mutating func observe(_ sample: ProgressSample, status newStatus: JobStatus, configuration: MetricsConfiguration) {
        observe(sample, status: newStatus, configuration: configuration, limits: Self.limits(at: sample.at, configuration))
    }

    /// `observe(_:status:configuration:)` with the limits of its pass over the samples worked out by the caller:
    /// `limits(at: sample.at, configuration)`, which is the same for every job observed at one instant (the poller
    /// observes each job of a listing at its fetch time). Worked out per job, they were ~100 instructions a job
    /// (callgrind, `poll 10000 4`).
    mutating func observe(
        _ sample: ProgressSample, status newStatus: JobStatus, configuration: MetricsConfiguration,
        limits: SampleLog.ScanLimits
    ) {
        guard let last = samples.last, sample.at >= lastObservedAt, sample.processed >= last.processed,
            sample.failed >= last.failed
        else {
            self = ProgressHistory(first: sample, status: newStatus)
            return
        }
        let windowStart = sample.at.addingTimeInterval(-configuration.rateWindow)
        let anchorScan = take(
            sample, after: last, status: newStatus, configuration: configuration, windowStart: windowStart,
            limits: limits)
        keepRate(anchorScan ?? samples.scan(through: limits.uncounted), configuration)
    }

    /// The limits of the pass `observe` makes over the samples for an observation at `at`: the rate window's start,
    /// and the retained span's horizon (none without one).
    static func limits(at: Date, _ configuration: MetricsConfiguration) -> SampleLog.ScanLimits {
        SampleLog.ScanLimits(
            countingThrough: configuration.retainedSpan.map { at.addingTimeInterval(-$0) },
            newestAtOrBefore: at.addingTimeInterval(-configuration.rateWindow))
    }

    /// `observe` after its checks: the status, times and samples. Returns the pass over the samples that found the
    /// rate's anchor at `windowStart` when the retained span's trim made one that still holds after the trim (nil:
    /// the caller reads the anchor itself). Inlined: out of line, handing the pass back cost ~40 instructions a job
    /// (callgrind, `poll 2000 70`: `absorb` 664.6M against 659.2M).
    @inline(__always)
    private mutating func take(
        _ sample: ProgressSample, after last: ProgressSample, status newStatus: JobStatus,
        configuration: MetricsConfiguration, windowStart: Date, limits: SampleLog.ScanLimits
    ) -> SampleLog.Scan? {
        let newKey = StatusKey(newStatus)
        let finishedNow = newKey != status && newStatus.isTerminal
        // A finished job's log takes no more samples unless its counts change: sized for the retained span, a job
        // that ran for less kept the room for the rest (a churning project holds tens of thousands of those).
        defer { if finishedNow { samples.shrinkToFit() } }
        if newKey != status {
            status = newKey
            statusSince = sample.at
        }
        lastObservedAt = sample.at
        let moved = sample.processed != last.processed || sample.failed != last.failed
        if moved { lastProgressAt = sample.at }
        let changed = moved || sample.total != last.total
        if sample.at == last.at {
            if changed { samples.replaceLast(sample) }
            return nil
        }
        let due = !newStatus.isTerminal && sample.at.timeIntervalSince(last.at) >= configuration.sampleRefreshInterval
        guard changed || due else { return nil }
        samples.append(
            sample, retaining: configuration.retainedSpan, beyond: Self.trimBatch - 1,
            maxSamples: configuration.maxSamples)
        if samples.count > configuration.maxSamples {
            samples.removeFirst(samples.count - configuration.maxSamples)
        }
        guard let span = configuration.retainedSpan else { return nil }
        // What rate and history read starts at `horizon`: keep the newest sample at or before it; the ones before go
        // once there are `trimBatch` of them (dropping the oldest rewrites the records before the next one: one at
        // every poll was ~9 % of a cycle's instructions with full histories). The same pass finds the rate's anchor.
        let horizon = sample.at.addingTimeInterval(-span)
        let scan = samples.scan(through: limits)
        if scan.counted >= Self.trimBatch { samples.removeFirst(scan.counted) }
        // The trim keeps the newest sample at or before the horizon, so an anchor at or after it survives; a window
        // reaching before the horizon (a span shorter than the window) is read again from what is left.
        return horizon <= windowStart ? scan : nil
    }

    /// Keeps the rate that `scan` (of the window ending at the newest observation) gives, as `cachedRate`.
    private mutating func keepRate(_ scan: SampleLog.Scan, _ configuration: MetricsConfiguration) {
        let rate = Self.rate(
            latest: samples.last, at: lastObservedAt, window: configuration.rateWindow, oldest: scan.oldest,
            newestAtOrBeforeStart: scan.newest, minimumSpan: configuration.minimumRateSpan)
        rateBits = rate.map { Float($0).bitPattern } ?? Float.nan.bitPattern
    }

    /// Samples past the retained span that are dropped together (see `observe`).
    static let trimBatch = 4

    /// Items per second over the `window` seconds ending at the last observation; nil if the observed span is shorter
    /// than `minimumSpan`. The count at the window's start is the newest sample at or before it (step-wise).
    /// Worked out from the samples each time; `cachedRate` is the same figure kept by `observe`.
    func rate(window: TimeInterval, minimumSpan: TimeInterval) -> Double? {
        let start = lastObservedAt.addingTimeInterval(-window)
        let scan = samples.scan(countingThrough: nil, newestAtOrBefore: start)
        return Self.rate(
            latest: samples.last, at: lastObservedAt, window: window, oldest: scan.oldest,
            newestAtOrBeforeStart: scan.newest, minimumSpan: minimumSpan)
    }

    /// The rate from the newest sample back to the anchor: the newest sample at or before the window's start (read
    /// from the start, step-wise), or the oldest sample when none is that old.
    private static func rate(
        latest: ProgressSample?, at lastObservedAt: Date, window: TimeInterval, oldest: ProgressSample,
        newestAtOrBeforeStart: ProgressSample?, minimumSpan: TimeInterval
    ) -> Double? {
        guard let latest else { return nil }
        let start = lastObservedAt.addingTimeInterval(-window)
        let anchor = newestAtOrBeforeStart.map { (processed: $0.processed, from: start) }
            ?? (processed: oldest.processed, from: oldest.at)
        let span = lastObservedAt.timeIntervalSince(anchor.from)
        guard span > 0, span >= minimumSpan else { return nil }
        let rate = (Double(latest.processed) - Double(anchor.processed)) / span
        return rate.isFinite ? max(0, rate) : nil
    }

    /// Progress fractions at `count` instants `step` seconds apart ending at `end`, skipping instants before the
    /// first sample; each is the newest sample at or before the instant (step-wise).
    ///
    /// Samples keep their times to the nearest millisecond (`SampleLog`), so one may read back up to half a
    /// millisecond after the observation it records: a sample counts as at an instant up to a millisecond after it
    /// (else the newest point, at the newest observation, showed the sample before half the time).
    func fractions(endingAt end: Date, step: TimeInterval, count: Int) -> [Double] {
        guard let first = samples.first, count > 0 else { return [] }
        var result: [Double] = []
        result.reserveCapacity(count)
        var reader = samples.makeIterator()
        var current = reader.next() ?? first
        var upcoming = reader.next()
        for offset in stride(from: count - 1, through: 0, by: -1) {
            let instant = end.addingTimeInterval(-Double(offset) * step + Self.timeTolerance)
            if instant < first.at { continue }
            while let next = upcoming, next.at <= instant {
                current = next
                upcoming = reader.next()
            }
            result.append(current.fraction)
        }
        return result
    }

    /// How much later than an instant a sample may read back and still count as at it: the precision of its time.
    static let timeTolerance: TimeInterval = 0.001

    /// When the job last moved: its counts changed or it entered its current status.
    var lastMovedAt: Date { max(lastProgressAt, statusSince) }

    /// Time of the newest sample.
    var lastSampleAt: Date { samples.last?.at ?? lastObservedAt }
}
