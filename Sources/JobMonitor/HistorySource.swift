import Foundation

/// What a job's history points are derived from: the job's live history in the tracker's store, and the instants
/// to read it at. Points are worked out only when `JobMetrics.history` is read (the detail of one job).
///
/// The store is held weakly, so the tracker's store stays uniquely referenced (its copy-on-write works) and a
/// snapshot that outlives its poller reads an empty history rather than keeping every job's samples alive.
struct HistorySource: Sendable, Equatable {
    /// Where the histories live.
    weak var store: HistoryStore?
    /// The job.
    let id: String
    /// The last instant.
    let end: Date
    /// Seconds between instants.
    let step: TimeInterval
    /// Most instants.
    let count: Int

    /// Progress fractions at `count` instants `step` seconds apart ending at `end` (see `ProgressHistory`).
    func fractions() -> [Double] {
        store?.read(id) { $0.fractions(endingAt: end, step: step, count: count) } ?? []
    }

    /// Equal when they read the same job's history in the same store at the same instants.
    static func == (lhs: HistorySource, rhs: HistorySource) -> Bool {
        lhs.store === rhs.store && lhs.id == rhs.id && lhs.end == rhs.end && lhs.step == rhs.step
            && lhs.count == rhs.count
    }
}
