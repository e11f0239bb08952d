import Foundation
import LlamaCloud

/// An in-memory `BatchAPI` serving `count` running jobs that all change every generation. Pages are built once;
/// a list call copies one page and bumps its processed counts (100 small writes), so the poller's own work dominates.
public final class FakeBatchAPI: BatchAPI {
    private let pages: [[BatchJob]]
    private let total: Int
    private let generation = Locked(0)

    /// Creates the jobs of generation 0.
    public init(jobs count: Int) {
        total = count
        pages = stride(from: 0, to: count, by: Fixtures.pageSize).map { offset in
            (offset..<min(count, offset + Fixtures.pageSize)).map { Fixtures.wireJob($0, generation: 0, allRunning: true) }
        }
    }

    /// Moves every job one item on, and the clock one interval.
    public func advance() { generation.withLock { $0 += 1 } }

    /// The current generation's time (the poller's clock).
    public var now: Date { Fixtures.date(generation: generation.withLock { $0 }) }

    /// A page of the running jobs (all of them); pending and dispatched listings are empty.
    public func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        guard query.status == nil || query.status == "running" else { return JobListPage(items: [], totalSize: 0) }
        let index = max(0, query.offset) / Fixtures.pageSize
        guard index < pages.count else { return JobListPage(items: [], totalSize: total) }
        let step = generation.withLock { $0 }
        let updated = Fixtures.date(generation: step)
        var page = pages[index]
        for position in page.indices {
            page[position].processedItems = min(page[position].totalItems, (page[position].processedItems ?? 0) + step)
            page[position].updatedAt = updated
        }
        return JobListPage(items: page, totalSize: total)
    }

    /// The job's status (not called while every job stays listed).
    public func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse {
        throw .notFound(detail: "not served by the benchmark API")
    }

    /// Refused: benchmarks never cancel.
    public func cancelJob(id: String, reason: String?) async throws(BatchAPIError) -> CancelResponse {
        throw .http(status: 400, detail: "not served by the benchmark API")
    }

    /// No items: benchmarks never open a job.
    public func jobItems(id: String, query: ItemListQuery) async throws(BatchAPIError) -> ItemsPage {
        ItemsPage(items: [], totalSize: 0)
    }
}
