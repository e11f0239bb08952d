import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// The STALE column (x 113…118 at width 120) for a single job, interval 2 s.
@Suite struct StalenessTests {
    private func staleText(_ tracked: TrackedJob, glyphs: Glyphs = .unicode) -> String {
        let state = Fixtures.state(glyphs: glyphs, snapshot: Fixtures.snapshot([tracked]))
        let buffer = Fixtures.render(state)
        let column = TableLayout(width: 120).columns.last
        #expect(column?.column == .stale)
        #expect(column?.x == 113)
        #expect(column?.width == 6)
        return (113..<119).map { buffer[$0, 3].text }.joined()
    }

    private func job(_ status: JobStatus) -> Job {
        Job(id: "bjb-1", type: .parse, status: status, totalItems: 10, processedItems: 5, createdAt: Fixtures.ago(3600))
    }

    @Test func runningJobFetchedTenSecondsAgoShowsItsAge() {
        #expect(staleText(TrackedJob(job: job(.running), fetchedAt: Fixtures.ago(10))) == " ⚠ 10s")
    }

    @Test func freshRunningJobShowsNothing() {
        #expect(staleText(TrackedJob(job: job(.running), fetchedAt: Fixtures.ago(1))) == "      ")
    }

    @Test func staleMeansOlderThanTwoIntervals() {
        #expect(staleText(TrackedJob(job: job(.pending), fetchedAt: Fixtures.ago(4))) == "      ")
        #expect(staleText(TrackedJob(job: job(.pending), fetchedAt: Fixtures.ago(5))) == "  ⚠ 5s")
    }

    @Test func agesAreCoarse() {
        #expect(staleText(TrackedJob(job: job(.running), fetchedAt: Fixtures.ago(150))) == "  ⚠ 2m")
        #expect(staleText(TrackedJob(job: job(.running), fetchedAt: Fixtures.ago(7300))) == "  ⚠ 2h")
    }

    @Test func terminalJobFetchedLongAgoShowsNothing() {
        #expect(staleText(TrackedJob(job: job(.completed), fetchedAt: Fixtures.ago(86_400 * 3))) == "      ")
        #expect(staleText(TrackedJob(job: job(.failed), fetchedAt: Fixtures.ago(86_400 * 3))) == "      ")
    }

    @Test func terminalJobWhoseLastFetchFailedGoesStale() {
        let tracked = TrackedJob(job: job(.completed), fetchedAt: Fixtures.ago(3600), fetchError: "HTTP 503")
        #expect(staleText(tracked) == "  ⚠ 1h")
    }

    @Test func vanishedJobShowsGone() {
        #expect(staleText(TrackedJob(job: job(.running), fetchedAt: Fixtures.ago(1), isVanished: true)) == "  gone")
        #expect(staleText(TrackedJob(job: job(.running), fetchedAt: Fixtures.ago(600), isVanished: true)) == "  gone")
    }

    @Test func neverFetchedJobShowsErrorWhenItsFetchFailed() {
        var tracked = TrackedJob.placeholder(id: "bjb-1")
        tracked.fetchError = "HTTP 404"
        #expect(staleText(tracked) == " ⚠ err")
    }

    @Test func asciiMarkerIsAnExclamationMark() {
        #expect(staleText(TrackedJob(job: job(.running), fetchedAt: Fixtures.ago(10)), glyphs: .ascii) == " ! 10s")
    }

    @Test func staleAgeAdvancesWithTheClock() {
        var state = Fixtures.state(snapshot: Fixtures.snapshot([TrackedJob(job: job(.running), fetchedAt: Fixtures.ago(1))]))
        #expect(Fixtures.render(state).lines[3].hasSuffix("0"))
        _ = Reducer.reduce(&state, .tick(Fixtures.now.addingTimeInterval(59)))
        // SKIPPED 0, blank RATE and ETA (no metrics), then the stale age.
        #expect(Fixtures.render(state).lines[3].hasSuffix("0" + String(repeating: " ", count: 18) + "⚠ 1m"))
    }
}
