import FoundationEssentials

/// The jobs of the poller's last snapshot, in display order, and the position of each job (by its slot in the job
/// table): the next snapshot starts from these and replaces only the jobs written since or whose metrics move with
/// time.
struct PublishedJobs: Sendable {
    /// The last snapshot's jobs (storage shared with that snapshot, chunk by chunk until one is written). Written only
    /// through `replace(at:tallyChange:sent:ahead:_:)` and `replaceAll(with:tally:)`, which keep `tally` the aggregate
    /// of these jobs.
    private(set) var jobs = JobList()
    /// The header's totals over `jobs`, kept as each job is replaced (see `AggregateTally`); every snapshot carries
    /// them (`Snapshot.summary`).
    private(set) var tally = AggregateTally()
    /// The position in `jobs` of the job in each slot of the job table; -1 for a slot whose job is not in `jobs`.
    var positions: [Int32] = []
    /// The earliest `freshUntil` among `jobs`.
    var vouchedUntil: Date?
    /// The earliest `freshUntil` given by a snapshot published while this cycle's listing paged in (its jobs keep it
    /// in the cycle's own snapshot).
    var earlyVouch: Date?
    /// Bumped whenever the content the publication rule compares changes (see `Poller+Publishing.swift`).
    var contentVersion = 0

    /// Puts the job `job(index)` at `positions[index]` in place of the job there, for each index whose position is not
    /// negative, and adds `tallyChange` to the totals: the sum of each job's share less the share of the version it
    /// replaces, worked out before (on two threads: `Poller.refreshForPlacing`). `sent`: the jobs of the snapshot sent
    /// last, which share this list's chunks until one is written (see `JobList.separateChunk`).
    mutating func replace(
        at positions: [Int32], tallyChange: AggregateTally, sent: JobList?, ahead: (_ index: Int) -> Void,
        _ job: (_ index: Int) -> TrackedJob?
    ) {
        tally.add(tallyChange)
        // The version each replaces is asked for ahead: the write releases it, and at 100,000 jobs it is not cached.
        // So is the new one, through `ahead` (the caller's prefetch of `job(index)`, which this retains).
        let lead = 8
        for (index, position) in positions.prefix(lead).enumerated() {
            jobs.prefetchJob(at: Int(position))
            ahead(index)
        }
        for (index, position) in positions.enumerated() {
            if index + lead < positions.count {
                jobs.prefetchJob(at: Int(positions[index + lead]))
                ahead(index + lead)
            }
            guard position >= 0, let job = job(index) else { continue }
            if let sent { jobs.separateChunk(at: Int(position), from: sent) }
            jobs[Int(position)] = job
        }
    }

    /// Replaces all the jobs; `tally` must be their aggregate (built as they were gathered).
    mutating func replaceAll(with jobs: JobList, tally: AggregateTally) {
        self.jobs = jobs
        self.tally = tally
    }

    /// The position in `jobs` of the job in `slot`, if it is there.
    func position(ofSlot slot: Int) -> Int? {
        guard slot < positions.count, positions[slot] >= 0 else { return nil }
        return Int(positions[slot])
    }

    /// The position in `jobs` of the job the table holds in `slot`, if it is there (not another job that had the slot
    /// before).
    func position(ofJobIn slot: Int, of table: JobTable) -> Int? {
        guard let position = position(ofSlot: slot), jobs[position].jobID == table[slot: slot]?.jobID else {
            return nil
        }
        return position
    }
}
