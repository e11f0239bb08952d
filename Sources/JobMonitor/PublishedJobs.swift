import FoundationEssentials

/// The jobs of the poller's last snapshot, in display order, and the position of each job (by its slot in the job
/// table): the next snapshot starts from these and replaces only the jobs written since or whose metrics move with
/// time.
struct PublishedJobs: Sendable {
    /// The last snapshot's jobs (storage shared with that snapshot, chunk by chunk until one is written).
    var jobs = JobList()
    /// The position in `jobs` of the job in each slot of the job table; -1 for a slot whose job is not in `jobs`.
    var positions: [Int32] = []
    /// The earliest `freshUntil` among `jobs`.
    var vouchedUntil: Date?
    /// The earliest `freshUntil` given by a snapshot published while this cycle's listing paged in (its jobs keep it
    /// in the cycle's own snapshot).
    var earlyVouch: Date?
    /// Bumped whenever the content the publication rule compares changes (see `Poller+Publishing.swift`).
    var contentVersion = 0

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
