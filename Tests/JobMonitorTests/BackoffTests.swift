import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

@Suite("Slowing down on failures, stopping on a rejected key")
struct BackoffTests {
    @Test("a 429 slows the whole poller down: no request before its Retry-After, then back to the interval")
    func rateLimitRetryAfter() async {
        let time = TestTime()
        let api = FakeBatchAPI(jobs: [wireJob("a")])
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: time.now, clock: time.clock)
        let task = Task { await poller.run() }
        await eventually("first cycle") { api.listCalls.count == 1 }
        api.failNext([.rateLimited(retryAfter: 10, detail: "slow down")])
        await time.waitForSleeper()
        await time.advance(2)
        await eventually("rate-limited cycle") { await poller.health.consecutiveFailures == 1 }
        let health = await poller.health
        #expect(health.state == .degraded)
        #expect(health.lastErrorStatus == 429)
        #expect(health.nextRetryAt == time.start.addingTimeInterval(12))
        #expect(health.message == "API degraded: rate limited by the API, slowing down")
        await time.waitForSleeper()
        await time.advance(9.9)
        await settle()
        #expect(api.listCalls.count == 2, "polled again before the Retry-After had passed")
        await time.advance(0.1)
        await eventually("cycle after the wait") { api.listCalls.count == 3 }
        await eventually("recovered") { await poller.health.state == .ok }
        #expect(await poller.health.nextRetryAt == nil)
        await time.waitForSleeper()
        await time.advance(2)
        await eventually("normal pace again") { api.listCalls.count == 4 }
        task.cancel()
        await task.value
    }

    @Test("repeated 429s without advice wait 4, 8, 16 s; clean cycles then come back to 2 s one step at a time")
    func rateLimitLevels() async {
        let api = FakeBatchAPI(jobs: [wireJob("a")])
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2))
        var waits: [TimeInterval?] = []
        api.failNext(Array(repeating: .rateLimited(retryAfter: nil, detail: nil), count: 3))
        for _ in 0..<6 {
            await poller.pollOnce()
            waits.append(await poller.nextWait)
        }
        #expect(waits == [4, 8, 16, 8, 4, 2])
    }

    @Test("other failures back off with the failures in a row, up to 30 s, and recover at once")
    func failureBackoff() async {
        let api = FakeBatchAPI(jobs: [wireJob("a")])
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2))
        api.setFailure(.server(status: 503, detail: nil))
        var waits: [TimeInterval?] = []
        for _ in 0..<6 {
            await poller.pollOnce()
            waits.append(await poller.nextWait)
        }
        #expect(waits == [2, 4, 8, 16, 30, 30])
        #expect(await poller.health.state == .down)
        api.setFailure(nil)
        await poller.pollOnce()
        #expect(await poller.nextWait == 2)
        #expect(await poller.health.state == .ok)
    }

    @Test("a 401 stops polling and says what to do; refresh() tries again")
    func unauthorizedStops() async {
        let time = TestTime()
        let api = FakeBatchAPI(jobs: [wireJob("a")])
        api.setFailure(.unauthorized(detail: "Invalid API key"))
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 2), now: time.now, clock: time.clock)
        let task = Task { await poller.run() }
        await eventually("first cycle") { await poller.health.state == .unauthorized }
        let health = await poller.health
        #expect(health.message == "API key rejected (401): check LLAMA_CLOUD_API_KEY (or --api-key-file), then press r")
        #expect(health.nextRetryAt == nil)
        await time.advance(600)
        await settle()
        #expect(api.listCalls.count == 1)
        api.setFailure(nil)
        await poller.refresh()
        await eventually("polled after refresh") { api.listCalls.count == 2 }
        await eventually("healthy") { await poller.health.state == .ok }
        task.cancel()
        await task.value
    }

    @Test("a 403 names the project as the thing to check")
    func forbidden() async {
        let api = FakeBatchAPI(jobs: [])
        api.setFailure(.forbidden(detail: nil))
        let poller = Poller(api: api, configuration: PollerConfiguration())
        let snapshot = await poller.pollOnce()
        #expect(snapshot.health.state == .unauthorized)
        #expect(snapshot.health.message?.hasPrefix("API key not allowed here (403)") == true)
    }
}
