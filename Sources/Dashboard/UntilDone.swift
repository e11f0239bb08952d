import JobMonitor

/// `--until-done`: when every watched job has finished, the exit code that summarises them.
public enum UntilDone {
    /// 0 all completed, 1 any failed, 2 any cancelled (and none failed), 4 the key was rejected; nil while any job is
    /// still active, before the first successful poll, or when there are no jobs at all.
    public static func exitCode(for snapshot: Snapshot) -> Int32? {
        if snapshot.health.isUnauthorized { return 4 }
        guard snapshot.health.lastSuccess != nil, !snapshot.jobs.isEmpty else { return nil }
        let statuses = snapshot.jobs.map(\.job.status)
        guard statuses.allSatisfy(\.isTerminal) else { return nil }
        if statuses.contains(.failed) { return 1 }
        if statuses.contains(.cancelled) { return 2 }
        return 0
    }
}
