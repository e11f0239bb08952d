import CMemoryHints
import LlamaCloud

/// The jobs of a snapshot, in order: a collection like `[TrackedJob]`, kept in chunks of 4,096 jobs that consecutive
/// snapshots share until one of their jobs changes.
///
/// Why chunks: a snapshot and the next share every job that did not change, but with one flat array, writing one job
/// into the next snapshot's copy copied the whole array: every one of 100,000 references retained (and, once the old
/// snapshot went, released), each on a job last touched a cycle ago and no longer cached. A cycle in which every job
/// changed publishes a snapshot for each tenth of the listing as it pages in (`Poller.publishProgress`), so it copied
/// the array ten times. Writing into a `JobList` copies only the chunk written (and the list of chunks, one reference a
/// chunk), so a snapshot costs what changed in it.
public struct JobList: RandomAccessCollection, MutableCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    /// Jobs per chunk: 1 << `chunkShift`. 4,096 makes a chunk's array 32 KiB and more, which the dashboard's malloc
    /// maps on its own and gives back when freed (`MallocTuning`); chunks of 1,024 (8 KiB) came from the heap between
    /// the job storages allocated at the same time, and `churn:100000` peaked 1.4 MB higher (two side-by-side runs).
    @usableFromInline static let chunkShift = 12
    /// Jobs per chunk: the positions of a chunk are `k * chunkLength ..< (k + 1) * chunkLength`.
    public static var chunkLength: Int { 1 << chunkShift }
    /// A position's place within its chunk: the position's low bits.
    @usableFromInline static let chunkMask = (1 << chunkShift) - 1

    /// The chunks, each full but the last.
    @usableFromInline var chunks: [[TrackedJob]] = []
    /// Number of jobs.
    public private(set) var count = 0

    /// No jobs.
    public init() {}

    /// The jobs of `jobs`, in their order.
    public init(_ jobs: some Sequence<TrackedJob>) {
        for job in jobs { append(job) }
    }

    /// The jobs listed, in their order.
    public init(arrayLiteral jobs: TrackedJob...) {
        self.init(jobs)
    }

    /// The first position.
    public var startIndex: Int { 0 }
    /// One past the last position.
    public var endIndex: Int { count }

    /// The job at `position`.
    @inlinable public subscript(position: Int) -> TrackedJob {
        get { chunks[position &>> Self.chunkShift][position & Self.chunkMask] }
        set {
            precondition(position >= 0 && position < count, "JobList position out of range")
            chunks[position &>> Self.chunkShift][position & Self.chunkMask] = newValue
        }
    }

    /// Iterates chunk by chunk (each an array), not position by position through the two-level subscript.
    @inlinable public func makeIterator() -> FlattenSequence<[[TrackedJob]]>.Iterator { chunks.joined().makeIterator() }

    /// Adds a job at the end.
    public mutating func append(_ job: TrackedJob) {
        if count & Self.chunkMask == 0 {
            var chunk: [TrackedJob] = []
            chunk.reserveCapacity(1 << Self.chunkShift)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(job)
        count += 1
    }

    /// Makes room for `capacity` jobs in the list of chunks (each chunk is made whole when it is started).
    public mutating func reserveCapacity(_ capacity: Int) {
        chunks.reserveCapacity((capacity + Self.chunkMask) &>> Self.chunkShift)
    }

    /// The jobs as one array (a copy of every reference).
    public var array: [TrackedJob] { chunks.count == 1 ? chunks[0] : Array(chunks.joined()) }

    /// The position of the first job with this ID, read in the list's order with each job asked for ahead (see
    /// `prefetchJob(at:)`); nil when none has it.
    public func position(of id: JobID) -> Int? {
        let storageLead = 16
        let identityLead = 8
        for ahead in 0..<Swift.min(storageLead, count) { prefetchJob(at: ahead) }
        for ahead in 0..<Swift.min(identityLead, count) { prefetchIdentity(at: ahead) }
        for position in 0..<count {
            prefetchJob(at: position + storageLead)
            prefetchIdentity(at: position + identityLead)
            if self[position].jobID == id { return position }
        }
        return nil
    }

    /// Asks for the storage of the job at `position` (its fields: status, counts, times, metrics) to be brought into
    /// the cache, without waiting: a hint for a caller about to read many jobs in turn, given a few jobs ahead. At
    /// 100,000 jobs none is still cached from the last snapshot, and each read waited in turn for its job to come
    /// from memory (perf, `time-reduce 100000`: the sort's keys). The reference is read as bits, so nothing is
    /// retained (a retain would wait for the object). Does nothing for a position out of range.
    public func prefetchJob(at position: Int) {
        guard let storage = storageAddress(at: position) else { return }
        for offset in stride(from: 0, to: Self.storageBytes, by: 64) { batchtop_prefetch(storage + offset) }
        batchtop_prefetch(storage + (Self.storageBytes - 1))
    }

    /// Asks for the identity of the job at `position` (ID, creation time, type and project) to be brought into the
    /// cache, without waiting; its storage should have been asked for (`prefetchJob(at:)`) a few jobs before, as the
    /// identity's reference is read from it. Does nothing for a position out of range.
    public func prefetchIdentity(at position: Int) {
        guard let identity = identityAddress(at: position) else { return }
        batchtop_prefetch(identity)
    }

    /// The address of the identity of the job at `position`, read as bits from its storage (nil out of range, or if
    /// the layout were ever otherwise).
    func identityAddress(at position: Int) -> UnsafeRawPointer? {
        guard let storage = storageAddress(at: position), let offset = Self.identityOffset else { return nil }
        return UnsafeRawPointer(bitPattern: (storage + offset).load(as: UInt.self))
    }

    /// The address of the storage of the job at `position`, read as bits (nil out of range, or if a job were ever
    /// more than one reference).
    func storageAddress(at position: Int) -> UnsafeRawPointer? {
        guard position >= 0, position < count, MemoryLayout<TrackedJob>.size == MemoryLayout<UInt>.size else {
            return nil
        }
        // Through the buffers, not `chunks[…]`: that hands out a copy of the chunk's array, retained and released.
        return chunks.withUnsafeBufferPointer { chunks in
            chunks[position &>> Self.chunkShift].withUnsafeBufferPointer { chunk in
                chunk.baseAddress.flatMap { base in
                    UnsafeRawPointer(
                        bitPattern: UnsafeRawPointer(base + (position & Self.chunkMask)).load(as: UInt.self))
                }
            }
        }
    }

    /// Bytes of a job's storage: the object's 16-byte header, then its fields.
    private static let storageBytes = 16 + MemoryLayout<TrackedJobStorage.Fields>.size
    /// Where a storage keeps its job's identity's reference, from the object's start.
    private static let identityOffset = MemoryLayout<TrackedJobStorage.Fields>.offset(of: \.job).flatMap { job in
        Job.identityOffset.map { 16 + job + $0 }
    }

    /// True when both lists hold the same jobs in the same order; a chunk shared by both is equal without looking.
    public static func == (lhs: JobList, rhs: JobList) -> Bool {
        lhs.count == rhs.count && lhs.chunks == rhs.chunks
    }

    /// Gives the chunk holding `position` a storage of this list's own when `other` holds the same one: the copy a
    /// first write would make, made here with each job's storage asked for ahead. The copy retains each of the chunk's
    /// 4,096 jobs, and at 100,000 jobs none is cached any more: each retain waited in turn for its job to come from
    /// memory (perf, `time-poll 100000`: the copy was 87 % of the writes into the snapshot's list, 15 % of
    /// `Poller.publishProgress`). Does nothing when the chunk is not `other`'s too.
    public mutating func separateChunk(at position: Int, from other: JobList) {
        guard sharesChunk(at: position, with: other) else { return }
        let index = position &>> Self.chunkShift
        let source = chunks[index]
        let capacity = Swift.max(source.count, Self.chunkLength)
        let canPrefetch = MemoryLayout<TrackedJob>.size == MemoryLayout<UInt>.size
        let lead = 16
        let copy = source.withUnsafeBufferPointer { source in
            [TrackedJob](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                guard let from = source.baseAddress, let to = buffer.baseAddress else { return }
                let references = UnsafeRawPointer(from)
                for offset in 0..<source.count {
                    if canPrefetch, offset + lead < source.count,
                        let storage = UnsafeRawPointer(
                            bitPattern: references.load(
                                fromByteOffset: (offset + lead) * MemoryLayout<TrackedJob>.stride, as: UInt.self))
                    {
                        batchtop_prefetch_for_write(storage)
                    }
                    (to + offset).initialize(to: from[offset])
                }
                initialized = source.count
            }
        }
        chunks[index] = copy
    }

    /// True when the chunk holding `position` is one storage in both lists (a later snapshot reused it unchanged).
    public func sharesChunk(at position: Int, with other: JobList) -> Bool {
        let chunk = position &>> Self.chunkShift
        guard chunk < chunks.count, chunk < other.chunks.count else { return false }
        return chunks[chunk].withUnsafeBufferPointer { mine in
            other.chunks[chunk].withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress }
        }
    }
}
