import Foundation

/// What the operator wants to know about one job, derived from its progress over time: how fast, how long, is it stuck.
public struct JobMetrics: Sendable, Equatable {
    /// Items per second. Active job: the rate over a sliding window (default 60 s) of observations ending at the last
    /// observation, reading the count at the window's start step-wise from the samples, so a job that stops decays to
    /// 0 within one window. Finished job: the average over its whole run. Nil when unknown or pending.
    public var throughput: Double? {
        get { present.value(throughputValue, 0) }
        set { throughputValue = present.store(newValue, 0, absent: 0) }
    }
    /// Seconds until done at `throughput`; nil when unknown (no rate, rate 0, total 0), pending or finished.
    public var eta: TimeInterval? {
        get { present.value(etaValue, 1) }
        set { etaValue = present.store(newValue, 1, absent: 0) }
    }
    /// Seconds since `started_at` (or `created_at`); for a finished job the total duration up to `completed_at`.
    public var elapsed: TimeInterval? {
        get { present.value(elapsedValue, 2) }
        set { elapsedValue = present.store(newValue, 2, absent: 0) }
    }
    /// Seconds since the job last moved (its counts changed or it entered its current status); nil if pending,
    /// finished or never observed.
    public var sinceLastProgress: TimeInterval? {
        get { present.value(sinceLastProgressValue, 3) }
        set { sinceLastProgressValue = present.store(newValue, 3, absent: 0) }
    }
    /// Progress fractions 0…1 at evenly spaced instants (one poll interval apart), oldest first, bounded (default 60).
    /// Worked out when read (only the detail view reads it) from the job's samples, which the metrics share with the
    /// tracker instead of holding 60 numbers per job.
    public var history: [Double] {
        get { historySource?.fractions() ?? storedHistory }
        set {
            storedHistory = newValue
            historySource = nil
        }
    }
    // Stored properties are laid out in declaration order: the 8-byte fields first, then the source (28 bytes) and
    // the two one-byte fields, so that no padding falls between them (70 bytes; 97 in the order first written).
    // The four optional numbers unwrapped; bit n of `present` says whether the nth is known (see `PresenceBits`).
    private var throughputValue = 0.0
    private var etaValue = 0.0
    private var elapsedValue = 0.0
    private var sinceLastProgressValue = 0.0
    private var storedHistory: [Double]
    private var historySource: HistorySource?
    /// True for a running or dispatched job whose observations show no progress for longer than the stall threshold.
    public var isStalled: Bool
    private var present = PresenceBits()

    /// Creates metrics; every field defaults to "unknown".
    public init(
        throughput: Double? = nil, eta: TimeInterval? = nil, elapsed: TimeInterval? = nil,
        sinceLastProgress: TimeInterval? = nil, isStalled: Bool = false, history: [Double] = []
    ) {
        self.init(
            throughput: throughput, eta: eta, elapsed: elapsed, sinceLastProgress: sinceLastProgress,
            isStalled: isStalled, storedHistory: history, historySource: nil)
    }

    /// Metrics whose history is derived, when read, from `historySource`.
    init(
        throughput: Double? = nil, eta: TimeInterval? = nil, elapsed: TimeInterval? = nil,
        sinceLastProgress: TimeInterval? = nil, isStalled: Bool = false, historySource: HistorySource?
    ) {
        self.init(
            throughput: throughput, eta: eta, elapsed: elapsed, sinceLastProgress: sinceLastProgress,
            isStalled: isStalled, storedHistory: [], historySource: historySource)
    }

    /// Sets every stored property directly: the metrics of every running job are made each cycle, and setting the
    /// source after another initialiser had run copied the whole value twice per job.
    private init(
        throughput: Double?, eta: TimeInterval?, elapsed: TimeInterval?, sinceLastProgress: TimeInterval?,
        isStalled: Bool, storedHistory: [Double], historySource: HistorySource?
    ) {
        self.isStalled = isStalled
        self.storedHistory = storedHistory
        self.historySource = historySource
        throughputValue = present.store(throughput, 0, absent: 0)
        etaValue = present.store(eta, 1, absent: 0)
        elapsedValue = present.store(elapsed, 2, absent: 0)
        sinceLastProgressValue = present.store(sinceLastProgress, 3, absent: 0)
    }

    /// Equal when every figure and the history's points are equal.
    public static func == (lhs: JobMetrics, rhs: JobMetrics) -> Bool {
        lhs.throughput == rhs.throughput && lhs.eta == rhs.eta && lhs.elapsed == rhs.elapsed
            && lhs.sinceLastProgress == rhs.sinceLastProgress && lhs.isStalled == rhs.isStalled
            && (lhs.historySource == rhs.historySource && lhs.storedHistory == rhs.storedHistory
                || lhs.history == rhs.history)
    }

    /// Nothing known yet.
    public static let empty = JobMetrics()
}
