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
    /// Jobs per known status, by `JobStatus.code` (lanes 0–6; lane 7 unused). Eight lanes inline, not an array: an
    /// array checked its bounds and its uniqueness for every job counted.
    private var knownCounts = SIMD8<Int64>()
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

    /// Adds `other`'s counts and sums to these. `other` may be a tally of changes, built from none by `replace` (its
    /// counts then negative where jobs left a status): the sums are exact, so tallies of changes worked out apart (on
    /// two threads, `Poller.refreshForPlacing`) and added in any order give what replacing the jobs here one by one
    /// gives.
    mutating func add(_ other: AggregateTally) {
        knownCounts &+= other.knownCounts
        for (status, count) in other.otherCounts {
            let sum = otherCounts[status, default: 0] + count
            otherCounts[status] = sum == 0 ? nil : sum
        }
        active &+= other.active
        stalled &+= other.stalled
        itemsDone &+= other.itemsDone
        itemsTotal &+= other.itemsTotal
        ratedJobs &+= other.ratedJobs
        rateSum &+= other.rateSum
    }

    /// Adds `sign` times the job's share. Reads each field where it is stored, one by one: through
    /// `TrackedJob.withFields` (a closure given the fields) every read copied all the fields, retaining and releasing
    /// each reference in them, ~240 instructions a job (callgrind, `poll 10000 4`).
    @inline(__always)
    private mutating func apply(_ tracked: TrackedJob, sign: Int) {
        let storage = tracked.storage
        let code = storage.fields.job.statusCode
        // By the status's code: the status itself reads an unknown status's word from the job's extras.
        let terminal = JobStatus(code: code)?.isTerminal ?? false
        let active = !terminal && !storage.fields.isVanished
        let sample = ProgressSample(
            at: Date(timeIntervalSinceReferenceDate: 0), totalItems: storage.fields.job.totalItems,
            processedItems: storage.fields.job.processedItems, failedItems: nil,
            percent: storage.fields.job.progressPercent)
        let stalled = storage.fields.metrics.isStalled
        let rate = storage.fields.metrics.throughput
        if code < JobStatus.otherCode {
            knownCounts[Int(code)] &+= Int64(sign)
        } else {
            countOther(tracked.job.status, sign: sign)
        }
        guard active else { return }
        self.active &+= sign
        if stalled { self.stalled &+= sign }
        // Added or taken out without a multiplication: a checked 128-bit multiply is a library call, and it made a
        // replaced job ~700 instructions (callgrind). Wrapping arithmetic is exact here: the sums stay far from 2^127.
        let rateUnits = rate.map { Int128(Self.fixedPoint($0)) }
        if sign > 0 {
            itemsDone &+= Int128(sample.processed)
            itemsTotal &+= Int128(sample.total)
            if let rateUnits {
                ratedJobs &+= 1
                rateSum &+= rateUnits
            }
        } else {
            itemsDone &-= Int128(sample.processed)
            itemsTotal &-= Int128(sample.total)
            if let rateUnits {
                ratedJobs &-= 1
                rateSum &-= rateUnits
            }
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
        for code in 0..<Int(JobStatus.otherCode) where knownCounts[code] != 0 {
            if let status = JobStatus(code: UInt8(code)) { counts[status] = Int(knownCounts[code]) }
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
