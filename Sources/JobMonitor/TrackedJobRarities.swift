import FoundationEssentials

/// The fields of a tracked job that are nearly always empty, held by reference (immutable: a change stores a new
/// one): when it was found vanished and why its last fetch failed. Nil in a storage when both are.
final class TrackedJobRarities: Sendable, Equatable {
    let vanishedAt: Date?
    let fetchError: String?

    init(vanishedAt: Date?, fetchError: String?) {
        self.vanishedAt = vanishedAt
        self.fetchError = fetchError
    }

    /// Rarities holding these values; nil when both are nil.
    static func holding(vanishedAt: Date?, fetchError: String?) -> TrackedJobRarities? {
        vanishedAt == nil && fetchError == nil ? nil : TrackedJobRarities(vanishedAt: vanishedAt, fetchError: fetchError)
    }

    static func == (lhs: TrackedJobRarities, rhs: TrackedJobRarities) -> Bool {
        lhs === rhs || (lhs.vanishedAt == rhs.vanishedAt && lhs.fetchError == rhs.fetchError)
    }
}
