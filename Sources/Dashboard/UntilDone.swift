import FoundationEssentials
import JobMonitor

/// `--until-done`: when watching stops, the exit code that summarises the watched jobs, as a pure function of the
/// newest snapshot, the policy and the time spent watching.
///
/// Codes: 0 all completed; 1 any failed (with `failOnItems`, also any job with failed items); 2 any cancelled and none
/// failed; 3 `timeoutTotal` reached; 4 the key was rejected (401/403); 5 a watched job was not found (404) or vanished
/// before it finished; 6 `maxAPIErrors` failed poll cycles in a row. Pending and unknown statuses are waited for.
public enum UntilDone {
    /// Every exit code with its meaning, for help texts and documentation.
    public static let meanings: [(code: Int32, meaning: String)] = [
        (0, "all watched jobs completed"), (1, "a job failed or has failed items (--fail-on-items)"),
        (2, "a job was cancelled and none failed"), (3, "--timeout-total reached"), (4, "API key rejected (401/403)"),
        (5, "a watched job was not found (404) or vanished"), (6, "gave up after --max-api-errors failed polls in a row"),
    ]

    /// 0 all completed, 1 any failed, 2 any cancelled (and none failed), 4 the key was rejected; nil while any job is
    /// still active, before the first successful poll, or when there are no jobs at all (the default policy).
    public static func exitCode(for snapshot: Snapshot) -> Int32? {
        exitCode(for: snapshot, policy: UntilDonePolicy(), elapsed: 0)
    }

    /// The exit code once watching should stop, or nil to keep watching. `snapshot` is the newest one (nil before the
    /// first), `elapsed` the seconds since watching started.
    public static func exitCode(for snapshot: Snapshot?, policy: UntilDonePolicy, elapsed: TimeInterval) -> Int32? {
        let timedOut = policy.timeoutTotal.map { elapsed >= $0 } ?? false
        guard let snapshot else { return timedOut ? 3 : nil }
        if snapshot.health.isUnauthorized { return 4 }
        if let limit = policy.maxAPIErrors, snapshot.health.consecutiveFailures >= limit { return 6 }
        if snapshot.jobs.contains(where: { $0.isVanished && !$0.job.status.isTerminal }) { return 5 }
        if policy.failFast, snapshot.jobs.contains(where: { isFailure($0.job, policy: policy) }) { return 1 }
        guard snapshot.health.lastSuccess != nil, !snapshot.jobs.isEmpty,
            snapshot.jobs.allSatisfy({ $0.job.status.isTerminal })
        else { return timedOut ? 3 : nil }
        let jobs = snapshot.jobs.map(\.job)
        if jobs.contains(where: { isFailure($0, policy: policy) }) { return 1 }
        if jobs.contains(where: { $0.status == .cancelled }) { return 2 }
        return 0
    }

    /// A short sentence saying why watching stopped with `code`.
    public static func reason(for code: Int32) -> String {
        meanings.first { $0.code == code }?.meaning ?? "exit \(code)"
    }

    /// True when the job counts as failed under the policy: status `failed`, or (with `failOnItems`) failed items > 0.
    /// With `failFast`, failed items count only once the job has finished.
    static func isFailure(_ job: Job, policy: UntilDonePolicy) -> Bool {
        if job.status == .failed { return true }
        return policy.failOnItems && job.status.isTerminal && (job.failedItems ?? 0) > 0
    }
}
