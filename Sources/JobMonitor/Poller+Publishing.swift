import Foundation

/// When a snapshot is published.
///
/// The rule: a cycle's snapshot is published when
/// 1. it is the first one, follows a `refresh()` or an unpause (the user wants to see the result), or
/// 2. its content differs from the last published snapshot's, **ignoring timestamps that move every cycle**: each
///    job's `fetchedAt` (only whether it was ever fetched counts), `freshUntil`, the snapshot's `takenAt` and
///    `cycle`, and the health's `lastSuccess`; of the derived metrics only the stall flag counts (rate and ETA
///    change only with job data; elapsed times are refreshed by the next published snapshot). Job data, `fetchError`, vanishing, order, and the rest of the health
///    (state, last error, consecutive failures, next retry) all count, so a job crossing into staleness through a
///    failed fetch and every change of health are published; or
/// 3. the freshness vouched for in the last published snapshot would run out before the next cycle can publish
///    (a keep-alive, at most every `freshWindow` seconds while active jobs do not change).
///
/// Staleness in the UI still works: after a clean cycle, every unfinished job that was fetched fine carries
/// `freshUntil = takenAt + freshWindow`, and `TrackedJob.isStale` counts such a job fresh until then, whatever its
/// `fetchedAt`. If polling fails, the failure is published (rule 2) without the vouch, so ages count from the last
/// good fetch; if the poller stops or hangs, the vouch runs out and the ages show. An idle dashboard (nothing
/// changes, no active job) gets no snapshot at all.
extension Poller {
    /// How long a clean cycle vouches for the freshness of unchanged data, in seconds.
    var freshWindow: TimeInterval { max(15, 3 * configuration.interval) }

    /// The snapshot of the current state; with `vouching`, fresh unfinished jobs carry `freshUntil`.
    func makeSnapshot(vouching: Bool) -> Snapshot {
        let takenAt = now()
        let vouch = vouching ? takenAt.addingTimeInterval(freshWindow) : nil
        let jobs = order.compactMap { id -> TrackedJob? in
            guard var job = tracked[id] else { return nil }
            if let vouch, job.fetchError == nil, job.fetchedAt != nil, !job.isVanished, !job.job.status.isTerminal {
                job.freshUntil = vouch
            }
            return job
        }
        var snapshot = Snapshot(
            jobs: metricsTracker.withMetrics(jobs, at: takenAt, pollInterval: configuration.interval), health: health,
            takenAt: takenAt, interval: configuration.interval, cycle: cycle)
        snapshot.liveAPIs = JobAPI.allCases.filter { presence[$0] == .live }
        return snapshot
    }

    /// Publishes `snapshot` if the rule above says so; returns whether it did.
    @discardableResult
    func publishIfChanged(_ snapshot: Snapshot, force: Bool) -> Bool {
        let signature = SnapshotSignature(snapshot)
        let horizon = snapshot.takenAt.addingTimeInterval((nextWait ?? 0) + configuration.interval)
        let vouchRunsOut = publication.vouchedUntil.map { $0 < horizon } ?? false
        guard force || publication.forceNext || publication.signature != signature || vouchRunsOut else { return false }
        publication.signature = signature
        publication.vouchedUntil = snapshot.jobs.compactMap(\.freshUntil).min()
        publication.forceNext = false
        publication.count += 1
        continuation.yield(snapshot)
        return true
    }
}

/// What the poller published last.
struct PublicationState: Sendable {
    /// The last published snapshot's content, without moving timestamps.
    var signature: SnapshotSignature?
    /// The earliest `freshUntil` in the last published snapshot.
    var vouchedUntil: Date?
    /// Publish the next snapshot whatever it holds (first snapshot, after an unpause).
    var forceNext = true
    /// Snapshots published so far.
    var count = 0
}

/// A snapshot's content without the timestamps that move every cycle (see the rule in `Poller+Publishing.swift`).
struct SnapshotSignature: Sendable, Equatable {
    /// One job's content.
    struct JobSignature: Sendable, Equatable {
        let job: Job
        let fetchError: String?
        let isVanished: Bool
        let everFetched: Bool
        let isStalled: Bool
    }

    let jobs: [JobSignature]
    let health: APIHealth
    let liveAPIs: [JobAPI]

    init(_ snapshot: Snapshot) {
        jobs = snapshot.jobs.map {
            JobSignature(
                job: $0.job, fetchError: $0.fetchError, isVanished: $0.isVanished, everFetched: $0.fetchedAt != nil,
                isStalled: $0.metrics.isStalled)
        }
        var health = snapshot.health
        health.lastSuccess = nil
        self.health = health
        liveAPIs = snapshot.liveAPIs
    }
}
