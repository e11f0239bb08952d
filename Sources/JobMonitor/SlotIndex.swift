import CMemoryHints
import LlamaCloud

/// The job table's ID → slot index: open addressing with linear probing, 8 bytes a bucket (the slot and 32 bits of the
/// ID's hash). The IDs themselves are not kept here: a lookup compares the ID of the job in a candidate slot, which the
/// caller reads (`matches`), and only for buckets whose stored hash bits are equal.
///
/// It replaces a `[String: Int32]` whose 100,000-job table took 5.3 MB (262,144 buckets of a 16-byte key and a 4-byte
/// value, the keys sharing the jobs' ID strings); this one takes 2 MB at that size. Hashes come from `IDHash`, seeded
/// per process like `Dictionary`'s, so IDs chosen to collide cannot be precomputed.
struct SlotIndex: Sendable {
    /// One bucket: a slot (`empty` when free) and the low 32 bits of its ID's hash.
    fileprivate struct Bucket: Sendable {
        var slot: Int32
        var hash: UInt32
    }

    fileprivate static let empty: Int32 = -1
    /// The smallest table, in buckets (a power of two).
    private static let minimumCapacity = 16

    private var buckets: [Bucket] = []
    /// Number of IDs indexed.
    private(set) var count = 0

    /// An empty index.
    init() {}

    /// The slot of `id`, if indexed; `matches(slot)` says whether the job in that slot has this ID.
    @inline(__always)
    func slot(of id: JobID, matches: (Int) -> Bool) -> Int? {
        var candidates = candidates(for: id)
        while let slot = candidates.next() {
            if matches(slot) { return slot }
        }
        return nil
    }

    /// The slots whose stored hash bits equal `id`'s, in probe order: the caller compares the ID of the job in each.
    /// (A loop over these, rather than `slot(of:matches:)`, lets a caller whose table is a stored property of a class
    /// read it in place: a closure reading the table made the caller copy the whole table for every lookup.)
    @inline(__always)
    func candidates(for id: JobID) -> Candidates {
        Candidates(buckets: buckets, hash: count > 0 ? Self.hash(id) : 0, isEmpty: count == 0)
    }

    /// `candidates(for:)` for an ID whose `hash(_:)` the caller worked out already (`Poller.absorb` works out each
    /// listed ID's once for its three uses).
    @inline(__always)
    func candidates(hashed hash: UInt32) -> Candidates {
        Candidates(buckets: buckets, hash: hash, isEmpty: count == 0)
    }

    /// The slots whose bucket holds a given hash, in probe order (see `candidates(for:)`).
    struct Candidates: IteratorProtocol {
        private let buckets: [Bucket]
        private let hash: UInt32
        private let mask: Int
        private var position: Int
        private var isDone: Bool

        fileprivate init(buckets: [Bucket], hash: UInt32, isEmpty: Bool) {
            self.buckets = buckets
            self.hash = hash
            mask = buckets.count - 1
            position = isEmpty ? 0 : Int(hash) & mask
            isDone = isEmpty
        }

        /// The next slot whose stored hash matches; nil once an empty bucket ends the run.
        @inline(__always)
        mutating func next() -> Int? {
            guard !isDone else { return nil }
            while true {
                let bucket = buckets[position]
                position = (position + 1) & mask
                if bucket.slot == SlotIndex.empty {
                    isDone = true
                    return nil
                }
                if bucket.hash == hash { return Int(bucket.slot) }
            }
        }
    }

    /// Asks for the bucket where a lookup of the ID with this `hash(_:)` starts to be brought into the cache, without
    /// waiting for it (see `JobTable.prefetchIndex(hashed:)`).
    @inline(__always)
    func prefetchBucket(hashed hash: UInt32) {
        guard count > 0 else { return }
        let position = Int(hash) & (buckets.count - 1)
        buckets.withUnsafeBufferPointer { buckets in
            guard let base = buckets.baseAddress else { return }
            batchtop_prefetch(base + position)
        }
    }

    /// Indexes `id` at `slot` (the caller knows `id` is not indexed yet).
    mutating func insert(_ id: JobID, slot: Int) {
        if (count + 1) * 2 > buckets.count { grow() }
        place(Bucket(slot: Int32(truncatingIfNeeded: slot), hash: Self.hash(id)))
        count += 1
    }

    /// Removes `id`, indexed at `slot`; nothing happens when it is not.
    mutating func remove(_ id: JobID, slot: Int) {
        guard count > 0 else { return }
        let hash = Self.hash(id)
        let mask = buckets.count - 1
        var hole = Int(hash) & mask
        while buckets[hole].slot != Int32(truncatingIfNeeded: slot) || buckets[hole].hash != hash {
            if buckets[hole].slot == Self.empty { return }
            hole = (hole + 1) & mask
        }
        count -= 1
        // Backward-shift deletion: move later buckets of the run into the hole when their home is not between the hole
        // and them, so every lookup still finds its bucket before reaching an empty one (no tombstones).
        var next = (hole + 1) & mask
        while buckets[next].slot != Self.empty {
            let home = Int(buckets[next].hash) & mask
            let stays = hole <= next ? (home > hole && home <= next) : (home > hole || home <= next)
            if !stays {
                buckets[hole] = buckets[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        buckets[hole] = Bucket(slot: Self.empty, hash: 0)
    }

    /// Puts a bucket in the first free position of its run (the table has room).
    private mutating func place(_ bucket: Bucket) {
        let mask = buckets.count - 1
        var position = Int(bucket.hash) & mask
        while buckets[position].slot != Self.empty { position = (position + 1) & mask }
        buckets[position] = bucket
    }

    /// Doubles the table (at least `minimumCapacity`), placing every bucket again by its stored hash bits.
    private mutating func grow() {
        let old = buckets
        buckets = Array(repeating: Bucket(slot: Self.empty, hash: 0), count: max(Self.minimumCapacity, old.count * 2))
        for bucket in old where bucket.slot != Self.empty { place(bucket) }
    }

    /// The low 32 bits of `id`'s seeded hash (`JobID.tableHash`): what the index keeps and looks up by.
    @inline(__always)
    static func hash(_ id: JobID) -> UInt32 { UInt32(truncatingIfNeeded: id.tableHash) }
}
