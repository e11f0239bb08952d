import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

@Suite struct ReducerTests {
    @Test func qAndControlCQuit() {
        var state = Fixtures.state()
        let before = state
        #expect(Reducer.reduce(&state, .key(.character("q"))) == [.quit])
        #expect(Reducer.reduce(&state, .key(.control("c"))) == [.quit])
        #expect(state == before)
    }

    @Test func rRefreshesAndSaysSoUntilTheNextSuccessfulSnapshot() {
        var state = Fixtures.state()
        #expect(Reducer.reduce(&state, .key(.character("r"))) == [.refresh])
        #expect(state.statusMessage == "refreshing…")
        #expect(Reducer.reduce(&state, .snapshot(Fixtures.snapshot(health: APIHealth()))) == [])
        #expect(state.statusMessage == "refreshing…")
        #expect(Reducer.reduce(&state, .snapshot(Fixtures.snapshot())) == [])
        #expect(state.statusMessage == nil)
    }

    @Test func tickOnlyAdvancesTheClock() {
        var state = Fixtures.state()
        let later = Fixtures.now.addingTimeInterval(30)
        #expect(Reducer.reduce(&state, .tick(later)) == [])
        var expected = Fixtures.state()
        expected.now = later
        #expect(state == expected)
    }

    @Test func selectionFollowsTheJobWhenRowsReorder() throws {
        var state = Fixtures.state()
        _ = Reducer.reduce(&state, .key(.down))
        #expect(state.selectedID == "bjb-pend-002")
        #expect(state.selectedIndex == 1)
        // The throttled job starts running: it moves to the top and pushes the pending job down.
        var jobs = Fixtures.jobs
        let index = try #require(jobs.firstIndex { $0.id == "bjb-thr-0003" })
        jobs[index].job.status = .running
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(jobs)))
        #expect(state.rows.map(\.id).prefix(3) == ["bjb-thr-0003", "bjb-run-000123456", "bjb-pend-002"])
        #expect(state.selectedID == "bjb-pend-002")
        #expect(state.selectedIndex == 2)
    }

    @Test func selectionMovesToTheRowThatTookItsPlaceWhenItsJobDisappears() {
        var state = Fixtures.state()
        _ = Reducer.reduce(&state, .key(.character("G")))
        let last = state.rows.count - 1
        #expect(state.selectedID == "bjb-done-005")
        let jobs = Fixtures.jobs.filter { $0.id != "bjb-done-005" }
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(jobs)))
        #expect(state.selectedIndex == last - 1, "the new last row")
        #expect(state.selectedID == state.rows.last?.id)

        // In the middle: the next row moves up into the place and is selected.
        var middle = Fixtures.state()
        _ = Reducer.reduce(&middle, .key(.character("j")))
        let gone = middle.selectedID
        let next = middle.rows[2].id
        _ = Reducer.reduce(&middle, .snapshot(Fixtures.snapshot(Fixtures.jobs.filter { $0.id != gone })))
        #expect(middle.selectedIndex == 1)
        #expect(middle.selectedID == next)

        // Every job gone: nothing selected.
        _ = Reducer.reduce(&middle, .snapshot(Fixtures.snapshot([])))
        #expect(middle.selectedID == nil)
    }

    @Test func snapshotScrollsToKeepAMovedSelectionVisible() {
        var state = Fixtures.state(width: 80, height: 8, snapshot: Fixtures.snapshot(Fixtures.manyJobs(5)))
        _ = Reducer.reduce(&state, .key(.down))
        #expect(state.selectedID == "job-01")
        #expect(state.scrollOffset == 0)
        // Ten newer jobs arrive above it: job-01 moves to index 11, visible rows are 4.
        let newer = (0..<10).map { index in
            TrackedJob(
                job: Job(
                    id: "new-\(index)", type: .parse, status: .running, totalItems: 1,
                    createdAt: Fixtures.now.addingTimeInterval(TimeInterval(index + 1))),
                fetchedAt: Fixtures.now)
        }
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(newer + Fixtures.manyJobs(5))))
        #expect(state.selectedID == "job-01")
        #expect(state.selectedIndex == 11)
        #expect(state.scrollOffset == 8)
    }

    @Test func resizeClampsTheScrollOffset() {
        var state = Fixtures.state(width: 80, height: 8, snapshot: Fixtures.snapshot(Fixtures.manyJobs(20)))
        _ = Reducer.reduce(&state, .key(.end))
        #expect(state.scrollOffset == 16)
        #expect(Reducer.reduce(&state, .resize(TerminalSize(width: 80, height: 30))) == [])
        #expect(state.size == TerminalSize(width: 80, height: 30))
        #expect(state.scrollOffset == 0)
        _ = Reducer.reduce(&state, .resize(TerminalSize(width: 80, height: 6)))
        // Two visible rows: the last row (index 19) must be on screen.
        #expect(state.scrollOffset == 18)
    }
}
