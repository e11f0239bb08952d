import Foundation
import LlamaCloud
import Testing

@testable import JobMonitor

@Suite("HistoryStore: one live history per job, read by snapshots")
struct HistoryStoreTests {
    @Test("metrics taken earlier read the same points after more samples arrive")
    func earlierMetricsKeepTheirPoints() {
        var tracker = MetricsTracker()
        script(&tracker, times: stride(from: 0, through: 20, by: 2), total: 100) { Int($0) }
        let earlier = tracker.metrics(for: metricsJob(processed: 20, total: 100), at: at(20), pollInterval: 2)
        let points = earlier.history
        #expect(points == (0...10).map { Double($0 * 2) / 100 })
        script(&tracker, times: stride(from: 22, through: 40, by: 2), total: 100) { Int($0) }
        #expect(earlier.history == points)
        let later = tracker.metrics(for: metricsJob(processed: 40, total: 100), at: at(40), pollInterval: 2)
        #expect(later.history.last == 0.4)
        #expect(later != earlier)
    }

    @Test("a copied tracker records on its own: the original's histories do not change")
    func copyOnWrite() {
        var original = MetricsTracker()
        script(&original, times: [0, 2], total: 10) { Int($0) }
        var copy = original
        copy.record(job: metricsJob(processed: 9, total: 10), at: at(4))
        #expect(original.samples(for: "job").map(\.processed) == [0, 2])
        #expect(copy.samples(for: "job").map(\.processed) == [0, 2, 9])
        #expect(original != copy)
        copy.forget(ids: ["job"])
        #expect(original.samples(for: "job").count == 2)
    }

    @Test("a cached history box is used only by its own store: after a copy the writer looks its job up again")
    func cachedBoxAfterCopy() {
        var original = MetricsTracker()
        var cached: HistoryBox?
        original.record(job: metricsJob(processed: 1, total: 10), at: at(0), cached: &cached)
        let first = cached
        original.record(job: metricsJob(processed: 2, total: 10), at: at(2), cached: &cached)
        #expect(cached === first, "its own box is reused, not looked up")
        let copy = original
        original.record(job: metricsJob(processed: 5, total: 10), at: at(4), cached: &cached)
        #expect(cached !== first, "the store was copied before the write: the old box is not the writer's any more")
        #expect(original.samples(for: "job").map(\.processed) == [1, 2, 5])
        #expect(copy.samples(for: "job").map(\.processed) == [1, 2])
        let viaCache = original.metrics(
            for: metricsJob(processed: 5, total: 10), at: at(4), pollInterval: 2, cached: first)
        let viaID = original.metrics(for: metricsJob(processed: 5, total: 10), at: at(4), pollInterval: 2)
        #expect(viaCache == viaID, "a foreign box is ignored: the metrics come from the job's own history")
    }

    @Test("metrics that outlive their tracker still read the history as of their instants")
    func outlivedTracker() {
        var metrics: JobMetrics?
        var points: [Double] = []
        do {
            var tracker = MetricsTracker()
            script(&tracker, times: [0, 2, 4], total: 10) { Int($0) }
            metrics = tracker.metrics(for: metricsJob(processed: 4, total: 10), at: at(4), pollInterval: 2)
            points = metrics?.history ?? []
            #expect(!points.isEmpty)
            // Recorded after the metrics were made: later than their last instant, so not among their points.
            tracker.record(job: metricsJob(processed: 9, total: 10), at: at(6))
        }
        #expect(metrics?.history == points)
        #expect(points.last == 0.4)
    }

    @Test("snapshots read histories on another thread while the poller records (ThreadSanitizer in CI)")
    func concurrentReads() async {
        let clock = ManualNow()
        let api = FakeBatchAPI(jobs: fleet(20))
        let poller = Poller(api: api, configuration: PollerConfiguration(interval: 1), now: { clock.date })
        var snapshot = await poller.pollOnce()
        let reads = Locked(0)
        for cycle in 1...20 {
            for index in 0..<20 {
                api.update(String(format: "bjb-%04d", index)) { $0.processedItems = min(10, 3 + cycle) }
            }
            clock.advance(1)
            let jobs = snapshot.jobs
            async let reader: Void = Task.detached {
                for job in jobs where !job.metrics.history.isEmpty { reads.withLock { $0 += 1 } }
            }.value
            snapshot = await poller.pollOnce()
            await reader
        }
        #expect(reads.withLock { $0 } > 0)
        #expect(snapshot.jobs.allSatisfy { !$0.metrics.history.isEmpty })
    }

    @Test("a history the caller keeps stays the tracker's across copies and forgets; the store never holds it")
    func ownedHistory() {
        var tracker = MetricsTracker()
        var owned: HistoryBox?
        tracker.record(job: metricsJob(processed: 1, total: 10), at: at(0), owned: &owned)
        let first = owned
        #expect(first != nil)
        let copy = tracker
        tracker.forget(ids: ["job"])  // copies the store on write (the copy above holds it too)
        tracker.record(job: metricsJob(processed: 4, total: 10), at: at(2), owned: &owned)
        #expect(owned === first, "the same box, written in place")
        #expect(tracker.samples(in: owned).map(\.processed) == [1, 4])
        #expect(copy.samples(in: owned).map(\.processed) == [1, 4], "copies share the owned histories' lock")
        #expect(tracker.samples(for: "job").isEmpty, "the store holds no entry for it")
        let viaBox = tracker.metrics(
            for: metricsJob(processed: 4, total: 10), at: at(2), pollInterval: 2, cached: owned, cacheIsComplete: true)
        #expect(viaBox.throughput == 1.5)
        #expect(MetricsTracker().samples(in: owned).isEmpty, "another tracker's box is not read as its own")
        var finished: HistoryBox?
        tracker.record(job: metricsJob(status: .completed, processed: 10, total: 10), at: at(4), owned: &finished)
        #expect(finished == nil, "a job first seen finished starts no history")
    }

    @Test("histories the caller keeps, recorded with the scan limits kept per instant, equal the store's, instants changing")
    func recordingRun() {
        var configuration = MetricsConfiguration()
        configuration.retainedSpan = configuration.readSpan(pollInterval: 2)
        var run = MetricsTracker(configuration: configuration)
        var reference = MetricsTracker(configuration: configuration)
        var boxes: [HistoryBox?] = [nil, nil, nil]
        // Uneven instants and rates: the limits each run works out once must follow the instant, or the rates and
        // the samples trimmed past the retained span would differ from the reference's, which works them out per job.
        var time: TimeInterval = 0
        for step in 0..<150 {
            time += step % 7 == 0 ? 3.5 : 2
            for index in boxes.indices {
                let job = metricsJob(
                    "job\(index)", processed: step * (index + 1) + (step / 5) * 3, total: 10_000)
                run.record(job: job, at: at(time), owned: &boxes[index])
                reference.record(job: job, at: at(time))
            }
        }
        for index in boxes.indices {
            let id = "job\(index)"
            let job = metricsJob(id, processed: 149 * (index + 1) + (149 / 5) * 3, total: 10_000)
            let kept = run.samples(in: boxes[index])
            #expect(kept.count > 20, "the run kept the retained span")
            #expect(kept == reference.samples(for: id))
            let byRecorder = withUnsafePointer(to: job) { job in
                run.metrics(
                    forJobAt: job, at: at(time), pollInterval: 2, cached: boxes[index], cacheIsComplete: true,
                    byRecorder: true)
            }
            let expected = reference.metrics(for: job, at: at(time), pollInterval: 2)
            #expect(byRecorder.throughput != nil)
            #expect(byRecorder.throughput == expected.throughput)
            #expect(byRecorder.sinceLastProgress == expected.sinceLastProgress)
            #expect(byRecorder.history == expected.history)
        }
    }

    @Test("the poller keeps each job's history in its slot, not in the tracker's store, and frees it with the slot")
    func pollerOwnsHistories() async throws {
        let clock = ManualNow()
        let api = FakeBatchAPI(jobs: fleet(4))
        let poller = Poller(
            api: api, configuration: PollerConfiguration(fullScanEvery: 1, vanishedRetention: 10), now: { clock.date })
        _ = await poller.pollOnce()
        clock.advance(2)
        _ = await poller.pollOnce()
        #expect(await poller.samples(for: "bjb-0001").count >= 1)
        #expect(await poller.metricsTracker.samples(for: "bjb-0001").isEmpty, "the store keeps no table of them")
        final class Weak: @unchecked Sendable { weak var box: HistoryBox? }
        let watched = Weak()
        watched.box = await poller.historyBox(of: "bjb-0001")
        #expect(watched.box != nil)
        api.remove("bjb-0001")
        for _ in 0..<3 {
            clock.advance(11)
            _ = await poller.pollOnce()
        }
        #expect(await poller.tracked["bjb-0001"] == nil, "pruned")
        #expect(watched.box == nil, "the history went with the slot")
    }
}
