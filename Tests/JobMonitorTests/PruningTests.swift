import Foundation
import LlamaCloud
import PollerStress
import Testing

@testable import JobMonitor

@Suite("Pruning jobs that left the project")
struct PruningTests {
    /// A poller listing the whole project every cycle from an API holding `jobs`, on a clock the test moves.
    private static func scanning(
        _ jobs: [BatchJob], vanishedRetention: TimeInterval, maxVanished: Int = 10_000
    ) -> (ManualNow, FakeBatchAPI, Poller) {
        let clock = ManualNow()
        let api = FakeBatchAPI(jobs: jobs)
        let configuration = PollerConfiguration(
            fullScanEvery: 1, vanishedRetention: vanishedRetention, maxVanished: maxVanished)
        return (clock, api, Poller(api: api, configuration: configuration, now: { clock.date }))
    }

    @Test("a vanished job stays marked for the retention period, then leaves the snapshot with its history")
    func prunedAfterRetention() async throws {
        let (clock, api, poller) = Self.scanning(fleet(20, finished: 10), vanishedRetention: 60)
        await poller.pollOnce()
        api.remove("bjb-0019")  // finished: the next full scan marks it vanished
        api.remove("bjb-0002")  // running: its status call answers 404
        clock.advance(1)
        let marked = await poller.pollOnce()
        let finished = try #require(marked.jobs.first { $0.id == "bjb-0019" })
        let running = try #require(marked.jobs.first { $0.id == "bjb-0002" })
        #expect(finished.isVanished && running.isVanished)
        #expect(finished.vanishedAt == clock.date)
        #expect(await !poller.samples(for: "bjb-0002").isEmpty)

        clock.advance(59)
        let kept = await poller.pollOnce()
        #expect(kept.jobs.count == 20, "dropped before the retention period ended")
        #expect(kept.jobs.first { $0.id == "bjb-0019" }?.vanishedAt == finished.vanishedAt, "first sighting kept")

        clock.advance(2)
        let pruned = await poller.pollOnce()
        #expect(pruned.jobs.count == 18)
        #expect(!pruned.jobs.contains { $0.id == "bjb-0019" || $0.id == "bjb-0002" })
        #expect(await poller.tracked.count == 18)
        #expect(await poller.order.count == 18)
        #expect(await poller.samples(for: "bjb-0002").isEmpty)
    }

    @Test("new jobs take the slots of pruned ones: each is shown once, in its place, and the pruned ones stay gone")
    func slotsReused() async throws {
        let jobs = fleet(10, finished: 5)
        let (clock, api, poller) = Self.scanning(jobs, vanishedRetention: 5)
        await poller.pollOnce()
        for id in ["bjb-0008", "bjb-0003", "bjb-0009"] { api.remove(id) }
        clock.advance(1)
        await poller.pollOnce()
        clock.advance(10)
        #expect(await poller.pollOnce().jobs.count == 7)
        // Three new jobs, listed first (newest created first): the table gives them the three freed slots.
        let arrivals = (0..<3).map { wireJob("bjb-new-\($0)", status: "running", processed: 1) }
        api.setJobs(arrivals + jobs.filter { !["bjb-0008", "bjb-0003", "bjb-0009"].contains($0.id) })
        clock.advance(1)
        let snapshot = await poller.pollOnce()
        let expected = ["bjb-new-0", "bjb-new-1", "bjb-new-2"] + ["0000", "0001", "0002", "0004", "0005", "0006", "0007"]
            .map { "bjb-" + $0 }
        #expect(snapshot.jobs.map(\.id) == expected)
        let order = await poller.order
        let table = await poller.tracked
        #expect(Set(order).count == order.count, "a slot listed twice")
        #expect(order.map { table[slot: Int($0)]?.id } == expected, "the order names a freed or reused slot")
        #expect(table.capacity == 10, "the new jobs did not reuse the freed slots")
    }

    @Test("a vanished job that comes back is live again and not pruned")
    func reappears() async throws {
        let jobs = fleet(5, finished: 5)
        let (clock, api, poller) = Self.scanning(jobs, vanishedRetention: 30)
        await poller.pollOnce()
        api.remove("bjb-0001")
        clock.advance(1)
        #expect(await poller.pollOnce().jobs.first { $0.id == "bjb-0001" }?.isVanished == true)
        api.setJobs(jobs)
        clock.advance(1)
        let back = try #require(await poller.pollOnce().jobs.first { $0.id == "bjb-0001" })
        #expect(!back.isVanished && back.vanishedAt == nil)
        clock.advance(100)
        #expect(await poller.pollOnce().jobs.count == 5)
    }

    @Test("past the most jobs kept gone, the longest gone are dropped before their retention ends, with their history")
    func mostVanishedKept() async throws {
        let (clock, api, poller) = Self.scanning(fleet(8, finished: 4), vanishedRetention: 600, maxVanished: 2)
        await poller.pollOnce()
        // Four jobs leave one cycle apart (running ones answer 404 to their status call, finished ones are missing
        // from the full scan): the two that left first are dropped as the third and fourth leave.
        for id in ["bjb-0007", "bjb-0001", "bjb-0006", "bjb-0002"] {
            api.remove(id)
            clock.advance(1)
            await poller.pollOnce()
        }
        let snapshot = await poller.pollOnce()
        #expect(snapshot.jobs.filter(\.isVanished).map(\.id).sorted() == ["bjb-0002", "bjb-0006"])
        #expect(snapshot.jobs.count == 6)
        #expect(await poller.order.count == 6)
        #expect(await poller.samples(for: "bjb-0001").isEmpty, "the history goes with the job")
        #expect(await !poller.samples(for: "bjb-0002").isEmpty)
    }

    @Test("explicit IDs are never dropped, even after a 404 long ago")
    func watchListKeepsEverything() async {
        let clock = ManualNow()
        let api = FakeBatchAPI(jobs: fleet(3))
        let poller = Poller(
            api: api, configuration: PollerConfiguration(jobIDs: ["bjb-0000", "bjb-gone"], vanishedRetention: 1),
            now: { clock.date })
        await poller.pollOnce()
        clock.advance(1000)
        let snapshot = await poller.pollOnce()
        #expect(snapshot.jobs.map(\.id) == ["bjb-0000", "bjb-gone"])
        #expect(snapshot.jobs.last?.isVanished == true)
    }

    @Test("a churning project keeps a bounded number of jobs: about its size plus what left in the retention period")
    func churnStaysBounded() async {
        let api = ChurningBatchAPI(jobs: 300, seed: 3)
        let clock = ManualNow()
        let poller = Poller(
            api: api, configuration: PollerConfiguration(fullScanEvery: 1, vanishedRetention: 5), now: { clock.date })
        var largest = 0
        for _ in 0..<150 {
            api.advance()
            clock.advance(1)
            largest = max(largest, await poller.pollOnce().jobs.count)
        }
        let seen = api.counts.list > 0 ? ChurningBatchAPI.id(serial: 0) : ""
        #expect(largest < 360, "\(largest) jobs tracked for a project of 300")
        #expect(await poller.tracked[seen] == nil, "the first job left long ago and should be gone")
    }
}
