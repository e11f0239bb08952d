import CMemoryHints
import FoundationEssentials

/// The job versions a `JobTable` replaced, oldest first, for new versions to be written into once nothing else holds
/// them (`TrackedJob.version(job:fetchedAt:highestProcessed:reusing:)`).
///
/// Why: when every job changes, each cycle makes a new version of every job and, a few snapshots later, frees the one
/// before on `BackgroundRelease`'s thread. Freeing a version releases its identity and its history box, whose
/// reference counts the other threads wrote last, and gives the memory back to malloc for the poller to take again:
/// at 100,000 jobs that thread spent about a third of its time there (perf, `time-poll 100000 20`), time the second
/// core did not give to the cycle's shared work. A replaced version nothing holds any more takes the next version's
/// fields in place instead: its old references are released on the poller's thread, asked for a few versions ahead
/// (`prefetchAhead()`), and nothing is allocated or freed. Only in a table of `minimumJobs` jobs or more: below, the
/// release queue is not used either, and a small dashboard keeps no ring.
///
/// A replaced version is still held by the snapshot on screen until the next one is published and taken (every
/// `PollerConfiguration.progressivePublishShare` of the jobs while a listing pages in), so the oldest is the first to
/// be free; one that is not is left for the next store, and a new storage is made. The queue keeps at most `limit`
/// versions, and `trim(keeping:)` lets go of what a cycle did not need, so that jobs that stopped changing leave
/// nothing behind. Held here, a version costs what it cost freed: malloc kept its memory for the next version.
struct VersionRecycler: Sendable {
    /// Most versions kept: more than the snapshots still hold at 100,000 jobs when every job changes (about two tenths
    /// of them: ~19,300 kept in `time-poll 100000`), so that the oldest is free by its turn. 5.8 MB of storages at most.
    static let limit = 32_768

    /// Fewest jobs in the table for replaced versions to be kept (`JobTable.store(job:fetchedAt:highestProcessed:at:)`).
    static let minimumJobs = BackgroundRelease.minimumCount

    /// The versions, in a ring of `limit` once the first arrives: `count` of them from `head` on.
    private var ring: [TrackedJob?] = []
    private var head = 0
    /// Number of versions kept.
    private(set) var count = 0
    /// Versions asked for (`version(job:fetchedAt:highestProcessed:)`) since the last `trim(keeping:)`.
    private(set) var asked = 0

    /// An empty queue.
    init() {}

    /// `TrackedJob(job:fetchedAt:highestProcessed:)`, written into the oldest version kept when nothing else holds it
    /// any more, else into a new storage.
    mutating func version(job: consuming Job, fetchedAt: Date, highestProcessed: Int?) -> TrackedJob {
        asked += 1
        var oldest: TrackedJob?
        // Checked where it is (in place through the array and the optional): a copy would be a second holder.
        if count > 0, ring[head]?.isSoleHolder() == true {
            swap(&oldest, &ring[head])
            head = (head + 1) & (Self.limit - 1)
            count -= 1
            prefetchAhead()
        }
        return TrackedJob.version(job: job, fetchedAt: fetchedAt, highestProcessed: highestProcessed, reusing: &oldest)
    }

    /// Keeps `replaced` (a version the table let go of), the newest; with `limit` kept, lets go of it instead (the
    /// oldest is still held, or it would have been taken: a project so large that the snapshots hold more replaced
    /// versions than this).
    mutating func keep(_ replaced: consuming TrackedJob) {
        guard count < Self.limit else { return }
        if ring.isEmpty { ring = Array(repeating: nil, count: Self.limit) }
        ring[(head + count) & (Self.limit - 1)] = consume replaced
        count += 1
    }

    /// Takes out the oldest versions beyond the newest `kept` and returns them, for the caller to let go of; the count
    /// of versions asked for starts again from zero.
    mutating func trim(keeping kept: Int) -> [TrackedJob] {
        asked = 0
        var dropped: [TrackedJob] = []
        while count > max(0, kept) {
            var oldest: TrackedJob?
            swap(&oldest, &ring[head])
            if let oldest { dropped.append(oldest) }
            head = (head + 1) & (Self.limit - 1)
            count -= 1
        }
        if count == 0 { ring = [] }
        return dropped
    }

    /// Asks ahead for what taking the oldest version will touch, without waiting and without retaining anything (the
    /// references are read as bits from the ring and the storage): the storage of the version 32 turns from now, ready
    /// to be written (its reference count is checked then and every field written), and the objects whose references
    /// the version 16 turns from now holds, its storage having come in meanwhile (its identity, extras and history box,
    /// released when it takes new fields; another job's, last touched one or two progressive snapshots ago). perf,
    /// `time-poll 100000 20`: the releases of a reused version's old fields went from 1,116 of the poller thread's
    /// samples to 75 with the objects asked for 8 turns ahead; 16 and 32 were a little faster than 8 and 16.
    private func prefetchAhead() {
        guard count > 16 else { return }
        ring.withUnsafeBufferPointer { ring in
            guard ring.count == Self.limit, let base = ring.baseAddress, let offsets = offsets else { return }
            if count > 32 {
                JobTable.prefetch(Self.storage(at: (head + 32) & (Self.limit - 1), of: base), bytes: JobTable.storageBytes)
            }
            guard let storage = UnsafeRawPointer(bitPattern: Self.storage(at: (head + 16) & (Self.limit - 1), of: base))
            else { return }
            Self.prefetchObject(referencedAt: offsets.identity, in: storage)
            Self.prefetchObject(referencedAt: offsets.extras, in: storage)
            Self.prefetchObject(referencedAt: offsets.history, in: storage)
        }
    }

    /// Asks for the first line of the object whose reference `storage` keeps at `offset` (none: nothing), ready to be
    /// written. The word may carry an enum's case in its spare bits (the history's does): the top byte and the low
    /// three bits are cleared first.
    @inline(__always)
    private static func prefetchObject(referencedAt offset: Int, in storage: UnsafeRawPointer) {
        let bits = storage.load(fromByteOffset: offset, as: UInt.self) & 0x00FF_FFFF_FFFF_FFF8
        if let object = UnsafeRawPointer(bitPattern: bits) { batchtop_prefetch_for_write(object) }
    }

    /// The address of the storage of the version at `index` of the ring (zero: none), read as bits.
    @inline(__always)
    private static func storage(at index: Int, of ring: UnsafePointer<TrackedJob?>) -> UInt {
        UnsafeRawPointer(ring + index).load(as: UInt.self)
    }

    /// Where a storage keeps the references a version releases when it takes new fields, from the object's start.
    private struct ReferenceOffsets: Sendable {
        let identity: Int
        let extras: Int
        let history: Int

        /// The offsets, if every reference is one word and `TrackedJob?` is one too (else nil: nothing is asked for).
        static func find() -> ReferenceOffsets? {
            let job = Job.referenceOffsets
            guard MemoryLayout<TrackedJob?>.size == MemoryLayout<UInt>.size,
                let jobAt = MemoryLayout<TrackedJobStorage.Fields>.offset(of: \.job),
                let metricsAt = MemoryLayout<TrackedJobStorage.Fields>.offset(of: \.metrics),
                let identity = job.identity, let extras = job.extras,
                let history = JobMetrics.historyReferenceOffset
            else { return nil }
            return ReferenceOffsets(
                identity: 16 + jobAt + identity, extras: 16 + jobAt + extras, history: 16 + metricsAt + history)
        }
    }

    /// Worked out once for each queue (as a static constant, each read would go through `swift_once`).
    private let offsets = ReferenceOffsets.find()
}
