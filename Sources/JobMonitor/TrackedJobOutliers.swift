import FoundationEssentials

/// The values of a tracked job's highest processed count and vouch that its storage cannot keep inline (immutable: a
/// change stores a new one): a highest count above the current one (the server's counts went backward), a vouch more
/// than ±24 days from the fetch time or with none. Held by `TrackedJobRarities`, one reference further, so that the
/// rarities of a vanished job stay a 64-byte allocation. Nil there when both are.
final class TrackedJobOutliers: Sendable, Equatable {
    /// The highest processed count, when it is not the job's current one.
    let highestProcessed: Int?
    /// The vouch, when it cannot be kept as milliseconds after the fetch time.
    let freshUntil: Date?

    init(highestProcessed: Int?, freshUntil: Date?) {
        self.highestProcessed = highestProcessed
        self.freshUntil = freshUntil
    }

    /// Outliers holding these values; nil when both are nil.
    static func holding(highestProcessed: Int?, freshUntil: Date?) -> TrackedJobOutliers? {
        highestProcessed == nil && freshUntil == nil
            ? nil : TrackedJobOutliers(highestProcessed: highestProcessed, freshUntil: freshUntil)
    }

    static func == (lhs: TrackedJobOutliers, rhs: TrackedJobOutliers) -> Bool {
        lhs === rhs || (lhs.highestProcessed == rhs.highestProcessed && lhs.freshUntil == rhs.freshUntil)
    }
}
