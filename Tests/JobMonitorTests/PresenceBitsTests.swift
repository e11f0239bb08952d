import Foundation
import Testing

@testable import JobMonitor

@Suite("PresenceBits: unwrapped optional fields read back as set")
struct PresenceBitsTests {
    @Test("a job's usually empty fields (behind one reference) read back independently; cleared equals never set")
    func jobExtrasRoundTrip() {
        let strings: [WritableKeyPath<Job, String?>] = [\.errorMessage, \.jobRecordID, \.workflowID]
        let plain = Job(id: "j", type: .parse, status: .running, totalItems: 10)
        for (index, path) in strings.enumerated() {
            var job = plain
            job[keyPath: path] = "value \(index)"
            #expect(job[keyPath: path] == "value \(index)")
            #expect(strings.enumerated().allSatisfy { $0.offset == index || job[keyPath: $0.element] == nil })
            #expect(job.batch == nil && job != plain)
            var other = plain
            other[keyPath: path] = "value \(index)"
            #expect(job == other, "equal contents in two references compare equal")
            job[keyPath: path] = nil
            #expect(job == plain, "a cleared field compares as never set")
        }
        let built = Job(
            id: "j", type: .parse, status: .running, totalItems: 10, errorMessage: "e", jobRecordID: "r", workflowID: "w")
        #expect(built.errorMessage == "e" && built.jobRecordID == "r" && built.workflowID == "w")
    }

    @Test("every field of a job reads back what was set, nil included, independently of the others")
    func jobFieldsRoundTrip() {
        let date = Date(timeIntervalSinceReferenceDate: 812_345_678.25)
        let counts: [WritableKeyPath<Job, Int?>] = [\.processedItems, \.failedItems, \.skippedItems]
        let dates: [WritableKeyPath<Job, Date?>] = [\.createdAt, \.startedAt, \.updatedAt, \.completedAt, \.effectiveAt]
        for (index, path) in counts.enumerated() {
            var job = Job(id: "j", type: .parse, status: .running, totalItems: 10)
            for value in [0, Int.min, Int.max, -1] as [Int] {
                job[keyPath: path] = value
                #expect(job[keyPath: path] == value)
                #expect(counts.enumerated().allSatisfy { $0.offset == index || job[keyPath: $0.element] == nil })
            }
            job[keyPath: path] = nil
            #expect(job[keyPath: path] == nil)
            #expect(job == Job(id: "j", type: .parse, status: .running, totalItems: 10), "a cleared field compares as never set")
        }
        for (index, path) in dates.enumerated() {
            var job = Job(id: "j", type: .parse, status: .running, totalItems: 10)
            job[keyPath: path] = date
            #expect(job[keyPath: path] == date)
            #expect(dates.enumerated().allSatisfy { $0.offset == index || job[keyPath: $0.element] == nil })
            job[keyPath: path] = Date(timeIntervalSinceReferenceDate: 0)
            #expect(job[keyPath: path] == Date(timeIntervalSinceReferenceDate: 0), "zero seconds is a date, not nil")
            job[keyPath: path] = nil
            #expect(job == Job(id: "j", type: .parse, status: .running, totalItems: 10))
        }
    }

    @Test("tracked-job times and metrics read back what was set; zero is not nil")
    func trackedAndMetrics() {
        var tracked = TrackedJob(job: Job(id: "j", type: .parse, status: .running, totalItems: 1), fetchedAt: nil)
        #expect(tracked.fetchedAt == nil && tracked.highestProcessed == nil)
        tracked.fetchedAt = Date(timeIntervalSinceReferenceDate: 0)
        tracked.highestProcessed = 0
        tracked.freshUntil = Date(timeIntervalSinceReferenceDate: 5)
        #expect(tracked.fetchedAt == Date(timeIntervalSinceReferenceDate: 0))
        #expect(tracked.highestProcessed == 0 && tracked.vanishedAt == nil)
        #expect(tracked.freshUntil == Date(timeIntervalSinceReferenceDate: 5))
        var metrics = JobMetrics(throughput: 0, eta: nil, elapsed: 3)
        #expect(metrics.throughput == 0 && metrics.eta == nil && metrics.elapsed == 3 && metrics.sinceLastProgress == nil)
        metrics.throughput = nil
        metrics.elapsed = nil
        #expect(metrics == JobMetrics())
    }
}
