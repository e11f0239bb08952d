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
    struct Fields: Equatable {
        var job: Job
        var fetchedAt: Date?
        var fetchError: String?
        var isVanished: Bool
        var vanishedAt: Date? = nil
        var freshUntil: Date? = nil
        var highestProcessed: Int? = nil
        var metrics: JobMetrics
    }
}
