import FoundationEssentials

/// The fields of a tracked job that are nearly always empty, held by reference (immutable: a change stores a new
/// one): when it was found vanished, why its last fetch failed, and the rare values of the two fields its storage
/// keeps inline otherwise (`TrackedJobOutliers`). Nil in a storage when all are.
///
/// 56 bytes with its object header, a 64-byte allocation (`StorageLayoutTests`): a churning project holds tens of
/// thousands of vanished jobs, each with one of these. The outliers are one reference further, not two optional
/// fields here, which would make it a 96-byte allocation.
final class TrackedJobRarities: Sendable, Equatable {
    let vanishedAt: Date?
    let fetchError: String?
    /// The highest processed count and the vouch, when the storage cannot keep them inline.
    let outliers: TrackedJobOutliers?

    init(vanishedAt: Date?, fetchError: String?, outliers: TrackedJobOutliers? = nil) {
        self.vanishedAt = vanishedAt
        self.fetchError = fetchError
        self.outliers = outliers
    }

    /// Rarities holding these values; nil when all are nil.
    static func holding(vanishedAt: Date?, fetchError: String?, outliers: TrackedJobOutliers?) -> TrackedJobRarities? {
        vanishedAt == nil && fetchError == nil && outliers == nil
            ? nil : TrackedJobRarities(vanishedAt: vanishedAt, fetchError: fetchError, outliers: outliers)
    }

    static func == (lhs: TrackedJobRarities, rhs: TrackedJobRarities) -> Bool {
        lhs === rhs || (lhs.vanishedAt == rhs.vanishedAt && lhs.fetchError == rhs.fetchError && lhs.outliers == rhs.outliers)
    }
}
