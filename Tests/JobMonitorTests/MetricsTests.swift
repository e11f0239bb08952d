import Foundation
import Testing

@testable import JobMonitor

@Suite("Metrics: throughput, ETA, stall")
struct MetricsTests {
    @Test("steady 2 items/s polled every 2 s: throughput 2, ETA remaining/2")
    func steadyRate() {
        var tracker = MetricsTracker()
        script(&tracker, times: stride(from: 0, through: 100, by: 2), total: 1000) { Int($0) * 2 }
        let metrics = tracker.metrics(
            for: metricsJob(processed: 200, total: 1000, started: -10), at: at(100), pollInterval: 2)
        // Window [40, 100]: 200 - 80 items in 60 s.
        #expect(metrics.throughput == 2)
        #expect(metrics.eta == 400)
        #expect(metrics.elapsed == 110)
        #expect(metrics.sinceLastProgress == 0)
        #expect(metrics.isStalled == false)
    }

    @Test("the window start is read step-wise from the samples")
    func stepwiseWindow() {
        var tracker = MetricsTracker()
        script(&tracker, times: stride(from: 0, through: 98, by: 7), total: 1000) { Int($0) * 2 }
        let metrics = tracker.metrics(for: metricsJob(processed: 196, total: 1000), at: at(98), pollInterval: 7)
        // Window [38, 98]; the newest sample at or before 38 is t = 35 (70 items): (196 - 70) / 60.
        #expect(approximately(metrics.throughput, 2.1))
        #expect(approximately(metrics.eta, 804 / 2.1))
    }

    @Test("one observation gives no rate; the second gives one")
    func firstObservations() {
        var tracker = MetricsTracker()
        tracker.record(job: metricsJob(processed: 50, total: 100), at: at(0))
        let first = tracker.metrics(for: metricsJob(processed: 50, total: 100), at: at(0), pollInterval: 2)
        #expect(first.throughput == nil)
        #expect(first.eta == nil)
        #expect(first.history == [0.5])
        tracker.record(job: metricsJob(processed: 54, total: 100), at: at(2))
        let second = tracker.metrics(for: metricsJob(processed: 54, total: 100), at: at(2), pollInterval: 2)
        #expect(second.throughput == 2)
        #expect(second.eta == 23)
    }

    @Test("a burst then nothing: rate decays to 0 and the job is stalled only after the threshold")
    func burstThenStall() {
        var tracker = MetricsTracker()
        // 5 items/s for 10 s, then stuck at 50 of 100.
        script(&tracker, times: stride(from: 0, through: 72, by: 2), total: 100) { min(50, Int($0) * 5) }
        func metrics(_ t: TimeInterval) -> JobMetrics {
            var partial = MetricsTracker()
            script(&partial, times: stride(from: 0, through: t, by: 2), total: 100) { min(50, Int($0) * 5) }
            return partial.metrics(for: metricsJob(processed: 50, total: 100), at: at(t), pollInterval: 2)
        }
        // At t = 30 the window reaches back before the first sample: 50 items since t = 0.
        #expect(approximately(metrics(30).throughput, 50.0 / 30))
        // At t = 70: 60 s without progress, threshold max(60, 10 × 2) = 60, not longer than it.
        #expect(metrics(70).isStalled == false)
        #expect(metrics(70).sinceLastProgress == 60)
        let stuck = tracker.metrics(for: metricsJob(processed: 50, total: 100), at: at(72), pollInterval: 2)
        #expect(stuck.isStalled)
        #expect(stuck.sinceLastProgress == 62)
        #expect(stuck.throughput == 0)
        #expect(stuck.eta == nil)
    }

    @Test("the stall threshold grows with the poll interval and is configurable")
    func stallThreshold() {
        #expect(MetricsConfiguration().stallThreshold(pollInterval: 2) == 60)
        #expect(MetricsConfiguration().stallThreshold(pollInterval: 10) == 100)
        var tracker = MetricsTracker()
        script(&tracker, times: stride(from: 0, through: 90, by: 10), total: 100) { _ in 10 }
        let slow = tracker.metrics(for: metricsJob(processed: 10, total: 100), at: at(90), pollInterval: 10)
        #expect(slow.isStalled == false)
        var eager = MetricsTracker(configuration: MetricsConfiguration(minimumStallTime: 5, stallPollIntervals: 2))
        script(&eager, times: [0, 2, 4, 6], total: 100) { _ in 10 }
        #expect(eager.metrics(for: metricsJob(processed: 10, total: 100), at: at(6), pollInterval: 2).isStalled)
    }

    @Test("stalls are judged on observations: an API outage does not make a job stalled")
    func outageIsNotStall() {
        var tracker = MetricsTracker()
        script(&tracker, times: [0, 2], total: 100) { Int($0) }
        let metrics = tracker.metrics(for: metricsJob(processed: 2, total: 100), at: at(302), pollInterval: 2)
        #expect(metrics.isStalled == false)
        #expect(metrics.sinceLastProgress == 300)
        #expect(metrics.throughput == 1)
    }

    @Test("entering a new status restarts the stall clock")
    func statusChangeIsMovement() {
        var tracker = MetricsTracker()
        script(&tracker, times: stride(from: 0, through: 100, by: 2), status: .dispatched, total: 10) { _ in 0 }
        tracker.record(job: metricsJob(status: .running, processed: 0, total: 10), at: at(102))
        let metrics = tracker.metrics(for: metricsJob(status: .running, processed: 0, total: 10), at: at(104), pollInterval: 2)
        #expect(metrics.isStalled == false)
        #expect(metrics.sinceLastProgress == 2)
    }

    @Test("completion: no ETA, elapsed is the total duration, throughput the average")
    func completion() {
        var tracker = MetricsTracker()
        script(&tracker, times: stride(from: 0, through: 498, by: 2), total: 1000) { Int($0) * 2 }
        let done = metricsJob(status: .completed, processed: 1000, total: 1000, started: 0, completed: 500)
        tracker.record(job: done, at: at(500))
        let metrics = tracker.metrics(for: done, at: at(900), pollInterval: 2)
        #expect(metrics.eta == nil)
        #expect(metrics.elapsed == 500)
        #expect(metrics.throughput == 2)
        #expect(metrics.sinceLastProgress == nil)
        #expect(metrics.isStalled == false)
        // History ends at the completion sample, not at `now`.
        #expect(metrics.history.last == 1)
        #expect(metrics.history.first == 0.764)
    }

    @Test("a pending job has no rate, no ETA, is never stalled, and its elapsed time counts from creation")
    func pending() {
        var tracker = MetricsTracker()
        let job = metricsJob(status: .pending, processed: 0, total: 10, created: -30)
        for t in stride(from: 0.0, through: 600, by: 2) { tracker.record(job: job, at: at(t)) }
        let metrics = tracker.metrics(for: job, at: at(600), pollInterval: 2)
        #expect(metrics.throughput == nil)
        #expect(metrics.eta == nil)
        #expect(metrics.isStalled == false)
        #expect(metrics.sinceLastProgress == nil)
        #expect(metrics.elapsed == 630)
    }

    @Test("a job never recorded gets only its elapsed time")
    func unknownJob() {
        let metrics = MetricsTracker().metrics(for: metricsJob(processed: 5, total: 10, started: 0), at: at(7), pollInterval: 2)
        #expect(metrics == JobMetrics(elapsed: 7))
    }

    @Test("withMetrics fills in TrackedJob.metrics; the initialiser defaults to .empty")
    func annotate() {
        var tracker = MetricsTracker()
        script(&tracker, times: [0, 2], total: 10) { Int($0) }
        let plain = TrackedJob(job: metricsJob(processed: 2, total: 10), fetchedAt: at(2))
        #expect(plain.metrics == .empty)
        let annotated = tracker.withMetrics([plain], at: at(2), pollInterval: 2)
        #expect(annotated.first?.metrics.throughput == 1)
        #expect(annotated.first?.metrics.eta == 8)
    }
}
