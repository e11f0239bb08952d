import Foundation
import Testing

@testable import JobMonitor

@Suite("Metrics: samples, history and edge cases")
struct MetricsHistoryTests {
    @Test("samples and history stay bounded")
    func bounded() {
        var tracker = MetricsTracker()
        script(&tracker, times: stride(from: 0, through: 398, by: 2), total: 200) { Int($0) / 2 }
        #expect(tracker.samples(for: "job").count == 120)
        #expect(tracker.samples(for: "job").first?.at == at(160))
        let metrics = tracker.metrics(for: metricsJob(processed: 199, total: 200), at: at(398), pollInterval: 2)
        // 60 points, 2 s apart, ending at t = 398: t = 280 … 398, i.e. 140 … 199 items of 200.
        #expect(metrics.history == (140...199).map { Double($0) / 200 })
    }

    @Test("history is sampled at poll intervals, step-wise, from the first sample on")
    func historyShape() {
        var tracker = MetricsTracker()
        tracker.record(job: metricsJob(processed: 0, total: 10), at: at(0))
        tracker.record(job: metricsJob(processed: 5, total: 10), at: at(3))
        tracker.record(job: metricsJob(processed: 10, total: 10), at: at(4))
        let metrics = tracker.metrics(for: metricsJob(processed: 10, total: 10), at: at(4), pollInterval: 1)
        #expect(metrics.history == [0, 0, 0, 0.5, 1])
    }

    @Test("the newest point is the newest sample when the observation time has a fraction of a millisecond")
    func newestPointAtSubMillisecondTimes() {
        // Samples keep whole milliseconds; rounded to the nearest, an observation 0.7 ms past one read back later
        // than the observation itself and fell outside the history's last instant, which showed the sample before.
        var tracker = MetricsTracker()
        tracker.record(job: metricsJob(processed: 0, total: 10), at: at(0.0007))
        tracker.record(job: metricsJob(processed: 5, total: 10), at: at(1.0007))
        tracker.record(job: metricsJob(processed: 10, total: 10), at: at(2.0007))
        let metrics = tracker.metrics(for: metricsJob(processed: 10, total: 10), at: at(2.0007), pollInterval: 1)
        #expect(metrics.history == [0, 0.5, 1])
    }

    @Test("an unchanged observation is stored only when the last sample is 30 s old")
    func onlyNewInformation() {
        var tracker = MetricsTracker()
        script(&tracker, times: stride(from: 0, through: 60, by: 2), total: 10) { _ in 3 }
        #expect(tracker.samples(for: "job").map(\.at) == [at(0), at(30), at(60)])
        tracker.record(job: metricsJob(processed: 3, total: 12), at: at(62))
        #expect(tracker.samples(for: "job").count == 4)
        tracker.record(job: metricsJob(processed: 3, total: 12, failed: 1), at: at(64))
        #expect(tracker.samples(for: "job").last == ProgressSample(at: at(64), processed: 3, failed: 1, total: 12))
    }

    @Test("a finished job stores no refresh samples")
    func terminalNoRefresh() {
        var tracker = MetricsTracker()
        tracker.record(job: metricsJob(processed: 4, total: 10), at: at(0))
        let done = metricsJob(status: .completed, processed: 10, total: 10)
        for t in stride(from: 2.0, through: 600, by: 2) { tracker.record(job: done, at: at(t)) }
        #expect(tracker.samples(for: "job").count == 2)
    }

    @Test("a job only ever seen finished starts no history; its metrics come from its own fields")
    func firstSeenFinished() {
        var tracker = MetricsTracker()
        let done = metricsJob(status: .completed, processed: 10, total: 10, started: 0, completed: 20)
        for t in stride(from: 30.0, through: 40, by: 2) { tracker.record(job: done, at: at(t)) }
        #expect(tracker.samples(for: "job").isEmpty)
        let metrics = tracker.metrics(for: done, at: at(40), pollInterval: 2)
        #expect(metrics.throughput == 0.5)
        #expect(metrics.elapsed == 20)
        #expect(metrics.history.isEmpty)
        // It starts one when it is seen unfinished again (a retried job).
        tracker.record(job: metricsJob(processed: 1, total: 10, started: 50), at: at(50))
        #expect(tracker.samples(for: "job").count == 1)
    }

    @Test("two observations at the same instant keep the newer counts")
    func sameInstant() {
        var tracker = MetricsTracker()
        tracker.record(job: metricsJob(processed: 1, total: 10), at: at(0))
        tracker.record(job: metricsJob(processed: 2, total: 10), at: at(0))
        #expect(tracker.samples(for: "job") == [ProgressSample(at: at(0), processed: 2, total: 10)])
    }

    @Test("counts going backwards (a server reset) restart the history")
    func backwards() {
        var tracker = MetricsTracker()
        script(&tracker, times: stride(from: 0, through: 8, by: 2), total: 100) { 100 + Int($0) * 5 }
        tracker.record(job: metricsJob(processed: 5, total: 100), at: at(10))
        #expect(tracker.samples(for: "job") == [ProgressSample(at: at(10), processed: 5, total: 100)])
        let metrics = tracker.metrics(for: metricsJob(processed: 5, total: 100), at: at(10), pollInterval: 2)
        #expect(metrics.throughput == nil)
        #expect(metrics.history == [0.05])
        tracker.record(job: metricsJob(processed: 5, total: 100, failed: 3), at: at(12))
        tracker.record(job: metricsJob(processed: 5, total: 100, failed: 1), at: at(14))
        #expect(tracker.samples(for: "job").count == 1)
    }

    @Test("time going backwards restarts the history and never yields negative durations")
    func clockSkew() {
        var tracker = MetricsTracker()
        script(&tracker, times: [100, 102], total: 100) { Int($0) - 100 }
        tracker.record(job: metricsJob(processed: 4, total: 100), at: at(50))
        #expect(tracker.samples(for: "job") == [ProgressSample(at: at(50), processed: 4, total: 100)])
        let job = metricsJob(processed: 4, total: 100, started: 80)
        let metrics = tracker.metrics(for: job, at: at(40), pollInterval: 2)
        #expect(metrics.sinceLastProgress == 0)
        #expect(metrics.elapsed == 0)
        #expect(metrics.throughput == nil)
    }

    @Test("total 0: no ETA, fraction 0")
    func zeroTotal() {
        var tracker = MetricsTracker()
        script(&tracker, times: [0, 2], total: 0) { _ in 0 }
        let metrics = tracker.metrics(for: metricsJob(processed: 0, total: 0), at: at(2), pollInterval: 2)
        #expect(metrics.eta == nil)
        #expect(metrics.throughput == 0)
        #expect(metrics.history == [0, 0])
    }

    @Test("all items processed but still running: ETA 0")
    func nothingRemaining() {
        var tracker = MetricsTracker()
        script(&tracker, times: [0, 2], total: 10) { _ in 10 }
        #expect(tracker.metrics(for: metricsJob(processed: 10, total: 10), at: at(2), pollInterval: 2).eta == 0)
    }

    @Test("huge intervals and counts stay finite and do not trap")
    func huge() {
        var tracker = MetricsTracker()
        tracker.record(job: metricsJob(processed: 0, total: Int.max), at: at(0))
        tracker.record(job: metricsJob(processed: 60, total: Int.max), at: at(1e9))
        let metrics = tracker.metrics(
            for: metricsJob(processed: 60, total: Int.max, started: 0), at: at(1e9), pollInterval: 1e6)
        #expect(metrics.throughput == 1)
        #expect(metrics.eta.map { $0.isFinite && $0 > 0 } == true)
        #expect(metrics.elapsed == 1e9)
        #expect(metrics.history.count == 60)
        #expect(metrics.isStalled == false)
        let derived = ProgressSample(job: metricsJob(processed: nil, total: Int.max, percent: 100), at: at(0))
        #expect(derived.processed == Int.max)
    }

    @Test("without a processed count, progress comes from the percentage; negative counts clamp to 0")
    func derivedCounts() {
        #expect(ProgressSample(job: metricsJob(processed: nil, total: 200, percent: 25), at: at(0)).processed == 50)
        let negative = ProgressSample(at: at(0), processed: -3, failed: -1, total: -10)
        #expect(negative == ProgressSample(at: at(0), processed: 0, failed: 0, total: 0))
    }

    @Test("forget drops a job's samples")
    func forget() {
        var tracker = MetricsTracker()
        tracker.record(job: metricsJob("a", processed: 1, total: 10), at: at(0))
        tracker.record(job: metricsJob("b", processed: 1, total: 10), at: at(0))
        tracker.forget(ids: ["a"])
        #expect(tracker.samples(for: "a").isEmpty)
        #expect(tracker.samples(for: "b").count == 1)
        #expect(tracker.metrics(for: metricsJob("a", processed: 1, total: 10), at: at(2), pollInterval: 2) == .empty)
    }
}
