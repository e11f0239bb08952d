import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// Clicks and the wheel on the table: 20 jobs at 80×12, body rows on screen rows 3…10 (8 rows).
@Suite struct MouseReducerTests {
    private func state() -> AppState {
        Fixtures.state(width: 80, height: 12, snapshot: Fixtures.snapshot(Fixtures.manyJobs(20)))
    }

    @Test(arguments: [(3, "job-00"), (5, "job-02"), (10, "job-07")])
    func aClickSelectsTheRowUnderIt(y: Int, selected: String) {
        var state = state()
        #expect(Fixtures.press(.click(x: 40, y: y), on: &state) == [])
        #expect(state.selectedID == selected)
        #expect(state.scrollOffset == 0)
    }

    @Test func aClickCountsFromTheFirstVisibleRow() {
        var state = state()
        Fixtures.press(.character("G"), on: &state)
        #expect(state.scrollOffset == 12)
        Fixtures.press(.click(x: 0, y: 3), on: &state)
        #expect(state.selectedID == "job-12")
        #expect(state.scrollOffset == 12)
    }

    /// Title, counts, headings and footer are not rows.
    @Test(arguments: [0, 1, 2, 11])
    func aClickOutsideTheBodyChangesNothing(y: Int) {
        var state = state()
        Fixtures.press(.down, on: &state)
        let before = state
        #expect(Fixtures.press(.click(x: 10, y: y), on: &state) == [])
        #expect(state == before)
    }

    @Test func aClickBelowTheLastRowChangesNothing() {
        var state = Fixtures.state()
        let before = state
        // Six jobs on rows 3…8; row 9 is empty.
        #expect(Fixtures.press(.click(x: 10, y: 9), on: &state) == [])
        #expect(state == before)
        Fixtures.press(.click(x: 10, y: 8), on: &state)
        #expect(state.selectedID == "bjb-done-005")
    }

    @Test func theWheelMovesTheSelectionByThreeRowsPerStep() {
        var state = state()
        #expect(Fixtures.press(.wheel(1), on: &state) == [])
        #expect(state.selectedID == "job-03")
        Fixtures.press(.wheel(2), on: &state)
        #expect(state.selectedID == "job-09")
        #expect(state.scrollOffset == 2)
        Fixtures.press(.wheel(-1), on: &state)
        #expect(state.selectedID == "job-06")
        Fixtures.press(.wheel(-5), on: &state)
        #expect(state.selectedID == "job-00")
        #expect(state.scrollOffset == 0)
        Fixtures.press(.wheel(10), on: &state)
        #expect(state.selectedID == "job-19")
        #expect(state.scrollOffset == 12)
    }
}
