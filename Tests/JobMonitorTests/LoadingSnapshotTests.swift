import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// A `BatchAPI` whose list pages at or past `gateOffset` wait until the gate opens: a listing that pages in slowly.
final class GatedListAPI: BatchAPI {
    private let jobs: [BatchJob]
    private let gateOffset: Int
    private let open = Locked(false)

    init(jobs: [BatchJob], gateOffset: Int) {
        self.jobs = jobs
        self.gateOffset = gateOffset
    }

    /// Lets the waiting pages answer.
    func openGate() { open.withLock { $0 = true } }

    func listJobs(_ query: JobListQuery) async throws(BatchAPIError) -> JobListPage {
        if query.offset >= gateOffset {
            while !open.withLock({ $0 }) {
                do {
                    try await Task.sleep(for: .milliseconds(5))
                } catch {
                    throw .transport("cancelled")
                }
            }
        }
        let matching = jobs.filter { job in query.status.map { $0 == job.status } ?? true }
        return JobListPage(items: Array(matching.dropFirst(query.offset).prefix(query.limit)), totalSize: matching.count)
    }

    func jobStatus(id: String) async throws(BatchAPIError) -> JobStatusResponse { throw .notFound(detail: nil) }

    func cancelJob(id: String, reason: String?) async throws(BatchAPIError) -> CancelResponse {
        throw .http(status: 400, detail: nil)
    }

    func jobItems(id: String, query: ItemListQuery) async throws(BatchAPIError) -> ItemsPage {
        ItemsPage(items: [], totalSize: 0)
    }
}

@Suite("Snapshots while the first listing pages in")
struct LoadingSnapshotTests {
    @Test("the first rows are published before the listing completes, with the count loaded and the total")
    func firstRowsBeforeListingCompletes() async throws {
        let jobs = fleet(1_000, finished: 400)
        // One request at a time: the first page, then waves of 4 pages; pages from offset 500 on wait for the gate.
        let api = GatedListAPI(jobs: jobs, gateOffset: 500)
        var configuration = PollerConfiguration(interval: 2, maxConcurrentRequests: 1)
        configuration.loadingPublishInterval = 0
        configuration.loadingPublishMinimum = 0
        let poller = Poller(api: api, configuration: configuration)
        let cycle = Task { await poller.pollOnce() }
        var iterator = poller.snapshots.makeAsyncIterator()
        var partial: Snapshot?
        while let snapshot = await iterator.next() {
            let loading = try #require(snapshot.loading, "a complete snapshot came before the gate opened")
            #expect(loading.total == 1_000)
            #expect(snapshot.jobs.count == loading.loaded)
            if loading.loaded == 500 {
                partial = snapshot
                break
            }
        }
        let shown = try #require(partial)
        #expect(shown.jobs.map(\.id) == jobs.prefix(500).map(\.id), "the pages that arrived, in listing order")
        #expect(shown.jobs.allSatisfy { $0.fetchedAt != nil })
        api.openGate()
        let complete = await cycle.value
        #expect(complete.loading == nil)
        #expect(complete.jobs.map(\.id) == jobs.map(\.id))
        // Each job loaded is refreshed once: the complete snapshot keeps the versions the loading one published
        // (every loading snapshot used to copy every unfinished job loaded before it), vouched for as they were.
        for (early, final) in zip(shown.jobs, complete.jobs) {
            #expect(final.sharesStorage(with: early), "\(final.id) was made again")
        }
        #expect(shown.jobs.filter { !$0.job.status.isTerminal }.allSatisfy { $0.freshUntil != nil })
        let last = await iterator.next()
        #expect(last?.loading == nil && last?.jobs.count == 1_000, "the complete listing is published")
        #expect(await poller.publication.loadingCount >= 1)

        // Later cycles never say loading.
        let next = await poller.pollOnce()
        #expect(next.loading == nil)
    }

    @Test("a listing that completes within the publish interval publishes only its complete snapshot")
    func fastListingPublishesOnce() async throws {
        let api = GatedListAPI(jobs: fleet(1_000), gateOffset: .max)
        var configuration = PollerConfiguration(interval: 2, maxConcurrentRequests: 1)
        configuration.loadingPublishInterval = 3_600
        let poller = Poller(api: api, configuration: configuration)
        let snapshot = await poller.pollOnce()
        #expect(snapshot.loading == nil && snapshot.jobs.count == 1_000)
        #expect(await poller.publication.count == 1)
        #expect(await poller.publication.loadingCount == 0)
    }

    @Test("a listing smaller than the minimum publishes only its complete snapshot, however slowly it pages")
    func smallListingPublishesOnce() async throws {
        let api = GatedListAPI(jobs: fleet(1_000), gateOffset: .max)
        var configuration = PollerConfiguration(interval: 2, maxConcurrentRequests: 1)
        configuration.loadingPublishInterval = 0
        configuration.loadingPublishMinimum = 1_001
        let poller = Poller(api: api, configuration: configuration)
        _ = await poller.pollOnce()
        #expect(await poller.publication.loadingCount == 0)
    }
}
