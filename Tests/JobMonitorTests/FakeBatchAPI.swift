import Foundation
import LlamaCloud
import Synchronization

/// An in-memory `BatchAPI` that counts calls and can be told to fail.
final class FakeBatchAPI: BatchAPI {
    struct State {
        var jobs: [BatchJob] = []
        var failure: BatchAPIError?
        var listCalls: [JobListQuery] = []
        var statusCalls: [String] = []
    }

    let state = Mutex(State())

    init(jobs: [BatchJob]) {
        state.withLock { $0.jobs = jobs }
    }

    /// Replaces the stored jobs.
    func setJobs(_ jobs: [BatchJob]) { state.withLock { $0.jobs = jobs } }
    /// Makes every call fail with the error (nil: succeed again).
    func setFailure(_ error: BatchAPIError?) { state.withLock { $0.failure = error } }
    var listCalls: [JobListQuery] { state.withLock { $0.listCalls } }
    var statusCalls: [String] { state.withLock { $0.statusCalls } }

    func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        let result: Result<JobListPage, BatchAPIError> = state.withLock { state in
            state.listCalls.append(query)
            if let failure = state.failure { return .failure(failure) }
            let matching = state.jobs.filter { job in
                (query.status.map { $0 == job.status } ?? true) && (query.jobType.map { $0 == job.jobType } ?? true)
            }
            let page = Array(matching.dropFirst(query.offset).prefix(query.limit))
            return .success(JobListPage(items: page, totalSize: matching.count))
        }
        return try result.get()
    }

    func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse {
        let result: Result<JobStatusResponse, BatchAPIError> = state.withLock { state in
            state.statusCalls.append(id)
            if let failure = state.failure { return .failure(failure) }
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
