import Foundation
import LlamaCloud

@testable import JobMonitor

/// A `BatchAPI` whose jobs can be replaced and whose list pages at or past an offset can be held back: a listing
/// that pages in slowly.
final class HeldListAPI: BatchAPI {
    private let state: Locked<(jobs: [BatchJob], holdFrom: Int?)>

    init(jobs: [BatchJob]) {
        state = Locked((jobs, nil))
    }

    /// Serves `jobs` from the next page on.
    func setJobs(_ jobs: [BatchJob]) { state.withLock { $0.jobs = jobs } }

    /// Holds back pages at or past `offset` (nil: none) until called again with nil.
    func hold(from offset: Int?) { state.withLock { $0.holdFrom = offset } }

    func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        while let from = state.withLock({ $0.holdFrom }), query.offset >= from {
            do {
                try await Task.sleep(for: .milliseconds(5))
            } catch {
                throw .transport("cancelled")
            }
        }
        let jobs = state.withLock { $0.jobs }.filter { job in query.status.map { $0 == job.status } ?? true }
        return JobListPage(items: Array(jobs.dropFirst(query.offset).prefix(query.limit)), totalSize: jobs.count)
    }

    func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse { throw .notFound(detail: nil) }

    func cancelJob(id: String, reason: String?) async throws(BatchAPIError) -> CancelResponse {
        throw .http(status: 400, detail: nil)
    }

    func jobItems(id: String, query: ItemListQuery) async throws(BatchAPIError) -> ItemsPage {
        ItemsPage(items: [], totalSize: 0)
    }
}
