import FoundationEssentials

/// The header's totals (`AggregateMetrics`) kept as exact sums, so that a job's share can be taken out again as
/// exactly as it was put in: the poller keeps one for the jobs of its last snapshot and, as it replaces a job there,
/// takes the old version's share out and puts the new one's in (`PublishedJobs`), instead of the dashboard walking
/// every job of every snapshot for the header. At 100,000 jobs that walk was ~40 % of the dashboard's work on a
/// snapshot (perf, `time-reduce 100000`), and a cycle in which every job changed publishes ten snapshots.
///
/// Exact: the counts are integers, the item sums 128-bit (no overflow to trap on or saturate, so a share taken out
/// leaves what it found), and the rates fixed-point (`rateScale`), where a sum of `Double`s would round differently
/// depending on the order in which jobs came and went.
struct AggregateTally: Sendable, Equatable {
    /// Jobs per known status, by `JobStatus.code`.
    private var knownCounts = [Int](repeating: 0, count: Int(JobStatus.otherCode))
    /// Jobs per unknown status (none nearly always).
    private var otherCounts: [JobStatus: Int] = [:]
    /// Jobs that are neither finished nor vanished.
    private var active = 0
    /// Active jobs flagged as stalled.
    private var stalled = 0
    /// Items processed across active jobs.
    private var itemsDone: Int128 = 0
    /// Items in all active jobs.
    private var itemsTotal: Int128 = 0
    /// Active jobs with a throughput.
    private var ratedJobs = 0
    /// The sum of the active jobs' throughputs, in units of 1 / `rateScale` items per second.
    private var rateSum: Int128 = 0

    /// Fixed-point units of a rate per item per second: 2^20 (a rate is kept to about a millionth of an item per
    /// second).
    static let rateScale: Double = 1_048_576
    /// The largest rate counted, in items per second (2^40, ~10^12): beyond it a rate counts as this, so that its
    /// fixed-point value fits 64 bits.
    static let rateLimit: Double = 1_099_511_627_776

    /// No jobs.
    init() {}

    /// The tally of `jobs`.
    init(_ jobs: some Sequence<TrackedJob>) {
        for job in jobs { add(job) }
    }

    /// Counts `job` in.
    mutating func add(_ job: TrackedJob) { apply(job, sign: 1) }

    /// Takes `job` out again (it must have been counted in, as it is now).
    mutating func remove(_ job: TrackedJob) { apply(job, sign: -1) }

    /// Replaces `old`'s share with `new`'s.
    mutating func replace(_ old: TrackedJob, with new: TrackedJob) {
        apply(old, sign: -1)
        apply(new, sign: 1)
    }

    /// Adds `sign` times the job's share. Reads the fields where they are stored: copying each job and its metrics
    /// out, to read a few numbers, was most of the work of the walk this replaces.
    @inline(__always)
    private mutating func apply(_ tracked: TrackedJob, sign: Int) {
        let (code, active, sample, stalled, rate) = tracked.withFields { fields in
            (
                fields.job.statusCode, !fields.job.status.isTerminal && !fields.isVanished,
                ProgressSample(job: fields.job, at: Date(timeIntervalSinceReferenceDate: 0)), fields.metrics.isStalled,
                fields.metrics.throughput
            )
        }
        if code < JobStatus.otherCode {
            knownCounts[Int(code)] += sign
        } else {
            countOther(tracked.job.status, sign: sign)
        }
        guard active else { return }
        self.active += sign
        if stalled { self.stalled += sign }
        itemsDone += Int128(sign) * Int128(sample.processed)
        itemsTotal += Int128(sign) * Int128(sample.total)
        if let rate {
            ratedJobs += sign
            rateSum += Int128(sign) * Int128(Self.fixedPoint(rate))
        }
    }

    /// Counts a job of an unknown status in or out (out of line: nearly never).
    @inline(never)
    private mutating func countOther(_ status: JobStatus, sign: Int) {
        let count = otherCounts[status, default: 0] + sign
        otherCounts[status] = count == 0 ? nil : count
    }

    /// A rate in fixed point: NaN as 0, within ±`rateLimit`.
    private static func fixedPoint(_ rate: Double) -> Int64 {
        guard !rate.isNaN else { return 0 }
        return Int64(min(rateLimit, max(-rateLimit, rate)) * rateScale)
    }

    /// The totals, as the header shows them (item sums capped at `Int.max`).
    var metrics: AggregateMetrics {
        var counts: [JobStatus: Int] = [:]
        for (code, count) in knownCounts.enumerated() where count != 0 {
            if let status = JobStatus(code: UInt8(code)) { counts[status] = count }
        }
        counts.merge(otherCounts) { $0 + $1 }
        return AggregateMetrics(
            countsByStatus: counts, activeJobs: active, stalledJobs: stalled, itemsDone: Self.capped(itemsDone),
            itemsTotal: Self.capped(itemsTotal), overallRate: ratedJobs > 0 ? Double(rateSum) / Self.rateScale : nil)
    }

    /// `value` within `Int`'s range.
    private static func capped(_ value: Int128) -> Int {
        Int(max(Int128(Int.min), min(Int128(Int.max), value)))
    }
}
