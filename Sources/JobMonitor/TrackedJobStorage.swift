import FoundationEssentials

/// The fields of a `TrackedJob`, held by reference so that copies share them until one is changed.
///
/// `@unchecked Sendable`: only `TrackedJob` holds one, and it copies the storage before any change unless it is
/// the only holder (copy-on-write), so a storage reachable from two values or threads is never written.
@usableFromInline
final class TrackedJobStorage: @unchecked Sendable {
    /// Every field, as one comparable value.
    ///
    /// `@exclusivity(unchecked)`: no dynamic exclusivity check per access. A class property gets one on every read
    /// and write (`swift_beginAccess`, ~60 instructions), and the poller reads a job's fields a dozen times a
    /// cycle: 14 % of a cycle's instructions at 10,000 jobs (callgrind). The check guards against overlapping
    /// accesses to one storage, which copy-on-write already rules out: a storage shared by two values is never
    /// written, and `TrackedJob` writes one field at a time through `unique()`, never while reading another.
    @exclusivity(unchecked) @usableFromInline var fields: Fields

    /// A storage holding `fields` (consumed: moved in, not copied and the original destroyed).
    init(_ fields: consuming Fields) {
        self.fields = fields
    }

    /// A separate storage with the same fields.
    func copy() -> TrackedJobStorage {
        TrackedJobStorage(fields)
    }

    /// `fields.highestProcessed`, read field by field. Through the fields' own getter, whose rare case reads the
    /// rarities' reference, the poller copied all the fields (retaining each reference in them) to read the count:
    /// ~120 instructions for every job it stored (callgrind, `poll 10000 4`).
    var highestProcessed: Int? {
        fields.highestIsProcessed ? fields.job.processedItems : rareHighestProcessed()
    }

    /// `fields.freshUntil`, read as `highestProcessed` is (every snapshot asks every job it redoes).
    var freshUntil: Date? {
        fields.inlineVouch ?? rareFreshUntil()
    }

    /// `TrackedJob.hasSameRowKeys(as:)` for two storages, their jobs read where they are (`Job.haveSameRowKeys`).
    func hasSameRowKeys(as other: TrackedJobStorage) -> Bool {
        fields.withJobAddress { mine in other.fields.withJobAddress { theirs in Job.haveSameRowKeys(mine, theirs) } }
    }

    /// The highest processed count kept in the rarities, if any.
    @inline(never)
    private func rareHighestProcessed() -> Int? { fields.rarities?.outliers?.highestProcessed }

    /// The vouch kept in the rarities, if any.
    @inline(never)
    private func rareFreshUntil() -> Date? { fields.rarities?.outliers?.freshUntil }

    /// The fields of a tracked job (documented on `TrackedJob`'s accessors). The optional fetch time is stored
    /// unwrapped, present by a bit (see `PresenceBits`); the fields that are nearly always empty (when the job
    /// vanished, why its last fetch failed) behind one reference (`TrackedJobRarities`), which also holds the rare
    /// values of two fields kept inline otherwise:
    /// - the highest processed count is one bit when it is the job's current count (it is, unless the server's
    ///   counts went backward);
    /// - the vouch (`freshUntil`) is a 32-bit count of milliseconds after the fetch time, rounded up (a vouch is
    ///   `freshWindow` seconds after a snapshot, read back up to a millisecond later than it was given).
    ///
    /// Declared in this order on purpose (stored properties are laid out in declaration order, each at the next
    /// offset its alignment allows): `Job` first, which ends in two one-byte fields, then the one-byte fields and the
    /// 4-byte vouch here, which fill what would otherwise be padding after it, then `JobMetrics` (40 bytes) and the
    /// 8-byte fields. That makes 152 bytes and a storage (with its 16-byte object header and malloc's 8-byte chunk
    /// header) a 176-byte allocation; it was 192 with the vouch and the highest count as 8 bytes each, 256 (225 bytes
    /// of fields) and 288 (257) before. There is one storage per job, two while a cycle in which every job changed is
    /// published, so at 100,000 running jobs each byte here counts 200 kB.
    @usableFromInline
    struct Fields: Equatable {
        /// The job; replaced through `replaceJob`, which keeps the highest count's bit true to it.
        @usableFromInline private(set) var job: Job
        var isVanished: Bool
        private var present = PresenceBits()
        /// `freshUntil` in whole milliseconds after `fetchedSeconds`, when `Bit.freshInline` is set.
        private var freshUntilMilliseconds: Int32 = 0
        @usableFromInline var metrics: JobMetrics
        private var fetchedSeconds: TimeInterval = 0
        fileprivate var rarities: TrackedJobRarities?

        /// The bits in `present`.
        private enum Bit {
            /// `fetchedSeconds` holds the fetch time.
            static let fetched = 0
            /// `freshUntilMilliseconds` holds the vouch (else it is in the rarities' outliers, or there is none).
            static let freshInline = 2
            /// The highest processed count is the job's processed count (else it is in the rarities' outliers, or there is none).
            static let highestIsProcessed = 3
        }

        init(
            job: Job, fetchedAt: Date?, fetchError: String?, isVanished: Bool, metrics: JobMetrics,
            highestProcessed: Int? = nil
        ) {
            self.job = job
            self.isVanished = isVanished
            self.metrics = metrics
            rarities = fetchError.map { TrackedJobRarities(vanishedAt: nil, fetchError: $0) }
            self.fetchedAt = fetchedAt
            self.highestProcessed = highestProcessed
        }

        /// The fields of a job fetched at `fetchedAt` (no error, not vanished, no metrics yet) whose highest
        /// processed count is its processed count or unknown, every stored property set once, directly: going
        /// through the general initialiser and its computed setters built the fields twice and copied them into the
        /// storage, ~200 instructions for every job stored in a cycle. (A count above the processed one is set
        /// after, `TrackedJob.init(job:fetchedAt:highestProcessed:)`: made here, the rarities' reference made the
        /// fields be copied into the storage and destroyed, not moved, ~190 instructions a job.)
        @inline(__always)
        init(job: Job, fetchedAt: Date, highestIsProcessed: Bool) {
            self.job = job
            isVanished = false
            metrics = JobMetrics()
            var present = PresenceBits()
            fetchedSeconds = present.store(fetchedAt, Bit.fetched)
            present.set(Bit.highestIsProcessed, present: highestIsProcessed)
            self.present = present
        }

        /// Runs `body` with the address of the job where it is stored (read there field by field, the job is not
        /// copied out).
        mutating func withJobAddress<Result>(_ body: (UnsafePointer<Job>) -> Result) -> Result {
            withUnsafePointer(to: &job, body)
        }

        /// Replaces the job, keeping the highest processed count as it was.
        mutating func replaceJob(_ newJob: Job) {
            let highest = highestProcessed
            job = newJob
            highestProcessed = highest
        }

        var fetchedAt: Date? {
            get { present.date(fetchedSeconds, Bit.fetched) }
            set {
                // The vouch is kept as an offset from the fetch time: stored again against the new one.
                let vouch = freshUntil
                fetchedSeconds = present.store(newValue, Bit.fetched)
                freshUntil = vouch
            }
        }
        var vanishedAt: Date? {
            get { rarities?.vanishedAt }
            set { setRarities(vanishedAt: newValue) }
        }
        var fetchError: String? {
            get { rarities?.fetchError }
            set { setRarities(fetchError: newValue) }
        }
        var freshUntil: Date? {
            get { inlineVouch ?? rarities?.outliers?.freshUntil }
            set {
                // Every snapshot vouches for each unfinished job it redoes: the usual case (inline, no outlier to
                // clear) touches nothing else.
                if let newValue, let milliseconds = Self.milliseconds(from: fetchedAt, to: newValue) {
                    freshUntilMilliseconds = milliseconds
                    present.set(Bit.freshInline, present: true)
                    if rarities?.outliers?.freshUntil != nil { setRarities(freshUntil: .some(nil)) }
                } else {
                    freshUntilMilliseconds = 0
                    present.set(Bit.freshInline, present: false)
                    if newValue != rarities?.outliers?.freshUntil { setRarities(freshUntil: .some(newValue)) }
                }
            }
        }
        var highestProcessed: Int? {
            get {
                present.contains(Bit.highestIsProcessed) ? job.processedItems : rarities?.outliers?.highestProcessed
            }
            set {
                let isProcessed = newValue != nil && newValue == job.processedItems
                present.set(Bit.highestIsProcessed, present: isProcessed)
                let rare = isProcessed ? nil : newValue
                if rare != rarities?.outliers?.highestProcessed { setRarities(highestProcessed: .some(rare)) }
            }
        }

        /// True when the highest processed count is the job's processed count (see `TrackedJobStorage`).
        var highestIsProcessed: Bool { present.contains(Bit.highestIsProcessed) }

        /// The vouch when it is kept inline (see `TrackedJobStorage`).
        var inlineVouch: Date? {
            present.contains(Bit.freshInline)
                ? Date(timeIntervalSinceReferenceDate: fetchedSeconds + Double(freshUntilMilliseconds) / 1_000) : nil
        }

        /// `date` as whole milliseconds after `base`, rounded up, when there is a base and it fits in 32 bits.
        private static func milliseconds(from base: Date?, to date: Date) -> Int32? {
            guard let base else { return nil }
            let exact = date.timeIntervalSince(base) * 1_000
            // Within range (NaN is not), then rounded up by hand: `rounded(.up)` is a call to `ceil` on the
            // baseline x86-64 this is built for.
            guard exact > Double(Int32.min), exact <= Double(Int32.max) else { return nil }
            let truncated = Int32(exact)
            return Double(truncated) < exact ? truncated + 1 : truncated
        }

        /// Stores rarities with the given fields changed (nil: as they are) and the others kept.
        private mutating func setRarities(
            vanishedAt: Date?? = nil, fetchError: String?? = nil, highestProcessed: Int?? = nil,
            freshUntil: Date?? = nil
        ) {
            let outliers = rarities?.outliers
            let newOutliers =
                highestProcessed == nil && freshUntil == nil
                ? outliers
                : TrackedJobOutliers.holding(
                    highestProcessed: highestProcessed ?? outliers?.highestProcessed,
                    freshUntil: freshUntil ?? outliers?.freshUntil)
            rarities = TrackedJobRarities.holding(
                vanishedAt: vanishedAt ?? rarities?.vanishedAt, fetchError: fetchError ?? rarities?.fetchError,
                outliers: newOutliers)
        }
    }
}
