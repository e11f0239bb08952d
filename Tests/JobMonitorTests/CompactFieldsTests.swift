import Foundation
import Testing

@testable import JobMonitor

/// The fields packed to bring a job's storage to a 192-byte allocation read back as set: a job's status in one byte
/// (an unknown status's word beside the other rare fields), the metrics' figures as `Float` with the stall flag
/// beside the history's instant count, and a tracked job's vanishing time and fetch error behind one reference.
@Suite("Compact job fields read back as set")
struct CompactFieldsTests {
    static let statuses: [JobStatus] = [
        .pending, .running, .dispatched, .throttled, .completed, .failed, .cancelled, .other("paused"), .other(""),
        .other("RUNNING?"),
    ]

    @Test("every status reads back as built and as set, from every other status; a cleared word equals never set")
    func statusRoundTrip() {
        for from in Self.statuses {
            for to in Self.statuses {
                var job = Job(id: "j", type: .parse, status: from, totalItems: 3, errorMessage: "kept")
                #expect(job.status == from)
                job.status = to
                #expect(job.status == to, "\(from) -> \(to)")
                #expect(job.errorMessage == "kept", "the status shares its reference with the other rare fields")
                #expect(job == Job(id: "j", type: .parse, status: to, totalItems: 3, errorMessage: "kept"))
                job.errorMessage = nil
                #expect(job == Job(id: "j", type: .parse, status: to, totalItems: 3), "no word left behind: \(from) -> \(to)")
            }
        }
    }

    @Test("a status's one-byte code names it, and only the known ones have a code of their own")
    func statusCodes() {
        for status in Self.statuses {
            if case .other = status {
                #expect(status.code == JobStatus.otherCode && JobStatus(code: status.code) == nil)
            } else {
                #expect(JobStatus(code: status.code) == status)
            }
        }
        #expect(Set(Self.statuses.map(\.code)).count == 8)
    }

    @Test("figures keep seven significant digits, unknown stays unknown, NaN reads back as unknown")
    func figures() {
        let paths: [WritableKeyPath<JobMetrics, Double?>] = [\.throughput, \.eta, \.elapsed, \.sinceLastProgress]
        for (index, path) in paths.enumerated() {
            for value in [0, 1, 2.1, 1 / 3, 382.857_142_857, 1e9, 86_400 * 365.25 * 30, 1e-7, 3e38] as [Double] {
                var metrics = JobMetrics()
                metrics[keyPath: path] = value
                let read = metrics[keyPath: path]
                #expect(read.map { abs($0 - value) <= abs(value) * 6e-8 } == true, "\(value) read back as \(String(describing: read))")
                #expect(paths.enumerated().allSatisfy { $0.offset == index || metrics[keyPath: $0.element] == nil })
            }
            var metrics = JobMetrics()
            metrics[keyPath: path] = .nan
            #expect(metrics[keyPath: path] == nil)
            metrics[keyPath: path] = .infinity
            #expect(metrics[keyPath: path] == .infinity)
            metrics[keyPath: path] = nil
            #expect(metrics == JobMetrics())
        }
    }

    @Test("the stall flag and the live history's instants are independent")
    func stallBesideHistory() {
        // Eleven samples, eight instants: the count is what bounds the points.
        var tracker = MetricsTracker(configuration: MetricsConfiguration(historyLength: 8))
        script(&tracker, times: stride(from: 0, through: 20, by: 2), total: 100) { Int($0) }
        var metrics = tracker.metrics(for: metricsJob(processed: 20, total: 100), at: at(20), pollInterval: 2)
        let history = metrics.history
        #expect(history == [0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2])
        for stalled in [true, false, true] {
            metrics.isStalled = stalled
            #expect(metrics.isStalled == stalled)
            #expect(metrics.history == history, "setting the flag kept the instants")
        }
        var given = JobMetrics(isStalled: true, history: [0.25, 0.5])
        #expect(given.isStalled && given.history == [0.25, 0.5])
        given.isStalled = false
        #expect(!given.isStalled && given.history == [0.25, 0.5])
        given.history = []
        #expect(given == JobMetrics())
        var givenPoints = metrics
        givenPoints.history = history
        #expect(givenPoints == metrics, "a live history equals the same points given")
        givenPoints.history = [0.5]
        #expect(givenPoints != metrics)
    }

    @Test("a tracked job's vanishing time and fetch error read back independently; both cleared equals never set")
    func trackedRarities() {
        let job = Job(id: "j", type: .parse, status: .running, totalItems: 1)
        let plain = TrackedJob(job: job, fetchedAt: Date(timeIntervalSinceReferenceDate: 1))
        var tracked = plain
        tracked.vanishedAt = Date(timeIntervalSinceReferenceDate: 7)
        tracked.fetchError = "timed out"
        #expect(tracked.vanishedAt == Date(timeIntervalSinceReferenceDate: 7) && tracked.fetchError == "timed out")
        tracked.vanishedAt = nil
        #expect(tracked.vanishedAt == nil && tracked.fetchError == "timed out")
        tracked.vanishedAt = Date(timeIntervalSinceReferenceDate: 0)
        tracked.fetchError = nil
        #expect(tracked.vanishedAt == Date(timeIntervalSinceReferenceDate: 0) && tracked.fetchError == nil)
        #expect(tracked != plain)
        tracked.vanishedAt = nil
        #expect(tracked == plain)
        #expect(TrackedJob(job: job, fetchedAt: nil, fetchError: "e").fetchError == "e")
    }

    @Test("a history tells two unknown statuses apart: the stall clock restarts when the word changes, not before")
    func unknownStatusChanges() {
        var tracker = MetricsTracker()
        let paused = metricsJob(status: .other("paused"), processed: 5, total: 10)
        tracker.record(job: paused, at: at(0))
        tracker.record(job: paused, at: at(10))
        #expect(tracker.metrics(for: paused, at: at(15), pollInterval: 2).sinceLastProgress == 15)
        let held = metricsJob(status: .other("held"), processed: 5, total: 10)
        tracker.record(job: held, at: at(20))
        #expect(tracker.metrics(for: held, at: at(30), pollInterval: 2).sinceLastProgress == 10)
    }
}
