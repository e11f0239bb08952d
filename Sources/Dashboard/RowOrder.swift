import FoundationEssentials
import TextTools
import JobMonitor

/// Orders and filters the table's rows. Runs in the reducer when a snapshot, the sort or the filter changes,
/// never in the render path.
public enum RowOrder {
    /// The jobs matching `filter`, ordered by `sort` (stable for equal keys).
    ///
    /// `lastOrder`: the rows' order before (their positions), when the jobs are a new snapshot of the same list. When
    /// it holds each position once (no filter, as many jobs), each job's key is put where its row was before: a
    /// snapshot mostly keeps the order of the one before, and the sort then finishes in about one pass over keys that
    /// come in order, where keys in the list's order took a full sort (half the work on a snapshot of 100,000 jobs).
    /// The jobs are still read in the list's order (read in the rows' order, scattered over memory, the keys of a
    /// sort by progress took 5 times as long). The result is the same either way: every key is distinct (its
    /// position breaks ties).
    public static func arrange(
        _ jobs: JobList, sort: SortOrder, filter: String, lastOrder: consuming [Int32]? = nil
    ) -> JobRows {
        let needle = FilterNeedle(filter)
        // Unfiltered, the positions are the range itself: an array of every position was 800 kB more held during each
        // sort of 100,000 jobs (the dashboard sorts every snapshot, and its peak memory is what a sort holds on top).
        if needle.isEmpty {
            return JobRows(
                jobs: jobs, positions: sortedPositions(jobs.indices, of: jobs, by: sort, lastOrder: consume lastOrder))
        }
        let found = matching(jobs, needle, among: jobs.indices)
        return JobRows(jobs: jobs, positions: sortedPositions(found.lazy.map { Int($0) }, of: jobs, by: sort))
    }

    /// `rows` narrowed to the jobs that match `filter`, when the rows were filtered by `previous` and `filter`'s text
    /// contains `previous`'s (a key typed at the end or in the middle of the filter): every job that matches the
    /// longer text matched the shorter one, so it is among the rows, and the rows are already in order. Nil when
    /// the filter did not narrow (the caller arranges the rows again). Typing `/b` at 100,000 jobs then filters the
    /// rows in place instead of sorting every job that matches.
    static func narrowed(_ rows: JobRows, from previous: String, to filter: String) -> [Int32]? {
        let before = FilterNeedle(previous)
        let after = FilterNeedle(filter)
        guard !after.isEmpty, before.isEmpty || after.text.contains(before.text) else { return nil }
        return matching(rows.jobs, after, among: rows.positions.lazy.map { Int($0) })
    }

    /// The positions among `positions` (kept in their order) of the jobs that match `needle`, each job asked for ahead
    /// (`forEachJob`; without, `time-reduce 100000 10 default filter=zzz` took 36 ms instead of 32).
    static func matching(_ jobs: JobList, _ needle: FilterNeedle, among positions: some Collection<Int>) -> [Int32] {
        var found: [Int32] = []
        forEachJob(at: positions, in: jobs) { position, tracked in
            if matches(tracked, needle) { found.append(Int32(truncatingIfNeeded: position)) }
        }
        return found
    }

    /// The default order: running work first, then waiting (pending, throttled) and unknown statuses, then failures,
    /// then finished jobs, newest first within each group.
    public static func sorted(_ jobs: [TrackedJob]) -> [TrackedJob] {
        let list = JobList(jobs)
        return sortedPositions(list.indices, of: list, by: SortOrder()).map { list[Int($0)] }
    }

    /// True when the filter text occurs in the job's ID, type, status or directory (case-insensitive); a v2
    /// batch also matches its configuration type (`parse_v2`) and, while a cancel is under way, `cancelling`.
    /// Field by field, stopping at the first that matches (see `FilterNeedle` for what each costs).
    static func matches(_ tracked: TrackedJob, _ needle: FilterNeedle) -> Bool {
        let job = tracked.job
        if needle.matches(job.jobID) || needle.matches(job.type.description) || needle.matches(job.status.description) {
            return true
        }
        if let directory = job.directoryID, needle.matches(directory) { return true }
        if let batch = job.batch, needle.matches(batch.configurationType) { return true }
        return StatusBadge.isCancelling(job) && needle.matches("cancelling")
    }

    /// Sorts positions, not jobs: the keys are computed once per job and the comparisons move small integers, so a
    /// 100,000-job snapshot is not copied around element by element while it is sorted. Numeric keys (every column
    /// but type) are sorted as plain structs, without an enum or an optional to unwrap per comparison.
    private static func sortedPositions(
        _ positions: some Collection<Int>, of jobs: JobList, by order: SortOrder, lastOrder: consuming [Int32]? = nil
    ) -> [Int32] {
        if order.key != .type {
            var places: [Int32]?
            // Handed on, not copied (see `places(of:count:)`).
            if positions.count == jobs.count, let last = consume lastOrder {
                places = self.places(of: last, count: jobs.count)
            }
            return numericallySorted(positions, of: jobs, by: order, places: consume places)
        }
        var keys: [SortValue?] = Array(repeating: nil, count: jobs.count)
        var created: [Double] = Array(repeating: -.infinity, count: jobs.count)
        for position in positions {
            keys[position] = sortValue(jobs[position], order.key)
            created[position] = createdSeconds(jobs[position])
        }
        var sorted = positions.map { Int32(truncatingIfNeeded: $0) }
        sorted.sort { lhsPosition, rhsPosition in
            let lhs = Int(lhsPosition), rhs = Int(rhsPosition)
            switch (keys[lhs], keys[rhs]) {
            case (nil, nil): break
            case (nil, _): return false
            case (_, nil): return true
            case (let left?, let right?):
                if left != right { return order.reversed ? right < left : left < right }
            }
            if created[lhs] != created[rhs] { return created[lhs] > created[rhs] }
            return lhs < rhs
        }
        return sorted
    }

    /// One row's numeric sort key, as three words compared in turn: missing keys last, then the key (descending
    /// when reversed), newest created first, then the snapshot's order. The two numbers are kept as integers that
    /// order as the numbers do (`orderBits`), so that a comparison is three integer comparisons with no NaN to
    /// mind; a missing key is the largest word, above every number's.
    private struct NumericKey: TotallyOrdered {
        var value: UInt64
        var created: UInt64
        var position: Int

        init(value: Double?, created: Double, position: Int) {
            self.value = value.map(Self.orderBits) ?? .max
            // Newest first: the negated time's bits.
            self.created = Self.orderBits(-created)
            self.position = position
        }

        /// An integer that orders as `number` does among numbers (not NaN; -0 as 0): the sign bit flipped for
        /// positive numbers, every bit for negative ones. Never `UInt64.max` (that would be a negative NaN).
        static func orderBits(_ number: Double) -> UInt64 {
            let bits = (number + 0).bitPattern
            return bits >> 63 == 0 ? bits | 1 << 63 : ~bits
        }

        /// A total order: no two keys have one position.
        static func precedes(_ lhs: NumericKey, _ rhs: NumericKey) -> Bool {
            if lhs.value != rhs.value { return lhs.value < rhs.value }
            if lhs.created != rhs.created { return lhs.created < rhs.created }
            return lhs.position < rhs.position
        }
    }

    /// Where each position's row was in `lastOrder` (the inverse permutation), or nil unless `lastOrder` holds each
    /// of the positions `0..<count` once. `lastOrder` is taken, not copied (`Reducer` hands over the rows' positions
    /// it let go of), and goes when this returns, before the keys are built: the dashboard's peak memory is what a
    /// sort holds on top, so the hint adds nothing to it (the keys and these places, as the keys and the new order
    /// did before). Inverted in `lastOrder`'s own array instead, following each cycle, the reduce of 100,000 jobs
    /// took ~1 ms longer (a chain of dependent reads), for no lower peak.
    static func places(of lastOrder: consuming [Int32], count: Int) -> [Int32]? {
        let order = lastOrder
        guard order.count == count else { return nil }
        var places = [Int32](repeating: -1, count: count)
        for (row, position) in order.enumerated() {
            let position = Int(position)
            guard position >= 0, position < count, places[position] < 0 else { return nil }
            places[position] = Int32(truncatingIfNeeded: row)
        }
        return places
    }

    /// The same order as the general path for numeric keys. With `places` (for positions that are every position in
    /// `jobs`), each position's key is put at its place there (see `arrange`).
    private static func numericallySorted(
        _ positions: some Collection<Int>, of jobs: JobList, by order: SortOrder, places: consuming [Int32]?
    ) -> [Int32] {
        var keys: [NumericKey]
        // Taken, and let go of once the keys are in place: held through the sort and the new order, it was 400 kB
        // more at the reduce's peak at 100,000 jobs.
        if let places = consume places {
            keys = Array(unsafeUninitializedCapacity: places.count) { buffer, initialized in
                // `places` holds each place once and `positions` every position, so each key is written once.
                forEachKey(of: positions, in: jobs, by: order) { position, key in
                    buffer.initializeElement(at: Int(places[position]), to: key)
                }
                initialized = places.count
            }
        } else {
            keys = []
            keys.reserveCapacity(positions.count)
            forEachKey(of: positions, in: jobs, by: order) { _, key in keys.append(key) }
        }
        // In place: the standard library's merge sort allocates half the keys again (see `InPlaceSort`).
        InPlaceSort.sort(&keys)
        return keys.map { Int32(truncatingIfNeeded: $0.position) }
    }

    /// Calls `body` with each position's sort key, in the order of `positions`.
    @inline(__always)
    private static func forEachKey(
        of positions: some Collection<Int>, in jobs: JobList, by order: SortOrder, _ body: (Int, NumericKey) -> Void
    ) {
        forEachJob(at: positions, in: jobs) { position, tracked in
            // NaN (from a server's data) is no number to order by: a missing key.
            var value: Double?
            if case .number(let number)? = sortValue(tracked, order.key), !number.isNaN {
                value = order.reversed ? -number : number
            }
            body(position, NumericKey(value: value, created: createdSeconds(tracked), position: position))
        }
    }

    /// Calls `body` with each position in `positions` and its job, in that order. Each job's storage is asked for
    /// `storageLead` jobs ahead, then (the storage having come in meanwhile) its identity, which holds the ID and the
    /// creation time, `identityLead` ahead: at 100,000 jobs none is cached from the last snapshot, and the sort's keys
    /// and the filter's matches waited for each in turn.
    @inline(__always)
    private static func forEachJob(
        at positions: some Collection<Int>, in jobs: JobList, _ body: (Int, TrackedJob) -> Void
    ) {
        let storageLead = 16
        let identityLead = 8
        var storageAhead = positions.startIndex
        var identityAhead = positions.startIndex
        for _ in 0..<storageLead where storageAhead != positions.endIndex {
            jobs.prefetchJob(at: positions[storageAhead])
            positions.formIndex(after: &storageAhead)
        }
        for _ in 0..<identityLead where identityAhead != positions.endIndex {
            jobs.prefetchIdentity(at: positions[identityAhead])
            positions.formIndex(after: &identityAhead)
        }
        for position in positions {
            if storageAhead != positions.endIndex {
                jobs.prefetchJob(at: positions[storageAhead])
                positions.formIndex(after: &storageAhead)
            }
            if identityAhead != positions.endIndex {
                jobs.prefetchIdentity(at: positions[identityAhead])
                positions.formIndex(after: &identityAhead)
            }
            body(position, jobs[position])
        }
    }

    /// The creation time that breaks ties (newest first): -infinity, which sorts last, when there is none or it is
    /// NaN (from a server's data: no time to order by, and a comparison with it contradicts itself).
    private static func createdSeconds(_ tracked: TrackedJob) -> Double {
        let seconds = tracked.job.createdAt?.timeIntervalSinceReferenceDate ?? -.infinity
        return seconds.isNaN ? -.infinity : seconds
    }

    /// The primary key of a job for a sort column, ascending; nil sorts last whatever the direction.
    static func sortValue(_ tracked: TrackedJob, _ key: SortKey) -> SortValue? {
        let job = tracked.job
        switch key {
        case .standard, .status: return .number(Double(rank(job.status)))
        case .progress: return job.isProgressKnown ? .number(-JobFigures.percent(reported: job.progressPercent)) : nil
        case .throughput: return tracked.metrics.throughput.map { .number(-$0) }
        case .eta: return tracked.metrics.eta.map { .number($0) }
        case .failed: return .number(-Double(job.failedItems ?? 0))
        case .created: return job.createdAt.map { .number(-$0.timeIntervalSince1970) }
        case .updated: return job.updatedAt.map { .number(-$0.timeIntervalSince1970) }
        case .type: return .text(job.type.description)
        }
    }

    /// Group of a status: 0 running, 1 waiting (pending; throttled, held back by the service) or unknown (which may
    /// be active), 2 failed, 3 finished.
    static func rank(_ status: JobStatus) -> Int {
        switch status {
        case .running, .dispatched: return 0
        case .pending, .throttled, .other: return 1
        case .failed: return 2
        case .completed, .cancelled: return 3
        }
    }

    /// A comparable sort key.
    enum SortValue: Comparable {
        case number(Double)
        case text(String)
    }
}
