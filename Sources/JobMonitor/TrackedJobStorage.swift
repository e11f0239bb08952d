import Foundation

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

    init(_ fields: Fields) {
        self.fields = fields
    }

    /// A separate storage with the same fields.
    func copy() -> TrackedJobStorage {
        TrackedJobStorage(fields)
    }

    /// The fields of a tracked job (documented on `TrackedJob`'s accessors); the optional times and count are stored
    /// unwrapped, present one bit each (see `PresenceBits`).
    ///
    /// Declared in this order on purpose (stored properties are laid out in declaration order): the 8-byte fields
    /// first, the one-byte ones together, `Job` (which ends in a one-byte field) last. In the order the fields were
    /// written first, padding made them 257 bytes and a storage a 288-byte allocation; now 225 and 256. There is one
    /// storage per job, two while a cycle in which every job changed is published.
    @usableFromInline
    struct Fields: Equatable {
        private var fetchedSeconds: TimeInterval = 0
        private var vanishedSeconds: TimeInterval = 0
        private var freshUntilSeconds: TimeInterval = 0
        private var highestProcessedValue = 0
        var fetchError: String?
        @usableFromInline var metrics: JobMetrics
        var isVanished: Bool
        private var present = PresenceBits()
        @usableFromInline var job: Job

        init(job: Job, fetchedAt: Date?, fetchError: String?, isVanished: Bool, metrics: JobMetrics) {
            self.job = job
            self.fetchError = fetchError
            self.isVanished = isVanished
            self.metrics = metrics
            self.fetchedAt = fetchedAt
        }

        var fetchedAt: Date? {
            get { present.date(fetchedSeconds, 0) }
            set { fetchedSeconds = present.store(newValue, 0) }
        }
        var vanishedAt: Date? {
            get { present.date(vanishedSeconds, 1) }
            set { vanishedSeconds = present.store(newValue, 1) }
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
