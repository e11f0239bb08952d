import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

@Suite("Idle polling: nothing unfinished and nothing changing stretches the wait")
struct IdlePollingTests {
    /// A poller over `jobs` at a 1 s interval, with a manual clock.
    func poller(_ api: FakeBatchAPI, clock: ManualNow, limit: TimeInterval? = nil) -> Poller {
        var configuration = PollerConfiguration(interval: 1)
        configuration.idleIntervalLimit = limit
        return Poller(api: api, configuration: configuration, now: { clock.date })
    }

    /// Runs `count` cycles, advancing the clock by each cycle's wait, and returns the waits.
    func waits(_ poller: Poller, clock: ManualNow, cycles count: Int) async -> [TimeInterval] {
        var waits: [TimeInterval] = []
        for _ in 0..<count {
            await poller.pollOnce()
            let wait = await poller.nextWait ?? 0
            waits.append(wait)
            clock.advance(wait)
        }
        return waits
    }

    @Test("finished jobs: the wait doubles per unchanged cycle up to ten intervals, and the header is told")
    func stretches() async {
        let clock = ManualNow()
        let api = FakeBatchAPI(jobs: fleet(5, finished: 5))
        let poller = poller(api, clock: clock)
        #expect(await waits(poller, clock: clock, cycles: 7) == [1, 2, 4, 8, 10, 10, 10])
        let snapshot = await poller.pollOnce()
        #expect(snapshot.idleInterval == 10)
        #expect(snapshot.interval == 1)
    }

    @Test("a new job ends the idling at once; so do refresh and unpausing")
    func changesRestoreThePace() async {
        let clock = ManualNow()
        let api = FakeBatchAPI(jobs: fleet(3, finished: 3))
        let poller = poller(api, clock: clock)
        _ = await waits(poller, clock: clock, cycles: 3)
        #expect(await poller.nextWait == 4)

        let idle = await poller.pollOnce()
        #expect(idle.idleInterval == 10)
        api.setJobs(fleet(3, finished: 3) + [wireJob("bjb-new", status: "completed", total: 4, processed: 4)])
        let changed = await poller.pollOnce()
        #expect(changed.jobs.count == 4)
        #expect(changed.idleInterval == nil)
        #expect(await poller.nextWait == 1)

        _ = await waits(poller, clock: clock, cycles: 3)
        #expect(await poller.nextWait == 8)
        await poller.refresh()
        await poller.pollOnce()
        #expect(await poller.nextWait == 1)

        _ = await waits(poller, clock: clock, cycles: 3)
        await poller.setPaused(true)
        await poller.setPaused(false)
        await poller.pollOnce()
        #expect(await poller.nextWait == 2, "unpausing starts the stretching over")
    }

    @Test("an unfinished job keeps the normal pace even when its counts stand still")
    func unfinishedNeverIdles() async {
        let clock = ManualNow()
        let api = FakeBatchAPI(jobs: fleet(4, finished: 3))
        let poller = poller(api, clock: clock)
        #expect(await waits(poller, clock: clock, cycles: 6) == [1, 1, 1, 1, 1, 1])
    }

    @Test("failing cycles are never idle: the error backoff decides")
    func failuresAreNotIdle() async {
        let clock = ManualNow()
        let api = FakeBatchAPI(jobs: fleet(2, finished: 2))
        let poller = poller(api, clock: clock)
        _ = await waits(poller, clock: clock, cycles: 3)
        api.setFailure(.server(status: 503, detail: "down"))
        let failing = await poller.pollOnce()
        #expect(failing.idleInterval == nil)
        #expect(await poller.idleCycles == 0)
    }

    @Test("the limit is configurable and never below the interval")
    func limit() async {
        let clock = ManualNow()
        let poller = poller(FakeBatchAPI(jobs: fleet(2, finished: 2)), clock: clock, limit: 3)
        #expect(await waits(poller, clock: clock, cycles: 4) == [1, 2, 3, 3])
        #expect(PollerConfiguration(interval: 5).idleLimit == 30)
        var short = PollerConfiguration(interval: 5)
        short.idleIntervalLimit = 1
        #expect(short.idleLimit == 5)
        short.idleIntervalLimit = .nan
        #expect(short.idleLimit == 30)
    }
}
