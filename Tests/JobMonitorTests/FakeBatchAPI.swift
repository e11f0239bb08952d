import Foundation
import LlamaCloud

/// An in-memory `BatchAPI` that counts calls, measures how many are in flight at once, and can be told to fail.
final class FakeBatchAPI: BatchAPI {
    struct State {
        var jobs: [BatchJob] = []
        var failure: BatchAPIError?
        var listFailure: BatchAPIError?
        var statusFailures: [String: BatchAPIError] = [:]
        var failNext: [BatchAPIError] = []
        var listCalls: [JobListQuery] = []
        var statusCalls: [String] = []
        var inFlight = 0
        var maxInFlight = 0
    }

    let state = Locked(State())
    /// Yields this many times inside every call, so that concurrent calls overlap (0: answer at once).
    let overlapYields: Int

    init(jobs: [BatchJob], overlapYields: Int = 0) {
        self.overlapYields = overlapYields
        state.withLock { $0.jobs = jobs }
    }

    /// Replaces the stored jobs.
    func setJobs(_ jobs: [BatchJob]) { state.withLock { $0.jobs = jobs } }
    /// Changes one stored job.
    func update(_ id: String, _ change: (inout BatchJob) -> Void) {
        state.withLock { state in
            if let index = state.jobs.firstIndex(where: { $0.id == id }) { change(&state.jobs[index]) }
        }
    }
    /// Removes a job from the server.
    func remove(_ id: String) { state.withLock { $0.jobs.removeAll { $0.id == id } } }
    /// Makes every call fail with the error (nil: succeed again).
    func setFailure(_ error: BatchAPIError?) { state.withLock { $0.failure = error } }
    /// Makes every list call fail with the error (nil: succeed again).
    func setListFailure(_ error: BatchAPIError?) { state.withLock { $0.listFailure = error } }
    /// Makes the status call of one job fail (nil: succeed again).
    func setStatusFailure(_ id: String, _ error: BatchAPIError?) { state.withLock { $0.statusFailures[id] = error } }
    /// The next calls, whatever they are, fail with these errors in order.
    func failNext(_ errors: [BatchAPIError]) { state.withLock { $0.failNext += errors } }
    /// Forgets the recorded calls.
    func resetCounts() {
        state.withLock { state in
            state.listCalls = []
            state.statusCalls = []
            state.maxInFlight = 0
        }
    }

    var listCalls: [JobListQuery] { state.withLock { $0.listCalls } }
    var statusCalls: [String] { state.withLock { $0.statusCalls } }
    var requestCount: Int { state.withLock { $0.listCalls.count + $0.statusCalls.count } }
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    private func enter() async {
        state.withLock { state in
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
        }
        for _ in 0..<overlapYields { await Task.yield() }
    }

    private func leave() { state.withLock { $0.inFlight -= 1 } }

    func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        await enter()
        defer { leave() }
        let result: Result<JobListPage, BatchAPIError> = state.withLock { state in
            state.listCalls.append(query)
            if !state.failNext.isEmpty { return .failure(state.failNext.removeFirst()) }
            if let failure = state.failure ?? state.listFailure { return .failure(failure) }
            let matching = state.jobs.filter { job in
                (query.status.map { $0 == job.status } ?? true) && (query.jobType.map { $0 == job.jobType } ?? true)
            }
            let page = Array(matching.dropFirst(query.offset).prefix(query.limit))
            return .success(JobListPage(items: page, totalSize: matching.count))
        }
        return try result.get()
    }

    func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse {
        await enter()
        defer { leave() }
        let result: Result<JobStatusResponse, BatchAPIError> = state.withLock { state in
            state.statusCalls.append(id)
            if !state.failNext.isEmpty { return .failure(state.failNext.removeFirst()) }
            if let failure = state.failure ?? state.statusFailures[id] { return .failure(failure) }
            guard let job = state.jobs.first(where: { $0.id == id }) else { return .failure(.notFound(detail: nil)) }
            return .success(JobStatusResponse(job: job, progressPercentage: JobStatusResponse.derivedPercentage(of: job)))
        }
        return try result.get()
    }

    func cancelJob(id: String, reason: String?) async throws(BatchAPIError) -> CancelResponse {
        throw .notFound(detail: nil)
    }

    func jobItems(id: String, query: ItemListQuery) async throws(BatchAPIError) -> ItemsPage {
        ItemsPage(items: [], totalSize: 0)
    }
}

/// A wire job with the given status and counts.
func wireJob(_ id: String, status: String = "running", total: Int = 10, processed: Int = 0, type: String = "parse") -> BatchJob {
    BatchJob(id: id, jobType: type, projectID: "p", status: status, totalItems: total, processedItems: processed)
}

/// `count` jobs of which `finished` are completed (the last ones) and the rest running.
func fleet(_ count: Int, finished: Int = 0) -> [BatchJob] {
    (0..<count).map { index in
        let done = index >= count - finished
        return wireJob(String(format: "bjb-%04d", index), status: done ? "completed" : "running", processed: done ? 10 : 3)
    }
}
