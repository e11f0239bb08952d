import FoundationEssentials

/// A `BatchesAPI` that retries the calls of another one like `RetryingBatchAPI` does, sharing its 429 gate when
/// built from one (both talk to the same server). A cancel answered with a 4xx is never retried: it is a refusal.
public struct RetryingBatchesAPI: BatchesAPI {
    /// The API whose calls are retried.
    public let base: any BatchesAPI
    private let retrier: Retrier

    /// Wraps `base` with its own policy, clock and gate.
    public init(
        _ base: any BatchesAPI, policy: RetryPolicy = RetryPolicy(), clock: any Clock<Duration> = ContinuousClock(),
        recorder: (any RequestRecorder)? = nil
    ) {
        self.base = base
        retrier = Retrier(policy: policy, clock: ElapsedClock(clock), gate: RateLimitGate(), recorder: recorder)
    }

    /// Wraps `base` with the policy, clock and 429 gate of a beta wrapper.
    public init(_ base: any BatchesAPI, sharingWith beta: RetryingBatchAPI) {
        self.base = base
        retrier = beta.retrier
    }

    /// One page of batches, retried.
    public func listBatches(_ query: BatchListQuery) async throws(BatchAPIError) -> CursorPage<Batch> {
        try await retrier.run { [base] () async throws(BatchAPIError) in try await base.listBatches(query) }
    }

    /// One batch, retried.
    public func batch(id: String, expandResults: Bool) async throws(BatchAPIError) -> Batch {
        try await retrier.run { [base] () async throws(BatchAPIError) in
            try await base.batch(id: id, expandResults: expandResults)
        }
    }

    /// Cancels a batch; retried after transport errors, 429 and 5xx, never after another 4xx (409 included).
    public func cancelBatch(id: String) async throws(BatchAPIError) -> Batch {
        try await retrier.run(
            { [base] () async throws(BatchAPIError) in try await base.cancelBatch(id: id) },
            alsoRetryable: { error in
                guard let status = error.httpStatus else { return true }
                return status == 429 || status >= 500
            })
    }

    /// Parse or extract jobs by ID, retried.
    public func processingJobs(
        _ kind: ProcessingJobKind, ids: [String], pageSize: Int, pageToken: String?
    ) async throws(BatchAPIError) -> CursorPage<ProcessingJob> {
        try await retrier.run { [base] () async throws(BatchAPIError) in
            try await base.processingJobs(kind, ids: ids, pageSize: pageSize, pageToken: pageToken)
        }
    }

    /// A directory's files, retried.
    public func directoryFiles(
        directoryID: String, pageSize: Int, pageToken: String?
    ) async throws(BatchAPIError) -> CursorPage<DirectoryFile> {
        try await retrier.run { [base] () async throws(BatchAPIError) in
            try await base.directoryFiles(directoryID: directoryID, pageSize: pageSize, pageToken: pageToken)
        }
    }
}
