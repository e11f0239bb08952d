import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

@Suite("Snapshots while a later listing pages in")
struct ProgressSnapshotTests {
    /// A poller over 1,000 running jobs, the first listing done, that publishes once a fifth of them were stored.
    private func pollerAfterFirstListing() async -> (Poller, HeldListAPI, ManualNow, Snapshot) {
        let clock = ManualNow()
        let api = HeldListAPI(jobs: fleet(1_000))
        var configuration = PollerConfiguration(interval: 2, maxConcurrentRequests: 1)
        configuration.progressivePublishMinimum = 100
        configuration.progressivePublishShare = 0.2
        let poller = Poller(api: api, configuration: configuration, now: { clock.date })
        let first = await poller.pollOnce()
        return (poller, api, clock, first)
    }

    /// Waits (up to 20 s) until the poller has published `count` snapshots while a later listing paged in.
    private func waitForProgressSnapshots(_ poller: Poller, count: Int) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        while await poller.publication.progressCount < count {
            try #require(ContinuousClock.now < deadline, "no snapshot was published while the listing paged in")
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test(
        "a listing in which every job changed publishes them a share at a time, and the cycle's snapshot keeps those versions",
        arguments: [false, true])
    func everyJobChangedPublishesAsItGoes(addsAJob: Bool) async throws {
        let (poller, api, clock, first) = await pollerAfterFirstListing()
        #expect(first.jobs.count == 1_000)
        #expect(first.jobs.allSatisfy { $0.job.processedItems == 3 })
        // Every job moves; pages from offset 500 on wait, so the listing stops half way.
        // With a new job (listed first), the cycle's snapshot rebuilds the display order instead of updating it.
        let added = addsAJob ? [wireJob("bjb-new", processed: 7)] : []
        api.setJobs(added + fleet(1_000).map { job in
            var job = job
            job.processedItems = 7
            return job
        })
        api.hold(from: 500)
        clock.advance(2)
        let cycle = Task { await poller.pollOnce() }
        // Pages arrive in waves of four (one request at a time): 100 jobs, then 400 more, then the held pages.
        try await waitForProgressSnapshots(poller, count: 1)
        // What the poller published last (the jobs of the snapshot the screen takes next).
        let progress = await poller.published.jobs
        let moved = progress.filter { $0.job.processedItems == 7 }
        #expect(moved.count == 500 - added.count, "\(moved.count) jobs moved")
        #expect(progress.map(\.id) == first.jobs.map(\.id), "the display order stands")
        #expect(moved.map(\.id) == Array(first.jobs.prefix(moved.count).map(\.id)), "the pages that arrived")
        #expect(progress.dropFirst(moved.count).allSatisfy { $0.job.processedItems == 3 })
        #expect(moved.allSatisfy { $0.freshUntil != nil }, "vouched for: just fetched fine")
        // The rest of the listing arrives and the cycle publishes its own snapshot.
        api.hold(from: nil)
        let cycleSnapshot = await cycle.value
        #expect(cycleSnapshot.jobs.count == 1_000 + added.count)
        #expect(cycleSnapshot.jobs.allSatisfy { $0.job.processedItems == 7 })
        #expect(cycleSnapshot.jobs.prefix(added.count).map(\.id) == added.map(\.id), "a new job first")
        var last = cycleSnapshot
        last.jobs = JobList(cycleSnapshot.jobs.dropFirst(added.count))
        #expect(last.jobs.allSatisfy { $0.freshUntil != nil }, "every running job vouched for")
        // The jobs published while the listing paged in are the very versions in the cycle's snapshot: refreshed
        // once, not copied again (the screen held them, so a second refresh would have made new versions).
        for (early, final) in zip(moved, last.jobs.prefix(moved.count)) {
            #expect(final.sharesStorage(with: early), "\(final.id) was made again at the end of the cycle")
        }
        // The others were refreshed at the end of the cycle, with the same data as a fetch would give.
        #expect(last.jobs.dropFirst(moved.count).allSatisfy { !$0.sharesStorage(with: first.jobs[0]) })
        #expect(await poller.publication.count == 2, "the cycle's own snapshot is published after the early ones")
    }

    @Test("a listing in which nothing changed publishes nothing, though it stores every running job again")
    func nothingChangedPublishesNothing() async throws {
        let (poller, api, clock, first) = await pollerAfterFirstListing()
        api.setJobs(fleet(1_000))
        clock.advance(2)
        let last = await poller.pollOnce()
        #expect(await poller.publication.progressCount == 0)
        #expect(await poller.publication.count == 1, "only the first cycle's snapshot")
        #expect(last.jobs.map(\.job) == first.jobs.map(\.job))
    }

    @Test("a listing in which a tenth of the jobs changed publishes each time a fifth more were stored")
    func someChangesPublishEarly() async throws {
        let (poller, api, clock, _) = await pollerAfterFirstListing()
        api.setJobs(fleet(1_000).enumerated().map { index, job in
            var job = job
            if index % 10 == 0 { job.processedItems = 7 }
            return job
        })
        clock.advance(2)
        let last = await poller.pollOnce()
        // Deliveries of 100, 400, 400 and 100 jobs: the second and third reach a fifth (the last ends the listing).
        #expect(await poller.publication.progressCount == 2)
        #expect(last.jobs.filter { $0.job.processedItems == 7 }.count == 100)
    }
}
