import Dashboard
import FoundationEssentials
import JobMonitor
import LlamaCloud

/// `--until-done --format jsonl`: one JSON object per event and line, as documented in `docs/jsonl-events.md`.
/// Server strings are kept exact (`JSONText` escapes them); numbers that are not finite become null.
enum WatchJSONL {
    /// The event as one line of JSON (no newline); `summary` is the newest snapshot, for heartbeat and done counts.
    static func format(_ event: WatchEvent, summary: Snapshot?) -> String {
        var object: [String: Any] = ["event": event.kind.rawValue, "timestamp": ISO8601Timestamp.format(event.timestamp)]
        switch event.kind {
        case .jobChanged, .jobFinished:
            if let tracked = event.job {
                object["job"] = jobObject(tracked, at: event.timestamp, interval: summary?.interval ?? 2)
            }
            object["changes"] = event.changes.map(changeObject)
        case .apiError, .apiRecovered:
            let health = event.health ?? APIHealth()
            object["state"] = stateName(health.state)
            object["message"] = event.kind == .apiError ? (health.message ?? health.lastError ?? "request failed") : JSONNull()
            object["http_status"] = event.kind == .apiError ? (health.lastErrorStatus.map { $0 as Any } ?? JSONNull()) : JSONNull()
            object["consecutive_failures"] = health.consecutiveFailures
        case .heartbeat, .done:
            object["jobs"] = summary?.jobs.count ?? 0
            object["counts"] = Dictionary(
                (summary?.countsByStatus ?? [:]).map { ($0.key.description, $0.value) }, uniquingKeysWith: +)
            if event.kind == .done {
                let code = event.exitCode ?? 0
                object["exit_code"] = Int(code)
                object["reason"] = UntilDone.reason(for: code)
            }
        }
        return JSONText.compact(object)
    }

    /// The job's `--once --format json` fields plus rate, ETA, stall and staleness.
    static func jobObject(_ tracked: TrackedJob, at date: Date, interval: TimeInterval) -> [String: Any] {
        var object = OnceReport.jobObject(tracked, takenAt: date, interval: interval)
        object["rate_items_per_second"] = tracked.metrics.throughput ?? JSONNull()
        object["eta_seconds"] = tracked.metrics.eta ?? JSONNull()
        object["stalled"] = tracked.metrics.isStalled
        object["is_vanished"] = tracked.isVanished
        let age = tracked.age(at: date)
        if let age {
            object["stale_seconds"] = tracked.isStale(at: date, interval: interval) ? age.rounded() : 0
        } else {
            object["stale_seconds"] = JSONNull()
        }
        for key in [
            "processed_items", "failed_items", "skipped_items", "error_message", "directory_id", "created_at", "completed_at",
            "batch",
        ]
        where object[key] == nil {
            object[key] = JSONNull()
        }
        return object
    }

    /// One change as `{"change": name, "from": …, "to": …}` (no from/to for appeared and vanished).
    static func changeObject(_ change: WatchChange) -> [String: Any] {
        switch change {
        case .appeared, .vanished: return ["change": change.name]
        case .status(let from, let to): return ["change": change.name, "from": from.description, "to": to.description]
        case .progress(let from, let to): return ["change": change.name, "from": from * 10, "to": to * 10]
        case .failedItems(let from, let to): return ["change": change.name, "from": from, "to": to]
        }
    }

    /// The health state's name: connecting, ok, degraded, down or unauthorized.
    static func stateName(_ state: APIHealth.State) -> String {
        switch state {
        case .connecting: return "connecting"
        case .ok: return "ok"
        case .degraded: return "degraded"
        case .down: return "down"
        case .unauthorized: return "unauthorized"
        }
    }
}
