import Dispatch

/// Lets go of a snapshot's job list on a background thread, so that freeing the old versions of the jobs that changed
/// does not stop the poller or the run loop.
///
/// Why: when every job changes, each snapshot replaces every job's version, and the last holder of the snapshot before
/// frees all the versions it alone held: 100,000 storages a cycle at 100,000 jobs, ~11 ms (perf, `time-poll 100000`:
/// "destroy for Snapshot" under `publishProgress`, where the stream dropped the snapshot it buffered). That holder was
/// the poller (a snapshot the run loop had not taken) or the run loop (the state's snapshot, replaced by the reducer).
/// Both now hand the list they let go of to `drop(_:)`; the queue is serial, so whichever of its releases comes last
/// frees the versions, on the queue's thread. If some other holder is still left, freeing happens there, as before:
/// handing a list over never changes what is freed, only which thread may do it.
///
/// Small lists are let go of in place: freeing a few thousand versions costs less than waking a thread (the
/// 30-job dashboard of `scripts/measure-cost.sh` wakes no thread for it).
public enum BackgroundRelease {
    /// Lists shorter than this are let go of by the caller.
    public static let minimumCount = 4_096

    /// The thread that lets go of the lists (utility: it must not slow the poller or the run loop down).
    static let queue = DispatchQueue(label: "batchtop.background-release", qos: .utility)

    /// Lets go of `jobs` on the background queue when it holds at least `minimumCount` jobs, else here.
    public static func drop(_ jobs: consuming JobList) {
        dropLater(jobs, count: jobs.count)
    }

    /// Lets go of the replaced versions a job table no longer keeps (`JobTable.trimRecycler()`) on the background
    /// queue when there are at least `minimumCount`, else here: after a cycle in which no job changed, that is every
    /// version the cycle before kept.
    static func drop(versions: consuming [TrackedJob]) {
        dropLater(versions, count: versions.count)
    }

    /// Lets go of `value`, which holds `count` jobs, on the queue when that is at least `minimumCount`, else here.
    private static func dropLater<Held: Sendable>(_ value: consuming Held, count: Int) {
        guard count >= minimumCount else { return }
        let held = value
        // The closure's context holds the only reference the caller gave; dispatch frees the context on the queue's
        // thread right after running it.
        queue.async { withExtendedLifetime(held) {} }
    }

    /// Returns once every list handed over before the call was let go of (tests).
    public static func waitUntilIdle() {
        queue.sync {}
    }
}
