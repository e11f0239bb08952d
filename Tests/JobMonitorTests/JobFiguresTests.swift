import Foundation
import JobMonitor
import Testing

/// One place clamps a job's numbers for drawing and names every contradiction in them.
@Suite struct JobFiguresTests {
    private func job(total: Int, processed: Int?, failed: Int? = nil, skipped: Int? = nil, percent: Double? = nil) -> Job {
        Job(
            id: "bjb-x", type: .parse, status: .running, totalItems: total, processedItems: processed, failedItems: failed,
            skippedItems: skipped, progressPercent: percent)
    }

    @Test("consistent counts: no flag, the percentage as derived")
    func consistent() {
        let figures = JobFigures(job: job(total: 8, processed: 2, failed: 1, skipped: 1))
        #expect(figures.inconsistencies == [])
        #expect(figures.percent == 25)
        #expect(figures.fraction == 0.25)
    }

    @Test(
        "each contradiction is named; the gauge stays within 0…1",
        arguments: [
            (8, 10, nil, nil, nil, [JobFigures.Inconsistency.processedAboveTotal]),
            (8, -1, nil, nil, nil, [.negativeCount]),
            (-5, 0, nil, nil, nil, [.negativeCount]),
            (8, 2, 3, 0, nil, [.partsAboveProcessed]),
            (8, 2, Int.max, Int.max, nil, [.partsAboveProcessed]),
            (8, 2, nil, nil, 140.0, [.percentOutOfRange]),
            (8, 2, nil, nil, -3.0, [.percentOutOfRange]),
            (8, 2, nil, nil, Double.nan, [.percentOutOfRange]),
            (8, 10, 11, -1, 250.0, [.negativeCount, .processedAboveTotal, .partsAboveProcessed, .percentOutOfRange]),
        ] as [(Int, Int?, Int?, Int?, Double?, [JobFigures.Inconsistency])])
    func contradictions(total: Int, processed: Int?, failed: Int?, skipped: Int?, percent: Double?, expected: [JobFigures.Inconsistency]) {
        let figures = JobFigures(job: job(total: total, processed: processed, failed: failed, skipped: skipped, percent: percent))
        #expect(figures.inconsistencies == expected)
        #expect((0...1).contains(figures.fraction))
        #expect((0...100).contains(figures.percent))
    }

    @Test("the server's percentage is kept as sent on the job and clamped only in the figures")
    func rawPercentageKept() {
        let raw = job(total: 8, processed: 2, percent: 140)
        #expect(raw.progressPercent == 140)
        #expect(JobFigures(job: raw).percent == 100)
    }

    @Test("a processed count lower than an earlier poll's is flagged until it catches up")
    func wentBackward() {
        var tracked = TrackedJob(job: job(total: 100, processed: 40), fetchedAt: Date())
        tracked.highestProcessed = 60
        #expect(JobFigures(tracked: tracked).inconsistencies == [.wentBackward])
        tracked.job.processedItems = 60
        #expect(JobFigures(tracked: tracked).inconsistencies == [])
    }

    @Test(
        "the percentage a sort reads alone is clamped to 0…100, 0 when not a number, and is the one the figures show",
        arguments: [
            (0.0, 0.0), (25, 25), (100, 100), (100.5, 100), (-3, 0), (1e300, 100), (-.infinity, 0), (.infinity, 0),
            (.nan, 0), (.leastNonzeroMagnitude, .leastNonzeroMagnitude), (99.999, 99.999),
        ] as [(Double, Double)])
    func percentAlone(reported: Double, shown: Double) {
        #expect(JobFigures.percent(reported: reported) == shown)
        #expect(JobFigures(job: job(total: 8, processed: 2, percent: reported)).percent == shown)
    }
}
