import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// A list endpoint over `count` jobs that reports `claimedTotal` as `total_size`, serves at most `pageCap` jobs a
/// page, and can fail the page at one offset.
final class LyingListAPI: BatchAPI {
    let jobs: [BatchJob]
    let claimedTotal: Int
    let pageCap: Int
    let failingOffset: Int?
    private let calls = Locked([Int]())

    init(count: Int, claimedTotal: Int, pageCap: Int = 100, failingOffset: Int? = nil) {
        jobs = (0..<count).map { wireJob(String(format: "bjb-%06d", $0)) }
        self.claimedTotal = claimedTotal
        self.pageCap = pageCap
        self.failingOffset = failingOffset
    }

    /// The offsets asked for, in order.
    var offsets: [Int] { calls.withLock { $0 } }

    func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        calls.withLock { $0.append(query.offset) }
        if query.offset == failingOffset { throw .server(status: 503, detail: "unavailable") }
        let page = jobs.dropFirst(query.offset).prefix(min(query.limit, pageCap))
        return JobListPage(items: Array(page), totalSize: claimedTotal)
    }

    func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse { throw .notFound(detail: nil) }
    func cancelJob(id: String, reason: String?) async throws(BatchAPIError) -> CancelResponse { throw .notFound(detail: nil) }
    func jobItems(id: String, query: ItemListQuery) async throws(BatchAPIError) -> ItemsPage { ItemsPage(items: [], totalSize: 0) }
}

@Suite("Paging is bounded whatever total_size says")
struct PagingBoundsTests {
    @Test("a total_size of 10^12 over 250 jobs costs the pages there are plus at most one wave of empty ones")
    func hugeTotal() async {
        let api = LyingListAPI(count: 250, claimedTotal: 1_000_000_000_000)
        let listing = await PagedLister(api: api, limit: 4).list([JobListQuery()])[0]
        #expect(listing.count == 250)
        #expect(listing.isComplete)
        #expect(api.offsets.count <= 1 + PagedLister.waveFactor * 4, "\(api.offsets.count) requests")
        #expect(api.offsets.contains(200))
    }

    @Test("an honest listing costs exactly ⌈N/100⌉ requests", arguments: [1, 99, 100, 101, 250, 1000])
    func honest(_ count: Int) async {
        let api = LyingListAPI(count: count, claimedTotal: count)
        let listing = await PagedLister(api: api, limit: 8).list([JobListQuery()])[0]
        #expect(listing.count == count)
        #expect(api.offsets.count == max(1, (count + 99) / 100))
    }

    @Test("a server that caps pages at 30 jobs is paged by 30")
    func cappedPages() async {
        let api = LyingListAPI(count: 100, claimedTotal: 100, pageCap: 30)
        let listing = await PagedLister(api: api, limit: 2).list([JobListQuery()])[0]
        #expect(listing.count == 100)
        #expect(api.offsets.sorted() == [0, 30, 60, 90])
    }

    @Test("a total_size lower than the listing stops at the total")
    func lowTotal() async {
        let api = LyingListAPI(count: 500, claimedTotal: 150)
        let listing = await PagedLister(api: api, limit: 8).list([JobListQuery()])[0]
        #expect(listing.count == 200)
        #expect(api.offsets.sorted() == [0, 100])
    }

    @Test("the page ceiling stops a long listing and marks it truncated")
    func ceiling() async {
        let api = LyingListAPI(count: 1000, claimedTotal: 1000)
        var lister = PagedLister(api: api, limit: 2)
        lister.maximumPages = 3
        let listing = await lister.list([JobListQuery()])[0]
        #expect(listing.count == 300)
        #expect(listing.isTruncated && !listing.isComplete && listing.failure == nil)
        #expect(api.offsets.count == 3)
    }

    @Test("a failed page keeps the jobs of the pages before it and reports the error")
    func failedPage() async {
        let api = LyingListAPI(count: 500, claimedTotal: 500, failingOffset: 300)
        let listing = await PagedLister(api: api, limit: 1).list([JobListQuery()])[0]
        #expect(listing.count == 300)
        #expect(listing.failure == .server(status: 503, detail: "unavailable"))
    }

    @Test("discovery shows the jobs of a listing whose later page failed, and reports the failure")
    func discoveryKeepsPartialListing() async throws {
        let api = LyingListAPI(count: 300, claimedTotal: 300, failingOffset: 200)
        let poller = Poller(api: api, configuration: PollerConfiguration(maxConcurrentRequests: 1))
        let snapshot = await poller.pollOnce()
        #expect(snapshot.jobs.count == 200)
        #expect(snapshot.health.lastError?.contains("503") == true)
    }
}
