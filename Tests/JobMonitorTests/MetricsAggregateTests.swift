import Foundation
import Testing

@testable import JobMonitor

@Suite("Metrics: header aggregates")
struct MetricsAggregateTests {
    private func tracked(
        _ id: String, _ status: JobStatus, processed: Int?, total: Int, throughput: Double? = nil,
        stalled: Bool = false, vanished: Bool = false
    ) -> TrackedJob {
        TrackedJob(
            job: metricsJob(id, status: status, processed: processed, total: total), fetchedAt: at(0),
            isVanished: vanished, metrics: JobMetrics(throughput: throughput, isStalled: stalled))
    }

    @Test("counts per status, items and rate over active jobs only")
    func aggregates() {
        let jobs = [
            tracked("a", .running, processed: 50, total: 100, throughput: 2),
            tracked("b", .dispatched, processed: 10, total: 40, throughput: 1.5, stalled: true),
            tracked("c", .pending, processed: nil, total: 10),
            tracked("d", .completed, processed: 100, total: 100, throughput: 9),
            tracked("e", .failed, processed: 3, total: 7),
            tracked("f", .running, processed: 5, total: 10, throughput: 4, vanished: true),
        ]
        let result = AggregateMetrics.compute(from: jobs)
        #expect(result.countsByStatus == [.running: 2, .dispatched: 1, .pending: 1, .completed: 1, .failed: 1])
        #expect(result.activeJobs == 3)
        #expect(result.stalledJobs == 1)
        #expect(result.itemsDone == 60)
        #expect(result.itemsTotal == 150)
        #expect(result.overallRate == 3.5)
    }

    @Test("no jobs, or no rates: empty aggregates and no overall rate")
    func empty() {
        #expect(AggregateMetrics.compute(from: []) == .empty)
        let result = AggregateMetrics.compute(from: [tracked("a", .running, processed: 1, total: 2)])
        #expect(result.overallRate == nil)
        #expect(result.itemsDone == 1)
    }

    @Test("counts per status equal a plain count for runs and mixes of statuses, unknown ones included")
    func countsByStatusRuns() {
        let statuses: [JobStatus] = [.running, .pending, .completed, .other("paused"), .other("PAUSED"), .failed]
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20 {
            let jobs = (0..<(round * 7)).map { index in
                // Long runs in some rounds, every job different in others.
                let status = round % 2 == 0
                    ? statuses[(index / 9) % statuses.count] : statuses.randomElement(using: &generator) ?? .running
                return tracked("j\(index)", status, processed: 1, total: 2)
            }
            let expected = jobs.reduce(into: [JobStatus: Int]()) { $0[$1.job.status, default: 0] += 1 }
            #expect(AggregateMetrics.compute(from: jobs).countsByStatus == expected, "round \(round)")
        }
    }

    @Test("item sums saturate instead of trapping")
    func saturates() {
        let jobs = [
            tracked("a", .running, processed: Int.max, total: Int.max),
            tracked("b", .running, processed: 1, total: 1),
        ]
        let result = AggregateMetrics.compute(from: jobs)
        #expect(result.itemsDone == Int.max)
        #expect(result.itemsTotal == Int.max)
    }
}
