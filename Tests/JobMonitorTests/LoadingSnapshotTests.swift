import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

@Suite("Snapshots while the first listing pages in")
struct LoadingSnapshotTests {
    @Test("the first rows are published before the listing completes, with the count loaded and the total")
    func firstRowsBeforeListingCompletes() async throws {
        let jobs = fleet(1_000, finished: 400)
        // One request at a time: the first page, then waves of 4 pages; pages from offset 500 on are held back.
        let api = HeldListAPI(jobs: jobs)
        api.hold(from: 500)
        var configuration = PollerConfiguration(interval: 2, maxConcurrentRequests: 1)
        configuration.loadingPublishInterval = 0
        configuration.loadingPublishMinimum = 0
        let poller = Poller(api: api, configuration: configuration)
        let cycle = Task { await poller.pollOnce() }
        var iterator = poller.snapshots.makeAsyncIterator()
        var partial: Snapshot?
        while let snapshot = await iterator.next() {
            let loading = try #require(snapshot.loading, "a complete snapshot came before the held pages were let go")
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
        api.hold(from: nil)
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
        let api = HeldListAPI(jobs: fleet(1_000))
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
        let api = HeldListAPI(jobs: fleet(1_000))
        var configuration = PollerConfiguration(interval: 2, maxConcurrentRequests: 1)
        configuration.loadingPublishInterval = 0
        configuration.loadingPublishMinimum = 1_001
        let poller = Poller(api: api, configuration: configuration)
        _ = await poller.pollOnce()
        #expect(await poller.publication.loadingCount == 0)
    }
}
