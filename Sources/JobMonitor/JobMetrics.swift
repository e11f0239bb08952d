import FoundationEssentials

/// What the operator wants to know about one job, derived from its progress over time: how fast, how long, is it stuck.
public struct JobMetrics: Sendable, Equatable {
    /// Items per second. Active job: the rate over a sliding window (default 60 s) of observations ending at the last
    /// observation, reading the count at the window's start step-wise from the samples, so a job that stops decays to
    /// 0 within one window. Finished job: the average over its whole run. Nil when unknown or pending.
    public var throughput: Double? {
        get { Self.read(throughputValue) }
        set { throughputValue = Self.stored(newValue) }
    }
    /// Seconds until done at `throughput`; nil when unknown (no rate, rate 0, total 0), pending or finished.
    public var eta: TimeInterval? {
        get { Self.read(etaValue) }
        set { etaValue = Self.stored(newValue) }
    }
    /// Seconds since `started_at` (or `created_at`); for a finished job the total duration up to `completed_at`.
    public var elapsed: TimeInterval? {
        get { Self.read(elapsedValue) }
        set { elapsedValue = Self.stored(newValue) }
    }
    /// Seconds since the job last moved (its counts changed or it entered its current status); nil if pending,
    /// finished or never observed.
    public var sinceLastProgress: TimeInterval? {
        get { Self.read(sinceLastProgressValue) }
        set { sinceLastProgressValue = Self.stored(newValue) }
    }
    /// Progress fractions 0…1 at evenly spaced instants (one poll interval apart), oldest first, bounded (default 60).
    /// Worked out when read (only the detail view reads it) from the job's samples, which the metrics share with the
    /// tracker instead of holding 60 numbers per job.
    public var history: [Double] {
        get {
            switch points {
            case .live(let box)?: return historySource(box).fractions()
            case .given(let given)?: return given.points
            case nil: return []
            }
        }
        set { points = newValue.isEmpty ? nil : .given(GivenHistory(newValue)) }
    }
    /// True for a running or dispatched job whose observations show no progress for longer than the stall threshold.
    public var isStalled: Bool {
        get { historyCountAndStall & Self.stallBit != 0 }
        set { historyCountAndStall = newValue ? historyCountAndStall | Self.stallBit : historyCountAndStall & ~Self.stallBit }
    }

    // Every job's metrics are stored twice while a cycle in which every job changed is published (the snapshot on
    // screen's and the next one's), so they are packed into 40 bytes (70 with `Double?`s and a `HistorySource`):
    // - the four figures as `Float` (about 7 significant digits, far more than any column shows), NaN for unknown
    //   (a NaN given for one reads back as unknown);
    // - where the history comes from, in one reference: the job's live history, read at `historyCount` instants
    //   `historyStep` seconds apart ending at `historyEndSeconds`, or points given to the initialiser;
    // - the stall flag in the top bit of the instant count.
    private var points: Points?
    private var historyEndSeconds: TimeInterval = 0
    private var throughputValue: Float
    private var etaValue: Float
    private var elapsedValue: Float
    private var sinceLastProgressValue: Float
    private var historyStep: Float = 0
    private var historyCountAndStall: UInt32 = 0

    /// Where the history points come from.
    private enum Points: Sendable {
        /// The job's live history (read at the stored instants).
        case live(HistoryBox)
        /// Points given to the initialiser.
        case given(GivenHistory)
    }

    /// The top bit of `historyCountAndStall`.
    private static let stallBit: UInt32 = 1 << 31

    /// Creates metrics; every field defaults to "unknown".
    public init(
        throughput: Double? = nil, eta: TimeInterval? = nil, elapsed: TimeInterval? = nil,
        sinceLastProgress: TimeInterval? = nil, isStalled: Bool = false, history: [Double] = []
    ) {
        self.init(
            throughput: throughput, eta: eta, elapsed: elapsed, sinceLastProgress: sinceLastProgress,
            isStalled: isStalled, historySource: nil)
        self.history = history
    }

    /// Metrics whose history is derived, when read, from `historySource`.
    init(
        throughput: Double? = nil, eta: TimeInterval? = nil, elapsed: TimeInterval? = nil,
        sinceLastProgress: TimeInterval? = nil, isStalled: Bool = false, historySource: HistorySource?
    ) {
        throughputValue = Self.stored(throughput)
        etaValue = Self.stored(eta)
        elapsedValue = Self.stored(elapsed)
        sinceLastProgressValue = Self.stored(sinceLastProgress)
        if let historySource {
            points = .live(historySource.box)
            historyEndSeconds = historySource.end.timeIntervalSinceReferenceDate
            historyStep = Float(historySource.step)
            historyCountAndStall = UInt32(clamping: min(historySource.count, Int(Self.stallBit - 1)))
        }
        self.isStalled = isStalled
    }

    /// The source of a live history.
    private func historySource(_ box: HistoryBox) -> HistorySource {
        HistorySource(
            box: box, end: Date(timeIntervalSinceReferenceDate: historyEndSeconds), step: TimeInterval(historyStep),
            count: Int(historyCountAndStall & ~Self.stallBit))
    }

    /// A stored figure as an optional (NaN: unknown).
    private static func read(_ value: Float) -> Double? { value.isNaN ? nil : Double(value) }

    /// A figure as stored.
    private static func stored(_ value: Double?) -> Float { value.map { Float($0) } ?? .nan }

    /// Equal when every figure and the history's points are equal.
    public static func == (lhs: JobMetrics, rhs: JobMetrics) -> Bool {
        lhs.throughput == rhs.throughput && lhs.eta == rhs.eta && lhs.elapsed == rhs.elapsed
            && lhs.sinceLastProgress == rhs.sinceLastProgress && lhs.isStalled == rhs.isStalled
            && (lhs.sameHistorySource(as: rhs) || lhs.history == rhs.history)
    }

    /// True when both read the same history the same way (equal points without working them out).
    private func sameHistorySource(as other: JobMetrics) -> Bool {
        switch (points, other.points) {
        case (nil, nil): return true
        case (.live(let left)?, .live(let right)?):
            return left === right && historyEndSeconds == other.historyEndSeconds && historyStep == other.historyStep
                && historyCountAndStall & ~Self.stallBit == other.historyCountAndStall & ~Self.stallBit
        case (.given(let left)?, .given(let right)?): return left === right
        default: return false
        }
    }

    /// Nothing known yet.
    public static let empty = JobMetrics()

    /// Where the metrics keep the reference to their history's box (or given points), as one word whose spare bits
    /// may tag the case (nil if ever not one word): read as bits by `VersionRecycler` to ask for the box a reused
    /// version releases.
    static var historyReferenceOffset: Int? {
        MemoryLayout<Points?>.size == MemoryLayout<UInt>.size ? MemoryLayout<JobMetrics>.offset(of: \.points) : nil
    }
}

/// History points given to `JobMetrics` (not derived from a live history), held by reference so that the metrics
/// keep one word for them.
fileprivate final class GivenHistory: Sendable {
    let points: [Double]

    init(_ points: [Double]) {
        self.points = points
    }
}
