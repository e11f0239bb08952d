import CMemoryHints
import FoundationEssentials
import LlamaCloud

/// The poller's jobs, each in a numbered slot found by ID once. Every write is noted, so a snapshot redoes only the
/// jobs written since the last one, and what discovery asks about each cycle (unfinished, vanished, listed in this
/// listing, live beta jobs per listing) is kept as flags and counts beside each job instead of sets of IDs.
///
/// A 100,000-job cycle used to hash every job's ID about ten times (the table, the written, unfinished and listed
/// sets, the snapshot's positions, twice in the metrics); with slots, the ID is hashed once per page arrival and
/// the rest are array reads. Freed slots are reused by later jobs.
struct JobTable: Sendable {
    /// A job's place in the listings: what `Poller.covers` looks at.
    struct ListingKey: Hashable, Sendable {
        let status: JobStatus
        let type: JobType
        /// True when the job is in a directory other than the one discovery is filtered to.
        let outsideDirectory: Bool
    }

    /// One slot: the job (nil when the slot is free), its cached history and its flags.
    private struct Entry: Sendable {
        var job: TrackedJob?
        /// The job's history in the metrics tracker's store, once looked up (see `MetricsTracker.record`).
        var history: HistoryBox?
        /// The listing (by number) that last stored the job.
        var listedIn: UInt32 = 0
        var isWritten = false
        var isUnfinished = false
        var isVanished = false
        /// Shown while the first listing paged in, not yet placed in listing order (see `ListingState`).
        var isShownEarly = false
    }

    /// The directory discovery lists (`--directory`), if any.
    let directoryFilter: String?

    /// Each job's slot by ID (the IDs are read from the jobs in the slots: see `SlotIndex`).
    private var slots = SlotIndex()
    private var entries: [Entry] = []
    private var freeSlots: [Int] = []
    /// Slots written since the last `clearWritten()`.
    private(set) var writtenSlots: [Int] = []
    /// One bit per slot: refreshed for a snapshot published while the listing paged in (see
    /// `Poller.publishProgress`), so the cycle's own snapshot does not redo it. Beside the entries, not in them: a
    /// fifth flag in `Entry` would take it from 24 to 32 bytes a slot.
    private var refreshedEarly: [UInt64] = []
    /// The versions `store(job:fetchedAt:highestProcessed:at:)` replaced, for later versions to be written into.
    private var recycler = VersionRecycler()
    /// Number of jobs whose status is not terminal (their metrics move with time; discovery checks their departure).
    private(set) var unfinishedCount = 0
    /// Number of vanished jobs (pruned after the retention).
    private(set) var vanishedCount = 0
    /// Live (not vanished) beta jobs per listing key, to count the pages a listing would take.
    private(set) var liveListingCounts: [ListingKey: Int] = [:]
    /// Number of jobs.
    private(set) var count = 0
    /// Bumped by every write that changes a job's status, identity, vanishing or what the table filter reads of a v2
    /// batch (its configuration type, a cancel under way), adds a job or frees its slot, and by `noteOrderChanged()`:
    /// what `Snapshot.rowOrderVersion` carries.
    private(set) var orderKeysVersion = 0

    /// An empty table for discovery filtered to `directoryFilter`.
    init(directoryFilter: String? = nil) {
        self.directoryFilter = directoryFilter
    }

    /// The job with this ID (see `subscript(id: JobID)`).
    subscript(id: String) -> TrackedJob? {
        get { self[JobID(id)] }
        set { self[JobID(id)] = newValue }
    }

    /// The job with this ID; setting it (nil removes it) notes the write and updates the flags.
    subscript(id: JobID) -> TrackedJob? {
        get { slot(of: id).flatMap { entries[$0].job } }
        set {
            if let slot = slot(of: id) {
                if let newValue {
                    store(newValue, at: slot)
                } else {
                    remove(slot: slot, id: id)
                }
            } else if let newValue {
                insert(newValue)
            }
        }
    }

    /// The slot of the job with this ID, if the table holds it.
    func slot(of id: String) -> Int? { slot(of: JobID(id)) }

    /// The slot of the job with this ID, if the table holds it.
    @inline(__always) func slot(of id: JobID) -> Int? {
        // A loop, not `slots.slot(of:matches:)`: with a closure reading `entries`, the poller copied the whole table
        // (retaining each of its arrays and its dictionary) for every lookup, ~450 instructions a listed job.
        firstSlot(holding: id, among: slots.candidates(for: id))
    }

    /// The first of `candidates` whose job has this ID (the index keeps hash bits, not IDs).
    @inline(__always) private func firstSlot(holding id: JobID, among candidates: SlotIndex.Candidates) -> Int? {
        var candidates = candidates
        while let slot = candidates.next() {
            if entries[slot].job?.jobID == id { return slot }
        }
        return nil
    }

    /// `slot(of:)`, read in place, for an ID whose `indexHash(of:)` the caller worked out already: `mutating` only so
    /// that a caller holding the table in a class property (the poller) passes it by address; a non-mutating call made
    /// it copy the whole table first (retaining and releasing each of its arrays), ~450 instructions for every listed
    /// job (callgrind).
    @inline(__always) mutating func slotInPlace(of id: JobID, hashed hash: UInt32) -> Int? {
        firstSlot(holding: id, among: slots.candidates(hashed: hash))
    }

    /// The hash the index looks `id` up by: worked out once by a caller that looks an ID up more than once
    /// (`Poller.absorb`: the index bucket ahead, the job ahead, then the slot), ~40 instructions each time.
    @inline(__always) static func indexHash(of id: JobID) -> UInt32 { SlotIndex.hash(id) }

    /// Asks for the index bucket where a lookup of the ID with this `indexHash(of:)` starts to be brought into the
    /// cache, without waiting: the first of two steps taken a few jobs ahead of storing a listed job (`Poller.absorb`;
    /// the second is `prefetchJob(hashed:)`). At 100,000 jobs nothing of a job's is still cached from the last cycle,
    /// and each lookup and store waited in turn for the bucket, the job's storage and its history to come from memory
    /// (perf: two thirds of the listing's own time in two loads); asked for ahead, those waits overlap. `mutating`
    /// only to be passed by address, as `slotInPlace(of:hashed:)`.
    @inline(__always) mutating func prefetchIndex(hashed hash: UInt32) { slots.prefetchBucket(hashed: hash) }

    /// Asks for the storage and the cached history of the job the first matching index bucket names to be brought
    /// into the cache, without waiting (its bucket was asked for by `prefetchIndex(hashed:)` a few jobs before). Both
    /// references are read as bits from the slot, so neither object is retained (a retain would wait for it).
    @inline(__always) mutating func prefetchJob(hashed hash: UInt32) {
        var candidates = slots.candidates(hashed: hash)
        guard let slot = candidates.next() else { return }
        prefetchJob(inSlot: slot)
    }

    /// Asks for the storage and the cached history of the job in `slot` to be brought into the cache, without waiting
    /// (see `prefetchJob(hashed:)`; `Poller.publishProgress` asks for the jobs it is about to publish).
    @inline(__always) mutating func prefetchJob(inSlot slot: Int) {
        let offsets = entryOffsets
        entries.withUnsafeBufferPointer { entries in Self.prefetchJob(inSlot: slot, of: entries, offsets) }
    }

    /// Asks for the first cache line of the storage of the job in `slot` (its reference count) to be brought in, ready
    /// to be written, without waiting: `PublishedJobs.replace` retains each new version it puts in place, and half of
    /// them were last written by the other thread (`refreshAll`), so each retain waited for the line to cross cores.
    @inline(__always) mutating func prefetchReferenceCount(inSlot slot: Int) {
        let offset = entryOffsets.job
        entries.withUnsafeBufferPointer { entries in
            if let storage = UnsafeRawPointer(bitPattern: Self.reference(at: offset, inSlot: slot, of: entries)) {
                batchtop_prefetch_for_write(storage)
            }
        }
    }

    /// The reference an entry keeps at `offset` (see `EntryOffsets`), read as bits, so that nothing is retained; zero
    /// for no object, an unknown layout (nil offset) or a slot out of range.
    @inline(__always)
    private static func reference(at offset: Int?, inSlot slot: Int, of entries: UnsafeBufferPointer<Entry>) -> UInt {
        guard let offset, let base = entries.baseAddress, slot < entries.count else { return 0 }
        return UnsafeRawPointer(base + slot).load(fromByteOffset: offset, as: UInt.self)
    }

    /// `prefetchJob(inSlot:)` through the entries' buffer (`refreshAll` holds it): the job's storage and history box
    /// read as bits from the entry, so neither is retained.
    @inline(__always)
    private static func prefetchJob(
        inSlot slot: Int, of entries: UnsafeBufferPointer<Entry>, _ offsets: EntryOffsets
    ) {
        prefetch(reference(at: offsets.job, inSlot: slot, of: entries), bytes: storageBytes)
        prefetch(reference(at: offsets.history, inSlot: slot, of: entries), bytes: historyBoxBytes)
    }

    /// Where an entry keeps its job's and its history's references, when each is one word (nil as zero): the bits
    /// `prefetchJob(inSlot:)` reads. Nil if the layout were ever otherwise: nothing is then prefetched. Worked out once
    /// for each table and kept in it: as static constants, each read went through `swift_once`, four times for every
    /// job a cycle prefetches (callgrind, `poll 10000 4`).
    private let entryOffsets = EntryOffsets()

    /// The offsets `entryOffsets` holds.
    private struct EntryOffsets: Sendable {
        let job =
            MemoryLayout<TrackedJob?>.size == MemoryLayout<UInt>.size ? MemoryLayout<Entry>.offset(of: \.job) : nil
        let history =
            MemoryLayout<HistoryBox?>.size == MemoryLayout<UInt>.size ? MemoryLayout<Entry>.offset(of: \.history) : nil
    }

    /// Bytes of a job's storage and of a history box: a 16-byte object header and their stored properties (184 and 104
    /// now: three or four cache lines, two or three). Computed, so that they fold to constants.
    static var storageBytes: Int { 16 + MemoryLayout<TrackedJobStorage.Fields>.size }
    private static var historyBoxBytes: Int { 16 + MemoryLayout<ProgressHistory>.size + MemoryLayout<HistoryLock>.size }

    /// Asks for every cache line of the object at `address` (zero: none) to be brought in, ready to be written (also
    /// `VersionRecycler`'s, for the storage it writes next).
    @inline(__always)
    static func prefetch(_ address: UInt, bytes: Int) {
        guard let object = UnsafeRawPointer(bitPattern: address) else { return }
        for offset in stride(from: 0, to: bytes, by: 64) { batchtop_prefetch_for_write(object + offset) }
        batchtop_prefetch_for_write(object + (bytes - 1))
    }

    /// The job in an occupied slot.
    subscript(slot slot: Int) -> TrackedJob? {
        @inline(__always) get { entries[slot].job }
    }

    /// Stores `new` in the slot of the job it replaces (noting the write).
    ///
    /// The old version is moved out of the slot and `new` moved in: one reference-count change a stored job instead
    /// of five. (perf, `time-poll 100000`: the retain of the old version had been ~5 % of `absorb`; the wait moved
    /// into `note`'s first read of it, as the version is not cached, so the cycle took about as long.)
    mutating func store(_ new: consuming TrackedJob, at slot: Int) {
        var old: TrackedJob?
        swap(&old, &entries[slot].job)
        note(slot, from: old, to: new)
        entries[slot].job = consume new
    }

    /// Stores a new version of the job in `slot`, as `store(_:at:)` does with `TrackedJob(job:fetchedAt:
    /// highestProcessed:)`, written into the storage of a version replaced earlier that nothing holds any more
    /// (`VersionRecycler`); the version it replaces is kept for that in turn (moved, not released) when the table
    /// holds `VersionRecycler.minimumJobs` jobs or more.
    mutating func store(job: consuming Job, fetchedAt: Date, highestProcessed: Int?, at slot: Int) {
        let new = recycler.version(job: job, fetchedAt: fetchedAt, highestProcessed: highestProcessed)
        var old: TrackedJob?
        swap(&old, &entries[slot].job)
        note(slot, from: old, to: new)
        entries[slot].job = consume new
        if count >= VersionRecycler.minimumJobs, let replaced = old.take() { recycler.keep(replaced) }
    }

    /// Takes the replaced versions kept beyond as many as were asked for since the last call (a cycle keeps what the
    /// next one like it would use; jobs that stopped changing leave none) and returns them, for the caller to let go of.
    mutating func trimRecycler() -> [TrackedJob] {
        recycler.trim(keeping: recycler.asked)
    }

    /// Notes that the display order of the jobs changed (see `orderKeysVersion`).
    mutating func noteOrderChanged() { orderKeysVersion &+= 1 }

    /// Stores a job the table does not hold yet in a free slot and returns it.
    @discardableResult
    mutating func insert(_ new: TrackedJob) -> Int {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            entries[slot] = Entry()
        } else {
            slot = entries.count
            entries.append(Entry())
        }
        entries[slot].job = new
        slots.insert(new.jobID, slot: slot)
        count += 1
        note(slot, from: nil, to: new)
        return slot
    }

    /// Changes fields that only snapshots read (freshness, metrics) in place and returns the job, without noting a
    /// write: the table and the snapshot then share one storage instead of holding a copy each.
    mutating func refresh(slot: Int, _ change: (inout TrackedJob, HistoryBox?) -> Void) -> TrackedJob? {
        // Taken out while it changes, so that a storage only the table holds is changed in place, not copied.
        guard var job = entries[slot].job else { return nil }
        entries[slot].job = nil
        change(&job, entries[slot].history)
        entries[slot].job = job
        return job
    }

    /// `refresh(slot:_:)` for the job in each of `slots` (none twice), on two threads when there are many
    /// (`SharedLoop`): each job's storage is changed by the one thread that claims its slot, and `change` must touch
    /// nothing but its arguments and what it captured. The poller's snapshots refresh every changed job (its metrics
    /// worked out from its history, ~650 instructions a job, callgrind): half of that moves to the second core.
    /// Fewer than `minimumShared` slots are refreshed on the calling thread alone.
    ///
    /// `change` is also given the job's index in `slots` and the outcome of its block of `refreshBlock` indices (each
    /// block's starts as `outcome`); the outcomes are returned in block order, for the caller to sum up. The poller
    /// works out there what placing the refreshed job in its snapshot changes (`Poller.refreshForPlacing`).
    mutating func refreshAll<Outcome: Sendable>(
        _ slots: [Int], minimumShared: Int, outcome: Outcome,
        _ change: @escaping @Sendable (inout TrackedJob, HistoryBox?, _ index: Int, inout Outcome) -> Void
    ) -> [Outcome] {
        let offsets = entryOffsets
        let blockSize = Self.refreshBlock
        var outcomes = [Outcome](repeating: outcome, count: max(1, (slots.count + blockSize - 1) / blockSize))
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            entries.withUnsafeMutableBufferPointer { entries in
                // Each thread writes only the entries of the slots it claimed and the outcomes of its blocks, and the
                // caller holds the table (this `mutating` call) and the outcomes until both are done, so neither
                // buffer moves nor is written by anyone else.
                nonisolated(unsafe) let entries = entries
                nonisolated(unsafe) let outcomes = outcomes
                SharedLoop.run(count: slots.count, blockSize: blockSize, minimumShared: minimumShared) { block in
                    let lead = 8
                    // Below `minimumShared` the whole loop is one block: its outcome is the first.
                    var outcome = outcomes[block.lowerBound / blockSize]
                    for index in block {
                        if index + lead < block.upperBound {
                            Self.prefetchJob(inSlot: slots[index + lead], of: UnsafeBufferPointer(entries), offsets)
                        }
                        let slot = slots[index]
                        // Taken out while it changes, as in `refresh(slot:_:)`.
                        guard var job = entries[slot].job else { continue }
                        entries[slot].job = nil
                        change(&job, entries[slot].history, index, &outcome)
                        entries[slot].job = job
                    }
                    outcomes[block.lowerBound / blockSize] = outcome
                }
            }
        }
        return outcomes
    }

    /// Indices of a `refreshAll` loop each thread claims at a time.
    static let refreshBlock = 64

    /// The cached history of the job in `slot` (nil until `setHistory`).
    func history(slot: Int) -> HistoryBox? { entries[slot].history }

    /// Caches the job's history in its slot.
    mutating func setHistory(_ history: HistoryBox?, slot: Int) {
        entries[slot].history = history
    }

    /// Marks the job in `slot` as stored by listing number `listing`; false when that listing stored it already.
    mutating func markListed(_ slot: Int, in listing: UInt32) -> Bool {
        guard entries[slot].listedIn != listing else { return false }
        entries[slot].listedIn = listing
        return true
    }

    /// Marks the job in `slot` as shown while the first listing pages in.
    mutating func markShownEarly(_ slot: Int) {
        entries[slot].isShownEarly = true
    }

    /// Clears the mark `markShownEarly` set and returns whether it was set.
    mutating func unmarkShownEarly(_ slot: Int) -> Bool {
        defer { entries[slot].isShownEarly = false }
        return entries[slot].isShownEarly
    }

    /// True when listing number `listing` stored the job in `slot`.
    func isListed(slot: Int, in listing: UInt32) -> Bool { entries[slot].listedIn == listing }

    /// Marks the job in `slot` as refreshed for a snapshot published while the listing paged in.
    mutating func markRefreshedEarly(_ slot: Int) {
        let word = slot >> 6
        if word >= refreshedEarly.count {
            refreshedEarly.append(contentsOf: repeatElement(0, count: word + 1 - refreshedEarly.count))
        }
        refreshedEarly[word] |= 1 << UInt64(slot & 63)
    }

    /// True when the job in `slot` was refreshed for a snapshot published while the listing paged in (and not since
    /// `clearRefreshedEarly()`).
    func isRefreshedEarly(_ slot: Int) -> Bool {
        let word = slot >> 6
        return word < refreshedEarly.count && refreshedEarly[word] & (1 << UInt64(slot & 63)) != 0
    }

    /// Forgets which jobs were refreshed early.
    mutating func clearRefreshedEarly() {
        refreshedEarly.removeAll(keepingCapacity: true)
    }

    /// True when the slot was written since the last `clearWritten()`.
    func isWritten(_ slot: Int) -> Bool { entries[slot].isWritten }

    /// True when the job in the slot is unfinished.
    func isUnfinished(_ slot: Int) -> Bool { entries[slot].isUnfinished }

    /// Forgets which slots were written.
    mutating func clearWritten() {
        for slot in writtenSlots { entries[slot].isWritten = false }
        // Sized for as many as last time, so a cycle that writes 100,000 jobs does not grow the list from empty.
        writtenSlots.removeAll(keepingCapacity: true)
    }

    /// The slots of unfinished jobs, in slot order.
    var unfinishedSlots: [Int] {
        guard unfinishedCount > 0 else { return [] }
        var found: [Int] = []
        found.reserveCapacity(unfinishedCount)
        for slot in entries.indices where entries[slot].isUnfinished { found.append(slot) }
        return found
    }

    /// The IDs of vanished jobs.
    var vanishedIDs: [JobID] {
        guard vanishedCount > 0 else { return [] }
        return entries.compactMap { $0.isVanished ? $0.job?.jobID : nil }
    }

    /// Every job, in no particular order.
    var values: [TrackedJob] { entries.compactMap(\.job) }

    /// Number of slots, free ones included (slot numbers are below it).
    var capacity: Int { entries.count }

    /// Frees a slot (its history cache goes with it).
    private mutating func remove(slot: Int, id: JobID) {
        let old = entries[slot].job
        if isRefreshedEarly(slot) { refreshedEarly[slot >> 6] &= ~(1 << UInt64(slot & 63)) }
        note(slot, from: old, to: nil)
        entries[slot] = Entry()
        slots.remove(id, slot: slot)
        freeSlots.append(slot)
        count -= 1
    }

    /// Notes a write; the flags and counts change only when the fields they depend on did.
    private mutating func note(_ slot: Int, from old: TrackedJob?, to new: TrackedJob?) {
        if !entries[slot].isWritten {
            entries[slot].isWritten = true
            writtenSlots.append(slot)
        }
        // A new version of a job with the same status, vanishing and identity (API, type, directory) keeps its flags
        // and listing key: most writes, for which working the keys out took ~670 instructions. (The filter's facts of
        // a v2 batch are compared too: they move only the version.)
        if let old, let new, old.isVanished == new.isVanished, old.hasSameRowKeys(as: new) {
            return
        }
        orderKeysVersion &+= 1
        let unfinished = new.map { !$0.storage.fields.job.hasTerminalStatus } ?? false
        if unfinished != entries[slot].isUnfinished {
            entries[slot].isUnfinished = unfinished
            unfinishedCount += unfinished ? 1 : -1
        }
        let vanished = new?.isVanished ?? false
        if vanished != entries[slot].isVanished {
            entries[slot].isVanished = vanished
            vanishedCount += vanished ? 1 : -1
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
