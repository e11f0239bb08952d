import Dashboard
import Foundation
import JobMonitor
import Testing

@Suite struct WatchEventsTests {
    private func tracked(
        _ status: JobStatus, processed: Int = 0, total: Int = 100, failed: Int? = 0, fetched: Bool = true,
        vanished: Bool = false
    ) -> TrackedJob {
        TrackedJob(
            job: Job(id: "bjb-1", type: .parse, status: status, totalItems: total, processedItems: processed, failedItems: failed),
            fetchedAt: fetched ? Fixtures.now : nil, isVanished: vanished)
    }

    private func snapshot(_ jobs: [TrackedJob], health: APIHealth = APIHealth(lastSuccess: Fixtures.now)) -> Snapshot {
        Snapshot(jobs: jobs, health: health, takenAt: Fixtures.now, interval: 2)
    }

    private func changes(from old: TrackedJob, to new: TrackedJob) -> [WatchChange] {
        WatchEvents.derive(previous: snapshot([old]), current: snapshot([new])).flatMap(\.changes)
    }

    @Test("nothing changed: no event")
    func unchanged() {
        let job = tracked(.running, processed: 34)
        #expect(WatchEvents.derive(previous: snapshot([job]), current: snapshot([job])).isEmpty)
        // Progress within the same 10 % step is not worth a line either.
        #expect(changes(from: job, to: tracked(.running, processed: 39)).isEmpty)
    }

    @Test("first sight: appeared; a job already finished is reported finished; a placeholder is not reported")
    func appeared() {
        let running = WatchEvents.derive(previous: nil, current: snapshot([tracked(.running, processed: 5)]))
        #expect(running.map(\.kind) == [.jobChanged])
        #expect(running.first?.changes == [.appeared])
        let done = WatchEvents.derive(previous: nil, current: snapshot([tracked(.completed, processed: 100)]))
        #expect(done.map(\.kind) == [.jobFinished])
        #expect(WatchEvents.derive(previous: nil, current: snapshot([tracked(.other("unknown"), fetched: false)])).isEmpty)
        let fetchedLater = WatchEvents.derive(
            previous: snapshot([tracked(.other("unknown"), fetched: false)]), current: snapshot([tracked(.pending)]))
        #expect(fetchedLater.first?.changes == [.appeared])
    }

    @Test("a status transition; into a terminal status it is job_finished")
    func transition() {
        let started = WatchEvents.derive(previous: snapshot([tracked(.pending)]), current: snapshot([tracked(.running)]))
        #expect(started.map(\.kind) == [.jobChanged])
        #expect(started.first?.changes == [.status(from: .pending, to: .running)])
        let failed = WatchEvents.derive(
            previous: snapshot([tracked(.running, processed: 50)]), current: snapshot([tracked(.failed, processed: 50)]))
        #expect(failed.map(\.kind) == [.jobFinished])
        #expect(failed.first?.changes == [.status(from: .running, to: .failed)])
    }

    @Test("each new 10 % step is reported once, a jump as one change")
    func progressSteps() {
        #expect(changes(from: tracked(.running, processed: 9), to: tracked(.running, processed: 10)) == [.progress(fromStep: 0, toStep: 1)])
        #expect(changes(from: tracked(.running, processed: 12), to: tracked(.running, processed: 47)) == [.progress(fromStep: 1, toStep: 4)])
        #expect(changes(from: tracked(.running, processed: 99), to: tracked(.running, processed: 100)) == [.progress(fromStep: 9, toStep: 10)])
        // Going backward is not a step.
        #expect(changes(from: tracked(.running, processed: 50), to: tracked(.running, processed: 30)).isEmpty)
        #expect(WatchEvents.progressStep(of: Job(id: "x", type: .parse, status: .running, totalItems: 10, progressPercent: 250)) == 10)
        #expect(WatchEvents.progressStep(of: Job(id: "x", type: .parse, status: .running, totalItems: 10, progressPercent: .nan)) == 0)
    }

    @Test("a failed-item count that grows is reported; one that stays or shrinks is not")
    func failedItems() {
        #expect(changes(from: tracked(.running, processed: 31, failed: 0), to: tracked(.running, processed: 32, failed: 2))
            == [.failedItems(from: 0, to: 2)])
        #expect(changes(from: tracked(.running, processed: 31, failed: nil), to: tracked(.running, processed: 32, failed: 1))
            == [.failedItems(from: 0, to: 1)])
        #expect(changes(from: tracked(.running, processed: 31, failed: 3), to: tracked(.running, processed: 32, failed: 3)).isEmpty)
        #expect(changes(from: tracked(.running, processed: 31, failed: 3), to: tracked(.running, processed: 32, failed: 1)).isEmpty)
    }

    @Test("a job that vanishes is reported once, also when it was never fetched (404)")
    func vanished() {
        #expect(changes(from: tracked(.running), to: tracked(.running, vanished: true)) == [.vanished])
        #expect(changes(from: tracked(.running, vanished: true), to: tracked(.running, vanished: true)).isEmpty)
        let notFound = WatchEvents.derive(
            previous: snapshot([tracked(.other("unknown"), fetched: false)]),
            current: snapshot([tracked(.other("unknown"), fetched: false, vanished: true)]))
        #expect(notFound.map(\.kind) == [.jobChanged])
        #expect(notFound.first?.changes == [.vanished])
    }

    @Test("API trouble is reported when it starts and when its kind changes, then its recovery, once each")
    func apiErrorAndRecovery() {
        let ok = APIHealth(lastSuccess: Fixtures.now)
        let failing = APIHealth(lastSuccess: Fixtures.now, lastError: "HTTP 503", consecutiveFailures: 1, lastErrorStatus: 503)
        var worse = failing
        worse.consecutiveFailures = 4
        let rejected = APIHealth(lastError: "HTTP 401", consecutiveFailures: 1, isUnauthorized: true, lastErrorStatus: 401)
        let job = tracked(.running)
        func kinds(_ from: APIHealth?, _ to: APIHealth) -> [WatchEvent.Kind] {
            WatchEvents.derive(previous: from.map { snapshot([job], health: $0) }, current: snapshot([job], health: to))
                .filter { $0.job == nil }.map(\.kind)
        }
        #expect(kinds(ok, failing) == [.apiError])
        #expect(kinds(failing, worse) == [])
        #expect(kinds(worse, rejected) == [.apiError])
        #expect(kinds(worse, ok) == [.apiRecovered])
        #expect(kinds(ok, ok) == [])
        #expect(kinds(nil, rejected) == [.apiError])
        #expect(kinds(nil, APIHealth()) == [])
        let event = WatchEvents.derive(previous: snapshot([job], health: ok), current: snapshot([job], health: failing)).first
        #expect(event?.health?.lastError == "HTTP 503")
    }
}
