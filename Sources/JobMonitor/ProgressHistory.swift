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

    /// Starts a history with one observation.
    init(first: ProgressSample, status: JobStatus) {
        samples = SampleLog(first: first)
        lastObservedAt = first.at
        lastProgressAt = first.at
        self.status = StatusKey(status)
        statusSince = first.at
    }

    /// Adds an observation. Counts going backwards (a server reset) or time going backwards (a clock step) restart
    /// the history; an unchanged observation is stored only when the last sample is `sampleRefreshInterval` old.
    mutating func observe(_ sample: ProgressSample, status newStatus: JobStatus, configuration: MetricsConfiguration) {
        guard let last = samples.last, sample.at >= lastObservedAt, sample.processed >= last.processed,
            sample.failed >= last.failed
        else {
            self = ProgressHistory(first: sample, status: newStatus)
            return
        }
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
            return
        }
        let due = !newStatus.isTerminal && sample.at.timeIntervalSince(last.at) >= configuration.sampleRefreshInterval
        guard changed || due else { return }
        samples.append(
            sample, retaining: configuration.retainedSpan, beyond: Self.trimBatch - 1,
            maxSamples: configuration.maxSamples)
        if samples.count > configuration.maxSamples {
            samples.removeFirst(samples.count - configuration.maxSamples)
        }
        if let span = configuration.retainedSpan {
            // What rate and history read starts at `horizon`: keep the newest sample at or before it; the ones before
            // go once there are `trimBatch` of them (dropping the oldest rewrites the records before the next one:
            // one at every poll was ~9 % of a cycle's instructions with full histories).
            let unread = Self.countAfterOldest(in: samples, atOrBefore: sample.at.addingTimeInterval(-span))
            if unread >= Self.trimBatch { samples.removeFirst(unread) }
        }
    }

    /// Samples past the retained span that are dropped together (see `observe`).
    static let trimBatch = 4

    /// How many samples after the oldest are at or before `horizon`. A function of its own so that the iterator's
    /// reference to the records ends before the caller trims them: alive (as a debug build keeps it, to the end of
    /// the scope), it made the trim copy the whole array, and the copy's capacity moved with what malloc handed out.
    private static func countAfterOldest(in samples: SampleLog, atOrBefore horizon: Date) -> Int {
        var count = 0
        var reader = samples.makeIterator()
        _ = reader.next()
        while let next = reader.next(), next.at <= horizon { count += 1 }
        return count
    }

    /// Items per second over the `window` seconds ending at the last observation; nil if the observed span is shorter
    /// than `minimumSpan`. The count at the window's start is the newest sample at or before it (step-wise).
    func rate(window: TimeInterval, minimumSpan: TimeInterval) -> Double? {
        guard let latest = samples.last else { return nil }
        let start = lastObservedAt.addingTimeInterval(-window)
        // One pass in whole milliseconds (`SampleLog.oldest(andNewestAtOrBefore:)`): this runs for every changed job
        // each cycle, and reading the samples as `ProgressSample`s was a fifth of a cycle once histories were full.
        let (first, newestBeforeStart) = samples.oldest(andNewestAtOrBefore: start)
        let anchor = newestBeforeStart.map { (processed: $0.processed, from: start) }
            ?? (processed: first.processed, from: first.at)
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
