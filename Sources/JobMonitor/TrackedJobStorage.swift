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

    /// The fields of a tracked job (documented on `TrackedJob`'s accessors); the optional times and count are stored
    /// unwrapped, present one bit each (see `PresenceBits`), and the two that are nearly always empty (when the job
    /// vanished, why its last fetch failed) behind one reference (`TrackedJobRarities`).
    ///
    /// Declared in this order on purpose (stored properties are laid out in declaration order, each at the next
    /// offset its alignment allows): `Job` first, which ends in two one-byte fields, then the one-byte fields here,
    /// which fill what would otherwise be padding after it, then `JobMetrics` (40 bytes) and the 8-byte fields. That
    /// makes 168 bytes and a storage (with its 16-byte object header and malloc's 8-byte chunk header) a 192-byte
    /// allocation; it was 256 (225 bytes of fields) and 288 (257) before. There is one storage per job, two while
    /// a cycle in which every job changed is published, so at 100,000 running jobs each byte here counts 200 kB.
    @usableFromInline
    struct Fields: Equatable {
        @usableFromInline var job: Job
        var isVanished: Bool
        private var present = PresenceBits()
        @usableFromInline var metrics: JobMetrics
        private var fetchedSeconds: TimeInterval = 0
        private var freshUntilSeconds: TimeInterval = 0
        private var highestProcessedValue = 0
        private var rarities: TrackedJobRarities?

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

        /// The fields of a job fetched at `fetchedAt` (no error, not vanished, no metrics yet), every stored
        /// property set once, directly: going through the general initialiser and its computed setters built the
        /// fields twice and copied them into the storage, ~200 instructions for every job stored in a cycle.
        @inline(__always)
        init(job: Job, fetchedAt: Date, highestProcessed: Int?) {
            self.job = job
            isVanished = false
            metrics = JobMetrics()
            var present = PresenceBits()
            fetchedSeconds = present.store(fetchedAt, 0)
            highestProcessedValue = present.store(highestProcessed, 3, absent: 0)
            self.present = present
        }

        var fetchedAt: Date? {
            get { present.date(fetchedSeconds, 0) }
            set { fetchedSeconds = present.store(newValue, 0) }
        }
        var vanishedAt: Date? {
            get { rarities?.vanishedAt }
            set { rarities = TrackedJobRarities.holding(vanishedAt: newValue, fetchError: fetchError) }
        }
        var fetchError: String? {
            get { rarities?.fetchError }
            set { rarities = TrackedJobRarities.holding(vanishedAt: vanishedAt, fetchError: newValue) }
        }
        var freshUntil: Date? {
            get { present.date(freshUntilSeconds, 2) }
            set { freshUntilSeconds = present.store(newValue, 2) }
        }
        var highestProcessed: Int? {
            get { present.value(highestProcessedValue, 3) }
            set { highestProcessedValue = present.store(newValue, 3, absent: 0) }
        }
    }
}
