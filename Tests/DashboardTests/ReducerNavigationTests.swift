import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// Navigation over 20 rows at height 8: four visible rows, a page is three.
@Suite struct ReducerNavigationTests {
    private func state() -> AppState {
        Fixtures.state(width: 80, height: 8, snapshot: Fixtures.snapshot(Fixtures.manyJobs(20)))
    }

    private func press(_ keys: Key..., on state: inout AppState) {
        for key in keys {
            #expect(Reducer.reduce(&state, .key(key)) == [])
        }
    }

    @Test func startsOnTheFirstRow() {
        let state = state()
        #expect(state.visibleRowCount == 4)
        #expect(state.selectedID == "job-00")
        #expect(state.selectedIndex == 0)
        #expect(state.scrollOffset == 0)
    }

    @Test func jAndDownMoveDownKAndUpMoveUp() {
        var state = state()
        press(.character("j"), on: &state)
        #expect(state.selectedID == "job-01")
        press(.down, on: &state)
        #expect(state.selectedID == "job-02")
        press(.character("k"), on: &state)
        #expect(state.selectedID == "job-01")
        press(.up, on: &state)
        #expect(state.selectedID == "job-00")
    }

    @Test func selectionClampsAtTheEnds() {
        var state = state()
        press(.up, .character("k"), on: &state)
        #expect(state.selectedID == "job-00")
        #expect(state.scrollOffset == 0)
        press(.character("G"), .down, .character("j"), on: &state)
        #expect(state.selectedID == "job-19")
        #expect(state.scrollOffset == 16)
        press(.pageDown, on: &state)
        #expect(state.selectedID == "job-19")
    }

    @Test func gAndHomeGoToTheTopGAndEndToTheBottom() {
        var state = state()
        press(.character("G"), on: &state)
        #expect(state.selectedIndex == 19)
        #expect(state.scrollOffset == 16)
        press(.character("g"), on: &state)
        #expect(state.selectedIndex == 0)
        #expect(state.scrollOffset == 0)
        press(.end, on: &state)
        #expect(state.selectedIndex == 19)
        press(.home, on: &state)
        #expect(state.selectedIndex == 0)
    }

    @Test func pageKeysMoveByVisibleRowsMinusOne() {
        var state = state()
        press(.pageDown, on: &state)
        #expect(state.selectedIndex == 3)
        #expect(state.scrollOffset == 0)
        press(.pageDown, on: &state)
        #expect(state.selectedIndex == 6)
        #expect(state.scrollOffset == 3)
        press(.pageUp, on: &state)
        #expect(state.selectedIndex == 3)
        #expect(state.scrollOffset == 3)
        press(.pageUp, .pageUp, on: &state)
        #expect(state.selectedIndex == 0)
        #expect(state.scrollOffset == 0)
    }

    @Test func scrollKeepsTheSelectionVisibleAllTheWayDown() {
        var state = state()
        for step in 1..<20 {
            press(.character("j"), on: &state)
            #expect(state.selectedIndex == step)
            #expect(state.scrollOffset == max(0, step - 3))
        }
        // Height 8 is below the minimum size for drawing: grow to 10 (six rows, offset clamped to 20 - 6).
        #expect(Reducer.reduce(&state, .resize(TerminalSize(width: 80, height: 10))) == [])
        #expect(state.scrollOffset == 14)
        let buffer = Fixtures.render(state)
        #expect(buffer.lines[3].hasPrefix(" job-14 "))
        #expect(buffer.lines[8].hasPrefix(" job-19 "))
        #expect(buffer.lines[9].hasSuffix("15-20 of 20"))
    }

    /// Keys the table does not bind (`f`, Backspace and ← belong to the detail screen only).
    @Test func unboundKeysChangeNothing() {
        let before = state()
        var state = before
        let unbound: [Key] = [
            .character("x"), .character("J"), .character("f"), .left, .right, .backspace, .tab, .control("l"),
        ]
        for key in unbound {
            #expect(KeyMap.table.action(for: key) == nil, "\(key)")
            #expect(Reducer.reduce(&state, .key(key)) == [])
        }
        #expect(state == before)
    }

    @Test func keysOnAnEmptyTableDoNothing() {
        var state = Fixtures.state(snapshot: Fixtures.snapshot([]))
        press(.down, .character("G"), .pageDown, on: &state)
        #expect(state.selectedID == nil)
        #expect(state.scrollOffset == 0)
    }
}
