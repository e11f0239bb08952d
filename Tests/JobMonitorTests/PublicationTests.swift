import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

@Suite("Snapshots only when something changed")
struct PublicationTests {
    private func published(_ poller: Poller) async -> Int { await poller.publication.count }

    @Test("an unchanged poll publishes nothing; changes, failures and recovery do")
    func onlyChanges() async {
        let now = ManualNow()
        let api = FakeBatchAPI(jobs: [wireJob("a", status: "completed", processed: 10), wireJob("b", processed: 2)])
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: { now.date })
        await poller.pollOnce()
        #expect(await published(poller) == 1)
        now.advance(2)
        await poller.pollOnce()
        #expect(await published(poller) == 1)
        api.update("b") { $0.processedItems = 3 }
        now.advance(2)
        await poller.pollOnce()
        #expect(await published(poller) == 2)
        api.setFailure(.timeout)
        now.advance(2)
        let failed = await poller.pollOnce()
        #expect(await published(poller) == 3)
        #expect(failed.jobs.first { $0.id == "b" }?.fetchError == "request timed out")
        api.setFailure(nil)
        now.advance(2)
        await poller.pollOnce()
        #expect(await published(poller) == 4)
        now.advance(2)
        await poller.pollOnce()
        #expect(await published(poller) == 4)
    }

    @Test("an idle dashboard gets nothing after the poller says it idles: finished jobs only, many cycles")
    func idle() async {
        let now = ManualNow()
        let api = FakeBatchAPI(jobs: fleet(300, finished: 300))
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: { now.date })
        for _ in 0..<50 {
            await poller.pollOnce()
            now.advance(2)
        }
        // The first snapshot, then the second cycle's, which says the poller idles (`idleInterval`), and no more.
        #expect(await published(poller) == 2)
    }

    @Test("unchanged active jobs stay fresh through the vouch, renewed before it runs out")
    func keepAlive() async throws {
        let now = ManualNow()
        let api = FakeBatchAPI(jobs: [wireJob("a", processed: 2)])
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: { now.date })
        let first = await poller.pollOnce()
        let job = try #require(first.jobs.first)
        #expect(job.freshUntil == first.takenAt.addingTimeInterval(15))
        #expect(!job.isStale(at: first.takenAt.addingTimeInterval(14), interval: 2))
        #expect(job.isStale(at: first.takenAt.addingTimeInterval(16), interval: 2))
        var publishedAt: [Int] = []
        for second in stride(from: 2, through: 30, by: 2) {
            now.advance(2)
            let before = await published(poller)
            await poller.pollOnce()
            if await published(poller) > before { publishedAt.append(second) }
        }
        #expect(publishedAt == [12, 24])
    }

    @Test("a refresh and an unpause always publish")
    func forced() async {
        let api = FakeBatchAPI(jobs: [wireJob("a", status: "completed")])
        let poller = Poller(api: api, configuration: PollerConfiguration())
        await poller.pollOnce()
        await poller.pollOnce()  // idles: published once to say so
        await poller.pollOnce()
        #expect(await published(poller) == 2)
        await poller.refresh()
        await poller.pollOnce()
        #expect(await published(poller) == 3)
        await poller.pollOnce()  // idles again
        #expect(await published(poller) == 4)
        await poller.setPaused(true)
        await poller.setPaused(false)
        await poller.pollOnce()
        #expect(await published(poller) == 5)
    }

    @Test("a paused poller makes no request; refresh() while paused polls once; unpausing resumes")
    func paused() async {
        let time = TestTime()
        let api = FakeBatchAPI(jobs: [wireJob("a")])
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: time.now, clock: time.clock)
        let task = Task { await poller.run() }
        await eventually("first cycle") { api.listCalls.count == 1 }
        await poller.setPaused(true)
        await time.advance(2)
        await settle()
        await time.advance(60)
        await settle()
        #expect(api.listCalls.count == 1)
        await poller.refresh()
        await eventually("refresh while paused") { api.listCalls.count == 2 }
        await time.advance(60)
        await settle()
        #expect(api.listCalls.count == 2)
        await poller.setPaused(false)
        await eventually("resumed") { api.listCalls.count == 3 }
        await time.waitForSleeper()
        await time.advance(2)
        await eventually("next cycle") { api.listCalls.count == 4 }
        task.cancel()
        await task.value
    }
}
