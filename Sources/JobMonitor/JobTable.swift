import Foundation
import LlamaCloud

/// The poller's jobs by ID. Every write is noted, so a snapshot redoes only the jobs written since the last one,
/// and the sets discovery asks about each cycle (unfinished, vanished, live beta jobs per listing) are kept up to
/// date as jobs are written instead of being recomputed from all jobs.
struct JobTable: Sendable {
    /// A job's place in the listings: what `Poller.covers` looks at.
    struct ListingKey: Hashable, Sendable {
        let status: JobStatus
        let type: JobType
        /// True when the job is in a directory other than the one discovery is filtered to.
        let outsideDirectory: Bool
    }

    /// The directory discovery lists (`--directory`), if any.
    let directoryFilter: String?

    private(set) var byID: [String: TrackedJob] = [:]
    /// IDs written since the last `takeWritten()`.
    private(set) var written: Set<String> = []
    /// IDs of jobs whose status is not terminal (their metrics move with time; discovery checks their departure).
    private(set) var unfinished: Set<String> = []
    /// IDs of vanished jobs (pruned after the retention).
    private(set) var vanished: Set<String> = []
    /// Live (not vanished) beta jobs per listing key, to count the pages a listing would take.
    private(set) var liveListingCounts: [ListingKey: Int] = [:]

    /// An empty table for discovery filtered to `directoryFilter`.
    init(directoryFilter: String? = nil) {
        self.directoryFilter = directoryFilter
    }

    /// The job with this ID; setting it (nil removes it) notes the write and updates the sets.
    subscript(id: String) -> TrackedJob? {
        get { byID[id] }
        set {
            let old = byID[id]
            byID[id] = newValue
            note(id, from: old, to: newValue)
        }
    }

    /// Stores `new` for its ID when `old` is what the table held (one lookup less than the subscript).
    mutating func replace(_ old: TrackedJob?, with new: TrackedJob) {
        byID[new.id] = new
        note(new.id, from: old, to: new)
    }

    /// Changes fields that only snapshots read (freshness, metrics) in place and returns the job, without noting a
    /// write: the table and the snapshot then share one storage instead of holding a copy each.
    mutating func refresh(_ id: String, _ change: (inout TrackedJob) -> Void) -> TrackedJob? {
        guard let index = byID.index(forKey: id) else { return nil }
        change(&byID.values[index])
        return byID.values[index]
    }

    /// Every job, in no particular order.
    var values: Dictionary<String, TrackedJob>.Values { byID.values }
    /// Number of jobs.
    var count: Int { byID.count }

    /// The IDs written since the last call, forgetting them.
    mutating func takeWritten() -> Set<String> {
        let taken = written
        // Sized for as many as last time, so a cycle that writes 100,000 jobs does not grow the set from empty.
        written = Set(minimumCapacity: taken.count)
        return taken
    }

    /// Notes a write; the sets and counts change only when the fields they depend on did.
    private mutating func note(_ id: String, from old: TrackedJob?, to new: TrackedJob?) {
        written.insert(id)
        let oldUnfinished = old.map { !$0.job.status.isTerminal } ?? false
        let newUnfinished = new.map { !$0.job.status.isTerminal } ?? false
        if oldUnfinished != newUnfinished || old == nil {
            if newUnfinished { unfinished.insert(id) } else { unfinished.remove(id) }
        }
        let oldVanished = old?.isVanished ?? false
        let newVanished = new?.isVanished ?? false
        if oldVanished != newVanished || old == nil {
            if newVanished { vanished.insert(id) } else { vanished.remove(id) }
        }
        let oldKey = old.flatMap { Self.liveKey($0, directoryFilter: directoryFilter) }
        let newKey = new.flatMap { Self.liveKey($0, directoryFilter: directoryFilter) }
        guard oldKey != newKey else { return }
        if let oldKey {
            let remaining = (liveListingCounts[oldKey] ?? 0) - 1
            liveListingCounts[oldKey] = remaining > 0 ? remaining : nil
        }
        if let newKey { liveListingCounts[newKey, default: 0] += 1 }
    }

    /// The listing key of a live beta job; nil for vanished jobs and v2 batches.
    private static func liveKey(_ tracked: TrackedJob, directoryFilter: String?) -> ListingKey? {
        guard !tracked.isVanished, tracked.job.api == .v1 else { return nil }
        let directory = tracked.job.directoryID
        let outside = directoryFilter != nil && directory != nil && directory != directoryFilter
        return ListingKey(status: tracked.job.status, type: tracked.job.type, outsideDirectory: outside)
    }
}
