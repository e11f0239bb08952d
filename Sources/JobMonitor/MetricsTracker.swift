import Foundation

/// Turns successive observations of jobs into `JobMetrics`; a plain value the poller owns, with bounded memory per job.
/// Time is always passed in, and throughput and stalls are judged on observations only, so a failing API (no new
/// observations) never makes a job look stalled.
public struct MetricsTracker: Sendable, Equatable {
    /// Window, bounds and thresholds.
    public let configuration: MetricsConfiguration
    private var histories: [String: ProgressHistory] = [:]

    /// Creates an empty tracker.
    public init(configuration: MetricsConfiguration = MetricsConfiguration()) {
        self.configuration = configuration
    }

    /// Records a successful observation of `job` at `at`; call it for every fetch, changed or not.
    public mutating func record(job: Job, at: Date) {
        let sample = ProgressSample(job: job, at: at)
        // In place: a copy out of the dictionary would make every append copy the samples.
        if histories[job.id]?.observe(sample, status: job.status, configuration: configuration) == nil {
            histories[job.id] = ProgressHistory(first: sample, status: job.status)
        }
    }

    /// Forgets everything about the given jobs.
    public mutating func forget<IDs: Sequence<String>>(ids: IDs) {
        for id in ids { histories[id] = nil }
    }

    /// The samples stored for a job, oldest first (empty if never recorded or forgotten).
    public func samples(for id: String) -> [ProgressSample] {
        histories[id].map { Array($0.samples) } ?? []
    }

    /// The metrics of `job` as of `now`, from the observations recorded so far.
    public func metrics(for job: Job, at now: Date, pollInterval: TimeInterval) -> JobMetrics {
        let elapsed = Self.elapsed(of: job, at: now)
        let history = histories[job.id]
        let step = configuration.historyStep(pollInterval: pollInterval)
        let length = configuration.historyLength
        if job.status.isTerminal {
            let points = history.map { $0.source(endingAt: $0.lastSampleAt, step: step, count: length) }
            let processed = Double(ProgressSample(job: job, at: now).processed)
            let average = elapsed.flatMap { $0 > 0 ? processed / $0 : nil }
            return JobMetrics(throughput: average, elapsed: elapsed, historySource: points)
        }
        guard let history else { return JobMetrics(elapsed: elapsed) }
        let points = history.source(endingAt: history.lastObservedAt, step: step, count: length)
        if job.status == .pending { return JobMetrics(elapsed: elapsed, historySource: points) }
        let throughput = history.rate(window: configuration.rateWindow, minimumSpan: configuration.minimumRateSpan)
        let quiet = history.lastObservedAt.timeIntervalSince(history.lastMovedAt)
        let canStall = job.status == .running || job.status == .dispatched
        return JobMetrics(
            throughput: throughput,
            eta: Self.eta(of: ProgressSample(job: job, at: now), throughput: throughput),
            elapsed: elapsed,
            sinceLastProgress: max(0, now.timeIntervalSince(history.lastMovedAt)),
            isStalled: canStall && quiet > configuration.stallThreshold(pollInterval: pollInterval),
            historySource: points)
    }

    /// The jobs with their `metrics` filled in as of `now`.
    public func withMetrics(_ jobs: [TrackedJob], at now: Date, pollInterval: TimeInterval) -> [TrackedJob] {
        jobs.map { tracked in
            var tracked = tracked
            tracked.metrics = metrics(for: tracked.job, at: now, pollInterval: pollInterval)
            return tracked
        }
    }

    /// Seconds from `started_at` (or `created_at`) to `now`, or to `completed_at` (or `updated_at`) when finished;
    /// never negative, nil without the timestamps.
    static func elapsed(of job: Job, at now: Date) -> TimeInterval? {
        guard let start = job.startedAt ?? job.createdAt else { return nil }
        let end = job.status.isTerminal ? (job.completedAt ?? job.updatedAt) : now
        return end.map { max(0, $0.timeIntervalSince(start)) }
    }

    /// Remaining items over throughput: 0 when nothing remains, nil when the total is 0 or the rate is unknown or 0.
    static func eta(of sample: ProgressSample, throughput: Double?) -> TimeInterval? {
        guard sample.total > 0 else { return nil }
        if sample.remaining == 0 { return 0 }
        guard let throughput, throughput > 0 else { return nil }
        let eta = Double(sample.remaining) / throughput
        return eta.isFinite ? eta : nil
    }
}
