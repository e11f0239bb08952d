import Foundation
import Testing

@testable import JobMonitor

/// The two fields a tracked job's storage keeps compactly (`TrackedJobStorage.Fields`): the highest processed count as
/// one bit when it is the current count, the vouch as whole milliseconds after the fetch time; the rare values of
/// both behind the rarities' reference.
@Suite("Tracked job: the highest count and the vouch kept compactly read back as set")
struct TrackedJobCompactFieldsTests {
    private static let fetched = Date(timeIntervalSinceReferenceDate: 812_345_678.123_456)

    private func job(processed: Int?) -> Job {
        var job = Job(id: "j", type: .parse, status: .running, totalItems: 100)
        job.processedItems = processed
        return job
    }

    @Test(
        "the highest processed count reads back as set, at, above, below or without the current count",
        arguments: [nil, 0, 40, 41, 39, Int.max, Int.min] as [Int?])
    func highestRoundTrip(highest: Int?) {
        for processed in [nil, 40] as [Int?] {
            let built = TrackedJob(job: job(processed: processed), fetchedAt: Self.fetched, highestProcessed: highest)
            #expect(built.highestProcessed == highest, "processed \(String(describing: processed))")
            var set = TrackedJob(job: job(processed: processed), fetchedAt: Self.fetched)
            set.highestProcessed = highest
            #expect(set.highestProcessed == highest)
            #expect(set == built, "one value, one representation, however it was set")
        }
    }

    @Test("a new job's counts leave the highest processed count as it was")
    func highestSurvivesNewJob() {
        var tracked = TrackedJob(job: job(processed: 50), fetchedAt: Self.fetched, highestProcessed: 50)
        tracked.job = job(processed: 20)
        #expect(tracked.highestProcessed == 50 && tracked.countWentBackward)
        tracked.job.processedItems = 60
        #expect(tracked.highestProcessed == 50 && !tracked.countWentBackward)
        tracked.job.processedItems = nil
        #expect(tracked.highestProcessed == 50)
        tracked.job = job(processed: 50)
        #expect(tracked.highestProcessed == 50)
        #expect(tracked == TrackedJob(job: job(processed: 50), fetchedAt: Self.fetched, highestProcessed: 50))
    }

    @Test(
        "a vouch near the fetch time reads back within a millisecond after it",
        arguments: [0, 15, 15.000_000_1, 15.123_456_789, -3.5, 2_000_000, -2_000_000])
    func vouchNearFetch(offset: TimeInterval) throws {
        var tracked = TrackedJob(job: job(processed: 1), fetchedAt: Self.fetched)
        let vouch = Self.fetched.addingTimeInterval(offset)
        tracked.freshUntil = vouch
        let read = try #require(tracked.freshUntil)
        let late = read.timeIntervalSince(vouch)
        #expect(late > -1e-6 && late < 0.001, "read back \(late) s after the vouch")
        var again = TrackedJob(job: job(processed: 1), fetchedAt: Self.fetched)
        again.freshUntil = vouch
        #expect(again == tracked)
    }

    @Test("a whole-second vouch after a whole-second fetch reads back exactly")
    func vouchExact() {
        var tracked = TrackedJob(job: job(processed: 1), fetchedAt: Date(timeIntervalSinceReferenceDate: 800_000_000))
        tracked.freshUntil = Date(timeIntervalSinceReferenceDate: 800_000_015)
        #expect(tracked.freshUntil == Date(timeIntervalSinceReferenceDate: 800_000_015))
    }

    @Test(
        "a vouch far from the fetch time, or with none, reads back exactly",
        arguments: [3_000_000, -3_000_000, 1e300, -.infinity, .infinity] as [TimeInterval])
    func vouchFar(offset: TimeInterval) {
        var tracked = TrackedJob(job: job(processed: 1), fetchedAt: Self.fetched)
        let vouch = Self.fetched.addingTimeInterval(offset)
        tracked.freshUntil = vouch
        #expect(tracked.freshUntil == vouch)
        var unfetched = TrackedJob(job: job(processed: 1), fetchedAt: nil)
        unfetched.freshUntil = Self.fetched
        #expect(unfetched.freshUntil == Self.fetched)
        tracked.freshUntil = nil
        #expect(tracked.freshUntil == nil)
        #expect(tracked == TrackedJob(job: job(processed: 1), fetchedAt: Self.fetched), "cleared equals never set")
    }

    @Test("a new fetch time keeps the vouch where it was, near or far")
    func vouchSurvivesNewFetch() throws {
        var tracked = TrackedJob(job: job(processed: 1), fetchedAt: Self.fetched)
        let vouch = Self.fetched.addingTimeInterval(20)
        tracked.freshUntil = vouch
        tracked.fetchedAt = Self.fetched.addingTimeInterval(4)
        #expect(try #require(tracked.freshUntil).timeIntervalSince(vouch) < 0.002)
        #expect(try #require(tracked.freshUntil) >= vouch.addingTimeInterval(-1e-6))
        tracked.fetchedAt = nil
        #expect(try #require(tracked.freshUntil).timeIntervalSince(vouch) < 0.002)
        tracked.fetchedAt = Self.fetched.addingTimeInterval(-5_000_000)
        #expect(try #require(tracked.freshUntil).timeIntervalSince(vouch) < 0.002)
    }

    @Test("the rare fields are independent: each change keeps the others")
    func raritiesIndependent() {
        var tracked = TrackedJob(job: job(processed: 10), fetchedAt: nil, fetchError: "timed out")
        let far = Date(timeIntervalSinceReferenceDate: 5)
        tracked.highestProcessed = 30
        tracked.freshUntil = far
        tracked.vanishedAt = far
        #expect(tracked.fetchError == "timed out" && tracked.highestProcessed == 30)
        #expect(tracked.freshUntil == far && tracked.vanishedAt == far)
        tracked.fetchError = nil
        #expect(tracked.highestProcessed == 30 && tracked.freshUntil == far && tracked.vanishedAt == far)
        tracked.highestProcessed = 10
        #expect(tracked.highestProcessed == 10 && tracked.freshUntil == far && tracked.vanishedAt == far)
        tracked.freshUntil = nil
        tracked.vanishedAt = nil
        var plain = TrackedJob(job: job(processed: 10), fetchedAt: nil)
        plain.highestProcessed = 10
        #expect(tracked == plain, "nothing rare left: equal to a job that never had any")
    }
}
