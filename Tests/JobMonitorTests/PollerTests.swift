import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

/// A clock value tests move by hand.
final class ManualNow: Sendable {
    private let value = Locked(Date(timeIntervalSince1970: 1_795_946_400))
    var date: Date { value.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { value.withLock { $0 += seconds } }
}

@Suite("Poller")
struct PollerTests {
    @Test("discovery lists every page and publishes every job")
    func discoveryPaginates() async throws {
        let api = FakeBatchAPI(jobs: (0..<250).map { wireJob("bjb-\($0)") })
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2))
        let snapshot = await poller.pollOnce()
        #expect(snapshot.jobs.count == 250)
        #expect(api.listCalls.map(\.offset).sorted() == [0, 100, 200])
        #expect(snapshot.health.state == .ok)
        #expect(snapshot.cycle == 1)
    }

    @Test("status and type filters become one listing per combination")
    func discoveryFilters() async {
        let api = FakeBatchAPI(jobs: [
            wireJob("a", status: "running"), wireJob("b", status: "failed"), wireJob("c", status: "completed"),
            wireJob("d", status: "failed", type: "extract"),
        ])
        let poller = Poller(api: api, configuration: PollerConfiguration(statuses: ["running", "failed"], jobTypes: ["parse"]))
        let snapshot = await poller.pollOnce()
        #expect(Set(snapshot.jobs.map(\.id)) == ["a", "b"])
        #expect(api.listCalls.map { $0.status ?? "" }.sorted() == ["failed", "running"])
        #expect(api.listCalls.allSatisfy { $0.jobType == "parse" })
    }

    @Test("the stream keeps only the newest snapshot")
    func newestWins() async throws {
        let api = FakeBatchAPI(jobs: [wireJob("a", processed: 1)])
        let poller = Poller(api: api, configuration: PollerConfiguration())
        await poller.pollOnce()
        api.setJobs([wireJob("a", processed: 5)])
        await poller.pollOnce()
        var iterator = poller.snapshots.makeAsyncIterator()
        let first = try #require(await iterator.next())
        #expect(first.cycle == 2)
        #expect(first.jobs.first?.job.processedItems == 5)
    }

    @Test("an API error reaches the health and the jobs keep their last data")
    func errorsReachHealth() async {
        let now = ManualNow()
        let api = FakeBatchAPI(jobs: [wireJob("a", processed: 3)])
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: { now.date })
        await poller.pollOnce()
        let firstFetch = now.date
        now.advance(2)
        api.setFailure(.server(status: 503, detail: "maintenance"))
        let failed = await poller.pollOnce()
        #expect(failed.health.state == .degraded)
        #expect(failed.health.lastError == "server error 503: maintenance")
        #expect(failed.health.consecutiveFailures == 1)
        #expect(failed.health.lastSuccess == firstFetch)
        let job = failed.jobs.first
        #expect(job?.job.processedItems == 3)
        #expect(job?.fetchedAt == firstFetch)
        #expect(job?.fetchError == "server error 503: maintenance")
        now.advance(2)
        await poller.pollOnce()
        now.advance(2)
        #expect(await poller.pollOnce().health.state == .down)
        api.setFailure(nil)
        now.advance(2)
        let recovered = await poller.pollOnce()
        #expect(recovered.health.state == .ok)
        #expect(recovered.jobs.first?.fetchError == nil)
        #expect(recovered.jobs.first?.fetchedAt == now.date)
    }

    @Test("a 401 stops polling until refresh")
    func unauthorizedStops() async {
        let api = FakeBatchAPI(jobs: [wireJob("a")])
        api.setFailure(.unauthorized(detail: "Invalid API key"))
        let poller = Poller(api: api, configuration: PollerConfiguration())
        #expect(await poller.pollOnce().health.state == .unauthorized)
        await poller.pollOnce()
        #expect(api.listCalls.count == 1)
        api.setFailure(nil)
        await poller.refresh()
        #expect(await poller.pollOnce().health.state == .ok)
        #expect(api.listCalls.count == 2)
    }

    @Test("explicit IDs: one status call per job, terminal jobs are not fetched again, unknown IDs are marked")
    func watchList() async {
        let api = FakeBatchAPI(jobs: [wireJob("a", status: "running"), wireJob("b", status: "completed", total: 4, processed: 4)])
        let poller = Poller(api: api, configuration: PollerConfiguration(jobIDs: ["a", "b", "missing"]))
        let first = await poller.pollOnce()
        #expect(first.jobs.map(\.id) == ["a", "b", "missing"])
        #expect(Set(api.statusCalls) == ["a", "b", "missing"])
        #expect(first.jobs[1].job.progressPercent == 100)
        #expect(first.jobs[2].isVanished)
        #expect(first.jobs[2].fetchError == "404 not found")
        await poller.pollOnce()
        #expect(api.statusCalls.filter { $0 == "b" }.count == 1)
        #expect(api.statusCalls.filter { $0 == "a" }.count == 2)
    }

    @Test("jobs missing from a complete scan are kept and marked vanished; new jobs come first")
    func vanishedAndNew() async {
        let api = FakeBatchAPI(jobs: [wireJob("a"), wireJob("b")])
        let poller = Poller(api: api, configuration: PollerConfiguration())
        await poller.pollOnce()
        api.setJobs([wireJob("c"), wireJob("a")])
        let snapshot = await poller.pollOnce()
        #expect(snapshot.jobs.map(\.id) == ["c", "a", "b"])
        #expect(snapshot.jobs.map(\.isVanished) == [false, false, true])
    }

    @Test("run() polls every interval on the clock, publishes changes, and ends when cancelled")
    func runLoop() async throws {
        let time = TestTime()
        let api = FakeBatchAPI(jobs: [wireJob("a", processed: 0)])
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: time.now, clock: time.clock)
        let task = Task { await poller.run() }
        var iterator = poller.snapshots.makeAsyncIterator()
        var processed: [Int?] = []
        for step in 1...3 {
            let snapshot = try #require(await iterator.next())
            processed.append(snapshot.jobs.first?.job.processedItems)
            api.update("a") { $0.processedItems = step }
            await time.waitForSleeper()
            await time.advance(1.9)
            await settle()
            #expect(api.listCalls.count == step, "polled before the interval had passed")
            await time.advance(0.1)
        }
        #expect(processed == [0, 1, 2])
        await eventually("fourth cycle") { api.listCalls.count == 4 }
        await eventually("fourth cycle published") { await poller.publication.count == 4 }
        task.cancel()
        await task.value
        #expect(await iterator.next()?.jobs.first?.job.processedItems == 3)
        #expect(await iterator.next() == nil)
    }
}
