import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

@Suite("ClockSchedule: the loop wakes exactly when the clock changes text on screen")
struct ClockScheduleTests {
    let now = Fixtures.now

    /// The screen drawn for `state` with its clock at `date`.
    func screen(_ state: AppState, at date: Date) -> [String] {
        var moved = state
        moved.now = date
        return Fixtures.render(moved).lines
    }

    /// Checks the schedule against rendering: the screen is the same at every sampled moment before the change and
    /// differs right at it (nil: the same an hour later).
    func checkAgainstRendering(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = screen(state, at: now)
        guard let change = ClockSchedule.nextChange(in: state, after: now) else {
            #expect(screen(state, at: now.addingTimeInterval(3600)) == before, "nil, yet the screen changed", sourceLocation: sourceLocation)
            return
        }
        #expect(change > now, sourceLocation: sourceLocation)
        let span = change.timeIntervalSince(now)
        for fraction in stride(from: 0.0, to: 0.99, by: 0.07) {
            let sample = now.addingTimeInterval(span * fraction)
            #expect(screen(state, at: sample) == before, "changed before the schedule said", sourceLocation: sourceLocation)
        }
        #expect(screen(state, at: change) != before, "the schedule woke for nothing", sourceLocation: sourceLocation)
    }

    func state(_ jobs: [TrackedJob], health: APIHealth = APIHealth(lastSuccess: Fixtures.ago(1)), height: Int = 12) -> AppState {
        Fixtures.state(width: 120, height: height, snapshot: Fixtures.snapshot(jobs, health: health))
    }

    func running(_ id: String, fetchedAgo: TimeInterval, freshFor: TimeInterval? = nil) -> TrackedJob {
        var tracked = TrackedJob(
            job: Job(id: id, type: .parse, status: .running, totalItems: 10, processedItems: 5, createdAt: Fixtures.ago(600)),
            fetchedAt: Fixtures.ago(fetchedAgo))
        tracked.freshUntil = freshFor.map { now.addingTimeInterval($0) }
        return tracked
    }

    @Test("only finished jobs in view: nothing depends on the clock")
    func finishedOnly() {
        let done = TrackedJob(
            job: Job(id: "bjb-done-1", type: .parse, status: .completed, totalItems: 3, processedItems: 3), fetchedAt: Fixtures.ago(50))
        let state = state([done])
        #expect(ClockSchedule.nextChange(in: state, after: now) == nil)
        checkAgainstRendering(state)
    }

    @Test("a fresh running row: the change is when it turns stale (two intervals after its fetch)")
    func turnsStale() throws {
        let state = state([running("bjb-run-1", fetchedAgo: 1)])
        let change = try #require(ClockSchedule.nextChange(in: state, after: now))
        #expect(abs(change.timeIntervalSince(now) - 3) < 0.01)
        checkAgainstRendering(state)
    }

    @Test("a row the poller vouches for turns stale only when the vouching runs out")
    func vouched() throws {
        let state = state([running("bjb-run-1", fetchedAgo: 10, freshFor: 7)])
        let change = try #require(ClockSchedule.nextChange(in: state, after: now))
        #expect(abs(change.timeIntervalSince(now) - 7) < 0.01)
        checkAgainstRendering(state)
    }

    @Test("stale rows step with their shown age: seconds, then minutes, then hours", arguments: [4.5, 59.2, 61.0, 3599.5, 7300.0])
    func ageSteps(age: Double) {
        checkAgainstRendering(state([running("bjb-run-1", fetchedAgo: age)]))
    }

    @Test("rows scrolled out of view do not wake the loop")
    func outOfView() throws {
        // 12 rows high: 8 rows of table body. The stale running row sorts first; G scrolls to the bottom, past it.
        var jobs = Fixtures.manyJobs(20)
        for index in jobs.indices { jobs[index].job.status = .completed }
        jobs.append(running("bjb-run-1", fetchedAgo: 30))
        var state = state(jobs)
        #expect(state.rows.id(at: 0) == "bjb-run-1")
        #expect(ClockSchedule.nextChange(in: state, after: now) != nil)
        _ = Fixtures.press(.character("G"), on: &state)
        #expect(state.scrollOffset > 0)
        #expect(ClockSchedule.nextChange(in: state, after: now) == nil)
        checkAgainstRendering(state)
    }

    @Test("the retry countdown in the title steps each second", arguments: [3.5, 42.4, 125.0, 3_700.2])
    func retryCountdown(left: Double) {
        let health = APIHealth(
            lastSuccess: Fixtures.ago(30), lastError: "HTTP 503", lastErrorAt: Fixtures.ago(1), consecutiveFailures: 2,
            nextRetryAt: now.addingTimeInterval(left))
        let done = TrackedJob(
            job: Job(id: "bjb-done-1", type: .parse, status: .completed, totalItems: 3, processedItems: 3), fetchedAt: Fixtures.ago(50))
        checkAgainstRendering(state([done], health: health))
    }

    @Test("the theme notice's expiry is a change")
    func themeNotice() throws {
        var state = state([])
        _ = Reducer.reduce(&state, .themeChanged(name: "nord", note: nil))
        let change = try #require(ClockSchedule.nextChange(in: state, after: now))
        #expect(abs(change.timeIntervalSince(now) - 3) < 0.01)
    }

    @Test("the detail screen's data age counts, the table behind it does not")
    func detailAge() throws {
        var state = state([running("bjb-run-1", fetchedAgo: 12), running("bjb-run-2", fetchedAgo: 1)])
        state.selectedID = "bjb-run-1"
        _ = Fixtures.press(.enter, on: &state)
        #expect(state.detail?.jobID == "bjb-run-1")
        let change = try #require(ClockSchedule.nextChange(in: state, after: now))
        #expect(abs(change.timeIntervalSince(now) - 1) < 0.01, "the detail's 12s becomes 13s; row 2's staleness is hidden")
    }
}
