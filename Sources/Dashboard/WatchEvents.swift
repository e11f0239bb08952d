import FoundationEssentials
import JobMonitor

/// Derives the events of headless `--until-done` output from two consecutive snapshots: pure, so each rule is
/// unit-tested. A job is reported when it appears, changes status, reaches a new 10 % step of progress, gets more
/// failed items or vanishes; the API when its health turns into trouble (degraded, down, unauthorized), when the
/// kind of trouble changes, and when it recovers. Nothing changed, nothing reported.
public enum WatchEvents {
    /// The events between `previous` (nil before the first snapshot) and `current`, jobs in snapshot order, API
    /// events first.
    public static func derive(previous: Snapshot?, current: Snapshot) -> [WatchEvent] {
        var events = apiEvents(previous: previous?.health, current: current.health, at: current.takenAt)
        // Keyed by `jobID`: reading `id` would build a `String` for every job of both snapshots.
        let before = Dictionary((previous?.jobs ?? []).map { ($0.jobID, $0) }, uniquingKeysWith: { first, _ in first })
        for tracked in current.jobs {
            let changes = jobChanges(previous: before[tracked.jobID], current: tracked)
            guard !changes.isEmpty else { continue }
            let finished = changes.contains { change in
                switch change {
                case .appeared: return tracked.job.status.isTerminal
                case .status(_, let to): return to.isTerminal
                default: return false
                }
            }
            events.append(
                WatchEvent(kind: finished ? .jobFinished : .jobChanged, timestamp: current.takenAt, job: tracked, changes: changes))
        }
        return events
    }

    /// The progress step (0…10) of a job: its clamped percentage in tens, rounded down.
    public static func progressStep(of job: Job) -> Int {
        let percent = JobFigures(job: job).percent
        return min(10, max(0, Int((percent / 10).rounded(.down))))
    }

    /// What changed about one job; a job never fetched (a placeholder) has nothing to report until it vanishes.
    static func jobChanges(previous: TrackedJob?, current: TrackedJob) -> [WatchChange] {
        let known = current.fetchedAt != nil
        let wasKnown = previous?.fetchedAt != nil
        var changes: [WatchChange] = []
        if current.isVanished, previous?.isVanished != true { changes.append(.vanished) }
        guard known else { return changes }
        guard let previous, wasKnown else { return [.appeared] + changes }
        let (old, new) = (previous.job, current.job)
        if old.status != new.status { changes.insert(.status(from: old.status, to: new.status), at: 0) }
        let (oldStep, newStep) = (progressStep(of: old), progressStep(of: new))
        if newStep > oldStep { changes.append(.progress(fromStep: oldStep, toStep: newStep)) }
        let (oldFailed, newFailed) = (old.failedItems ?? 0, new.failedItems ?? 0)
        if newFailed > oldFailed { changes.append(.failedItems(from: oldFailed, to: newFailed)) }
        return changes
    }

    /// An `api_error` when the health turns into trouble or its kind changes, an `api_recovered` when it is ok again.
    static func apiEvents(previous: APIHealth?, current: APIHealth, at date: Date) -> [WatchEvent] {
        let was = previous.map { trouble($0.state) } ?? nil
        let now = trouble(current.state)
        if let now, now != was { return [WatchEvent(kind: .apiError, timestamp: date, health: current)] }
        if was != nil, current.state == .ok { return [WatchEvent(kind: .apiRecovered, timestamp: date, health: current)] }
        return []
    }

    /// The kind of trouble a health state is (degraded and down are one kind), nil when there is none.
    private static func trouble(_ state: APIHealth.State) -> String? {
        switch state {
        case .connecting, .ok: return nil
        case .degraded, .down: return "failing"
        case .unauthorized: return "unauthorized"
        }
    }
}
