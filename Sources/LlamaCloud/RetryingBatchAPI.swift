import FoundationEssentials

/// A `BatchAPI` that retries the calls of another one according to a `RetryPolicy`, sleeping on an injected clock.
///
/// A 429 also closes a gate shared by every call through this value: no request is sent until the advised wait
/// (or the backoff) has passed, so concurrent requests do not keep hammering a server that asked for a pause.
public struct RetryingBatchAPI: BatchAPI {
    /// The API whose calls are retried.
    public let base: any BatchAPI
    /// When and how long to retry.
    public let policy: RetryPolicy
    let retrier: Retrier

    /// Wraps `base`; waits happen on `clock` (tests pass a test clock); `recorder` hears of every retry.
    public init(
        _ base: any BatchAPI, policy: RetryPolicy = RetryPolicy(), clock: any Clock<Duration> = ContinuousClock(),
        recorder: (any RequestRecorder)? = nil
    ) {
        self.base = base
        self.policy = policy
        retrier = Retrier(policy: policy, clock: ElapsedClock(clock), gate: RateLimitGate(), recorder: recorder)
    }

    /// One page of jobs, retried.
    public func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        try await retrying { [base] () async throws(BatchAPIError) in try await base.listJobs(query) }
    }

    /// One job's status, retried.
    public func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse {
        try await retrying { [base] () async throws(BatchAPIError) in try await base.jobStatus(id: id) }
    }

    /// Cancels a job, retried (cancelling twice is harmless: the server answers that the job is already cancelled).
    public func cancelJob(id: String, reason: String?) async throws(BatchAPIError) -> CancelResponse {
        try await retrying { [base] () async throws(BatchAPIError) in try await base.cancelJob(id: id, reason: reason) }
    }

    /// One page of a job's items, retried.
    public func jobItems(id: String, query: ItemListQuery) async throws(BatchAPIError) -> ItemsPage {
        try await retrying { [base] () async throws(BatchAPIError) in try await base.jobItems(id: id, query: query) }
    }

    /// Runs `operation` until it succeeds, fails for good, runs out of retries or the task is cancelled.
    private func retrying<Response>(
        _ operation: @Sendable () async throws(BatchAPIError) -> Response
    ) async throws(BatchAPIError) -> Response {
        try await retrier.run(operation)
    }
}

/// The retry loop shared by the beta and v2 wrappers: waits out a closed 429 gate, retries what the policy allows.
struct Retrier: Sendable {
    let policy: RetryPolicy
    let clock: ElapsedClock
    let gate: RateLimitGate
    let recorder: (any RequestRecorder)?

    /// Runs `operation` until it succeeds, fails for good (per the policy, and `alsoRetryable` when given), runs
    /// out of retries or the task is cancelled.
    func run<Response>(
        _ operation: @Sendable () async throws(BatchAPIError) -> Response,
        alsoRetryable: (BatchAPIError) -> Bool = { _ in true }
    ) async throws(BatchAPIError) -> Response {
        var retry = 0
        while true {
            try? await clock.sleep(until: gate.reopensAt)
            do {
                return try await operation()
            } catch {
                let failure = error
                guard retry < policy.maxRetries, policy.isRetryable(failure), alsoRetryable(failure), !Task.isCancelled
                else { throw failure }
                let delay = policy.delay(beforeRetry: retry, after: failure)
                recorder?.retrying(attempt: retry + 1, seconds: delay, after: failure.description)
                let resumeAt = clock.now + .seconds(delay)
                if failure.isRateLimited { gate.close(until: resumeAt) }
                do {
                    try await clock.sleep(until: resumeAt)
                } catch {
                    throw failure
                }
                retry += 1
            }
        }
    }
}

/// The instant (on an `ElapsedClock`) before which no request may be sent after a 429.
final class RateLimitGate: Sendable {
    private let until = Locked<Duration>(.zero)

    /// When requests may be sent again (zero or a past value: now).
    var reopensAt: Duration { until.withLock { $0 } }

    /// Keeps requests back until `instant`, unless they are already held back longer.
    func close(until instant: Duration) {
        until.withLock { $0 = max($0, instant) }
    }
}
