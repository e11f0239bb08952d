import Foundation

/// The fields of a `TrackedJob`, held by reference so that copies share them until one is changed.
///
/// `@unchecked Sendable`: only `TrackedJob` holds one, and it copies the storage before any change unless it is
/// the only holder (copy-on-write), so a storage reachable from two values or threads is never written.
final class TrackedJobStorage: @unchecked Sendable {
    var job: Job
    var fetchedAt: Date?
    var fetchError: String?
    var isVanished: Bool
    var vanishedAt: Date?
    var freshUntil: Date?
    var highestProcessed: Int?
    var metrics: JobMetrics

    init(
        job: Job, fetchedAt: Date?, fetchError: String?, isVanished: Bool, vanishedAt: Date? = nil,
        freshUntil: Date? = nil, highestProcessed: Int? = nil, metrics: JobMetrics
    ) {
        self.job = job
        self.fetchedAt = fetchedAt
        self.fetchError = fetchError
        self.isVanished = isVanished
        self.vanishedAt = vanishedAt
        self.freshUntil = freshUntil
        self.highestProcessed = highestProcessed
        self.metrics = metrics
    }

    /// A separate storage with the same fields.
    func copy() -> TrackedJobStorage {
        TrackedJobStorage(
            job: job, fetchedAt: fetchedAt, fetchError: fetchError, isVanished: isVanished, vanishedAt: vanishedAt,
            freshUntil: freshUntil, highestProcessed: highestProcessed, metrics: metrics)
    }

    /// Every field, for equality.
    var fields: Fields {
        Fields(
            job: job, fetchedAt: fetchedAt, fetchError: fetchError, isVanished: isVanished, vanishedAt: vanishedAt,
            freshUntil: freshUntil, highestProcessed: highestProcessed, metrics: metrics)
    }

    /// The fields as one comparable value.
    struct Fields: Equatable {
        let job: Job
        let fetchedAt: Date?
        let fetchError: String?
        let isVanished: Bool
        let vanishedAt: Date?
        let freshUntil: Date?
        let highestProcessed: Int?
        let metrics: JobMetrics
    }
}
