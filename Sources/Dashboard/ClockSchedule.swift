import FoundationEssentials
import JobMonitor

/// When the clock next changes what is on screen, so the run loop wakes exactly then and not once a second.
///
/// Text that depends on the wall clock: the ages of stale rows in view (`⚠ 12s`) and the moment a fresh row in view
/// turns stale; the detail screen's `data 12s old`; the title's `retry in 4s` while the API is failing; and the
/// expiry of the theme notice. Everything else on screen changes only with a message (a key, a snapshot, an answer).
public enum ClockSchedule {
    /// A small margin after a boundary, so the text has surely changed when the loop wakes.
    static let margin: TimeInterval = 0.001

    /// The earliest moment after `now` at which the rendered text of `state` would differ; nil when nothing on screen
    /// depends on the clock (the loop then sleeps until a message arrives).
    public static func nextChange(in state: AppState, after now: Date) -> Date? {
        var candidates: [Date] = []
        if let until = state.themeNoticeUntil { candidates.append(until > now ? until : now.addingTimeInterval(margin)) }
        let health = state.snapshot.health
        if health.state == .degraded || health.state == .down, let retryAt = health.nextRetryAt {
            candidates += countdownChange(to: retryAt, now: now).map { [$0] } ?? []
        }
        let interval = state.snapshot.interval
        if let detail = state.detail {
            if let tracked = state.job(id: detail.jobID) {
                candidates += stalenessChange(of: tracked, interval: interval, now: now).map { [$0] } ?? []
            }
        } else {
            let end = min(state.rows.count, state.scrollOffset + state.visibleRowCount)
            if state.scrollOffset < end {
                for index in state.scrollOffset..<end {
                    if let change = stalenessChange(of: state.rows[index], interval: interval, now: now) {
                        candidates.append(change)
                    }
                }
            }
        }
        return candidates.min()
    }

    /// When a row's staleness text changes next: the moment it turns stale, or the next step of its shown age.
    /// Nil for rows whose text cannot change with time (vanished, never fetched, final data).
    static func stalenessChange(of tracked: TrackedJob, interval: TimeInterval, now: Date) -> Date? {
        guard !tracked.isVanished, let fetchedAt = tracked.fetchedAt else { return nil }
        if tracked.fetchError == nil, tracked.job.status.isTerminal { return nil }
        guard tracked.isStale(at: now, interval: interval) else {
            var staleFrom = fetchedAt.addingTimeInterval(2 * interval)
            if tracked.fetchError == nil, let freshUntil = tracked.freshUntil, freshUntil > staleFrom { staleFrom = freshUntil }
            return max(staleFrom, now).addingTimeInterval(margin)
        }
        return ageChange(since: fetchedAt, now: now)
    }

    /// When `Formatting.age` of the time since `start` shows its next value.
    static func ageChange(since start: Date, now: Date) -> Date? {
        let age = now.timeIntervalSince(start)
        guard age.isFinite, age >= 0 else { return nil }
        let unit = step(for: age)
        return start.addingTimeInterval(((age / unit).rounded(.down) + 1) * unit + margin)
    }

    /// When `Formatting.age` of the time left until `end` shows its next value; nil once it shows 0.
    static func countdownChange(to end: Date, now: Date) -> Date? {
        let left = end.timeIntervalSince(now)
        guard left.isFinite, left > 0 else { return nil }
        let unit = step(for: left)
        let shownBoundary = (left / unit).rounded(.down) * unit
        // The text changes once less than the shown boundary is left (at once when `left` sits on a boundary).
        let change = end.addingTimeInterval(-shownBoundary + margin)
        return change > now ? change : now.addingTimeInterval(margin)
    }

    /// The unit `Formatting.age` shows for a duration: seconds, minutes, hours, days.
    private static func step(for seconds: TimeInterval) -> TimeInterval {
        if seconds < 60 { return 1 }
        if seconds < 3600 { return 60 }
        if seconds < 86_400 { return 3600 }
        return 86_400
    }
}
