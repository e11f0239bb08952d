import Foundation

@testable import JobMonitor

/// Fixed origin of scripted timelines: t = 0.
let metricsT0 = Date(timeIntervalSince1970: 1_795_946_400)

/// The instant `seconds` after `metricsT0`.
func at(_ seconds: TimeInterval) -> Date { metricsT0.addingTimeInterval(seconds) }

/// A job with the given counts and timestamps (times in seconds after `metricsT0`).
func metricsJob(
    _ id: String = "job", status: JobStatus = .running, processed: Int?, total: Int, failed: Int? = nil,
    percent: Double? = nil, created: TimeInterval? = nil, started: TimeInterval? = nil, completed: TimeInterval? = nil
) -> Job {
    Job(
        id: id, type: .parse, status: status, totalItems: total, processedItems: processed, failedItems: failed,
        progressPercent: percent, createdAt: created.map(at), startedAt: started.map(at), completedAt: completed.map(at))
}

/// Records `processed(t)` for every t in `times`, the way the poller would after each successful fetch.
func script(
    _ tracker: inout MetricsTracker, times: some Sequence<TimeInterval>, status: JobStatus = .running, total: Int,
    processed: (TimeInterval) -> Int
) {
    for t in times {
        tracker.record(job: metricsJob(status: status, processed: processed(t), total: total), at: at(t))
    }
}

/// True when `value` equals `expected` to the precision `JobMetrics` stores its figures with (`Float`: a relative
/// error of at most 2^-24, about 6e-8; 1e-6 allowed), or within 1e-9 of it.
func approximately(_ value: Double?, _ expected: Double) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= max(1e-9, abs(expected) * 1e-6)
}
