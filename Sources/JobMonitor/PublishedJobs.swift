import Foundation

/// The jobs of the poller's last snapshot, in display order, and the position of each ID: the next snapshot starts
/// from these and replaces only the jobs written since or whose metrics move with time.
struct PublishedJobs: Sendable {
    /// The last snapshot's jobs (storage shared with that snapshot).
    var jobs: [TrackedJob] = []
    /// The position of each job in `jobs`.
    var slot: [String: Int] = [:]
    /// The earliest `freshUntil` among `jobs`.
    var vouchedUntil: Date?
    /// Bumped whenever the content the publication rule compares changes (see `Poller+Publishing.swift`).
    var contentVersion = 0
}
