import Foundation
import LlamaCloud

/// An in-memory `BatchAPI` serving `count` jobs: every `runningEvery`-th job is running and changes every generation
/// (one processed item more), the others are completed and never change (`runningEvery: 1`: all running, all
/// changing). `advance()` builds the next generation's pages, outside any measurement, so a list call only hands
/// out a ready page and the poller's own work (merge, metrics, snapshot, publication) is what a cycle measures.
public final class FakeBatchAPI: BatchAPI {
    private struct Pages {
        var generation = 0
        /// Pages of every job (a listing without a status filter).
        var all: [[BatchJob]] = []
        /// Pages of the running jobs (a `status=running` listing).
        var running: [[BatchJob]] = []
        var allCount = 0
        var runningCount = 0
    }

    private let base: [BatchJob]
    private let runningEvery: Int
    private let pages = Locked(Pages())

    /// Creates the jobs of generation 0.
    public init(jobs count: Int, runningEvery: Int = 1) {
        self.runningEvery = max(1, runningEvery)
        let every = self.runningEvery
        base = (0..<count).map { index in
            var job = Fixtures.wireJob(index, generation: 0, allRunning: true)
            if index % every != 0 {
                job.status = "completed"
                job.processedItems = job.totalItems
                job.completedAt = job.updatedAt
            }
            return job
        }
        pages.withLock { $0 = Self.pages(of: base, generation: 0) }
    }

    /// Moves every running job one item on, and the clock one interval (builds the new pages).
    public func advance() {
        let next = pages.withLock { $0.generation } + 1
        let built = Self.pages(of: base, generation: next)
        pages.withLock { $0 = built }
    }

    /// The current generation's time (the poller's clock).
    public var now: Date { Fixtures.date(generation: pages.withLock { $0.generation }) }

    private static func pages(of base: [BatchJob], generation: Int) -> Pages {
        let updated = Fixtures.date(generation: generation)
        let jobs = base.map { job -> BatchJob in
            guard job.status == "running" else { return job }
            var job = job
            job.processedItems = min(job.totalItems, (job.processedItems ?? 0) + generation)
            job.updatedAt = updated
            return job
        }
        let running = jobs.filter { $0.status == "running" }
        return Pages(
            generation: generation, all: paged(jobs), running: paged(running), allCount: jobs.count,
            runningCount: running.count)
    }

    private static func paged(_ jobs: [BatchJob]) -> [[BatchJob]] {
        stride(from: 0, to: jobs.count, by: Fixtures.pageSize).map {
            Array(jobs[$0..<min(jobs.count, $0 + Fixtures.pageSize)])
        }
    }

    /// A ready page: every job without a status filter, the running ones for `running`; other statuses are empty.
    public func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        let listing: [[BatchJob]]
        let total: Int
        switch query.status {
        case nil: (listing, total) = pages.withLock { ($0.all, $0.allCount) }
        case "running"?: (listing, total) = pages.withLock { ($0.running, $0.runningCount) }
        default: return JobListPage(items: [], totalSize: 0)
        }
        let index = max(0, query.offset) / Fixtures.pageSize
        guard index < listing.count else { return JobListPage(items: [], totalSize: total) }
        return JobListPage(items: listing[index], totalSize: total)
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
