import Foundation

/// The fields of a `TrackedJob`, held by reference so that copies share them until one is changed.
///
/// `@unchecked Sendable`: only `TrackedJob` holds one, and it copies the storage before any change unless it is
/// the only holder (copy-on-write), so a storage reachable from two values or threads is never written.
final class TrackedJobStorage: @unchecked Sendable {
    /// Every field, as one comparable value.
    var fields: Fields

    init(_ fields: Fields) {
        self.fields = fields
    }

    /// A separate storage with the same fields.
    func copy() -> TrackedJobStorage {
        TrackedJobStorage(fields)
    }

    /// The fields of a tracked job (documented on `TrackedJob`'s accessors).
    ///
    /// The optional times and count are stored without `Optional`'s padding (8 bytes each instead of 16), NaN
    /// standing for nil: no clock or server count gives NaN, and equality compares the stored bits.
    struct Fields: Equatable {
        var job: Job
        var fetchError: String?
        var isVanished: Bool
        var metrics: JobMetrics
        private var fetchedSeconds = Double.nan
        private var vanishedSeconds = Double.nan
        private var freshUntilSeconds = Double.nan
        private var highestProcessedValue = 0
        private var hasHighestProcessed = false

        init(job: Job, fetchedAt: Date?, fetchError: String?, isVanished: Bool, metrics: JobMetrics) {
            self.job = job
            self.fetchError = fetchError
            self.isVanished = isVanished
            self.metrics = metrics
            self.fetchedAt = fetchedAt
        }

        var fetchedAt: Date? {
            get { Self.date(fetchedSeconds) }
            set { fetchedSeconds = Self.seconds(newValue) }
        }
        var vanishedAt: Date? {
            get { Self.date(vanishedSeconds) }
            set { vanishedSeconds = Self.seconds(newValue) }
        }
        var freshUntil: Date? {
            get { Self.date(freshUntilSeconds) }
            set { freshUntilSeconds = Self.seconds(newValue) }
        }
        var highestProcessed: Int? {
            get { hasHighestProcessed ? highestProcessedValue : nil }
            set {
                hasHighestProcessed = newValue != nil
                highestProcessedValue = newValue ?? 0
            }
        }

        private static func date(_ seconds: Double) -> Date? {
            seconds.isNaN ? nil : Date(timeIntervalSinceReferenceDate: seconds)
        }

        private static func seconds(_ date: Date?) -> Double {
            date?.timeIntervalSinceReferenceDate ?? .nan
        }

        static func == (lhs: Fields, rhs: Fields) -> Bool {
            lhs.job == rhs.job && lhs.fetchError == rhs.fetchError && lhs.isVanished == rhs.isVanished
                && lhs.metrics == rhs.metrics && lhs.fetchedSeconds.bitPattern == rhs.fetchedSeconds.bitPattern
                && lhs.vanishedSeconds.bitPattern == rhs.vanishedSeconds.bitPattern
                && lhs.freshUntilSeconds.bitPattern == rhs.freshUntilSeconds.bitPattern
                && lhs.highestProcessed == rhs.highestProcessed
        }
    }
}
