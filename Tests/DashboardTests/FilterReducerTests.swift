import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// `/` and the live filter over ID, type, status and directory (case-insensitive).
@Suite struct FilterReducerTests {

    private func editing(_ jobs: [TrackedJob] = Fixtures.jobs) -> AppState {
        var state = Fixtures.state(snapshot: Fixtures.snapshot(jobs))
        #expect(Fixtures.press(.character("/"), on: &state) == [])
        return state
    }

    @Test func slashStartsEditingAnEmptyFilter() {
        var state = Fixtures.state()
        #expect(Fixtures.press(.character("/"), on: &state) == [])
        #expect(state.isEditingFilter)
        #expect(state.filter == "")
        #expect(state.rows.map(\.id) == Fixtures.ID.all)
    }

    /// "p" matches type parse, ID bjb-pend and status completed; "pa" only type parse.
    @Test func rowsFollowEachTypedCharacter() {
        var state = editing()
        #expect(Fixtures.type("p", on: &state) == [])
        #expect(state.rows.map(\.id) == [Fixtures.ID.run, Fixtures.ID.pend, Fixtures.ID.fail, Fixtures.ID.done])
        #expect(Fixtures.type("a", on: &state) == [])
        #expect(state.rows.map(\.id) == [Fixtures.ID.run, Fixtures.ID.fail])
        #expect(state.filter == "pa")
        #expect(state.hiddenCount == 4)
        #expect(state.isEditingFilter)
    }

    @Test(arguments: [
        ("0003", [Fixtures.ID.thr]),  // ID
        ("classify", [Fixtures.ID.thr, Fixtures.ID.canc]),  // type
        ("CLASSIFY", [Fixtures.ID.thr, Fixtures.ID.canc]),  // case-insensitive
        ("cancel", [Fixtures.ID.canc]),  // status
        ("throttled", [Fixtures.ID.thr]),
        ("invoices", ["bjb-dir-0007"]),  // directory
        ("nothing-like-this", []),
    ])
    func matchesIDTypeStatusAndDirectory(filter: String, expected: [String]) {
        let withDirectory = TrackedJob(
            job: Job(
                id: "bjb-dir-0007", type: .parse, status: .running, totalItems: 5, createdAt: Fixtures.ago(30),
                directoryID: "dir-invoices-2025"),
            fetchedAt: Fixtures.ago(1))
        var state = editing(Fixtures.jobs + [withDirectory])
        Fixtures.type(filter, on: &state)
        #expect(state.rows.map(\.id) == expected)
        #expect(state.hiddenCount == 7 - expected.count)
    }

    @Test func backspaceDeletesTheLastCharacter() {
        var state = editing()
        Fixtures.type("pa", on: &state)
        #expect(Fixtures.press(.backspace, on: &state) == [])
        #expect(state.filter == "p")
        #expect(state.rows.map(\.id) == [Fixtures.ID.run, Fixtures.ID.pend, Fixtures.ID.fail, Fixtures.ID.done])
        Fixtures.press(.backspace, .backspace, on: &state)
        #expect(state.filter == "")
        #expect(state.rows.map(\.id) == Fixtures.ID.all)
        #expect(state.isEditingFilter)
    }

    @Test func enterKeepsTheFilterAndGivesTheKeysBackToTheTable() {
        var state = editing()
        Fixtures.type("pa", on: &state)
        #expect(Fixtures.press(.enter, on: &state) == [])
        #expect(!state.isEditingFilter)
        #expect(state.filter == "pa")
        #expect(state.rows.map(\.id) == [Fixtures.ID.run, Fixtures.ID.fail])
        #expect(state.detail == nil)
        Fixtures.press(.character("j"), on: &state)
        #expect(state.selectedID == Fixtures.ID.fail)
        #expect(state.filter == "pa")
    }

    @Test func escWhileTypingClearsTheFilter() {
        var state = editing()
        Fixtures.type("pa", on: &state)
        #expect(Fixtures.press(.escape, on: &state) == [])
        #expect(!state.isEditingFilter)
        #expect(state.filter == "")
        #expect(state.rows.map(\.id) == Fixtures.ID.all)
    }

    @Test func escOnTheTableClearsAKeptFilterAndKeepsTheSelection() {
        var state = editing()
        Fixtures.type("pa", on: &state)
        Fixtures.press(.enter, .down, on: &state)
        #expect(state.selectedID == Fixtures.ID.fail)
        #expect(Fixtures.press(.escape, on: &state) == [])
        #expect(state.filter == "")
        #expect(state.rows.map(\.id) == Fixtures.ID.all)
        #expect(state.selectedID == Fixtures.ID.fail)
        #expect(state.selectedIndex == 3)
    }

    /// While typing, q, s, c, ?, p and r are text, not commands.
    @Test func commandKeysAreTypedIntoTheFilter() {
        var state = editing()
        #expect(Fixtures.type("qsc?pr", on: &state) == [])
        #expect(state.filter == "qsc?pr")
        #expect(state.isEditingFilter)
        #expect(state.sort == SortOrder())
        #expect(state.confirmingCancel == nil)
        #expect(!state.showsHelp)
        #expect(!state.isPaused)
        #expect(state.rows.isEmpty)
        #expect(state.selectedID == nil)
    }

    @Test func aHiddenSelectionMovesToTheFirstMatch() {
        var state = editing()
        #expect(state.selectedID == Fixtures.ID.run)
        Fixtures.type("fail", on: &state)
        #expect(state.rows.map(\.id) == [Fixtures.ID.fail])
        #expect(state.selectedID == Fixtures.ID.fail)
    }

    @Test func theFilterIsCappedAt64Characters() {
        var state = editing()
        Fixtures.type(String(repeating: "x", count: 70), on: &state)
        #expect(state.filter == String(repeating: "x", count: 64))
    }

    @Test func aNewSnapshotIsFilteredToo() {
        var state = editing()
        Fixtures.type("classify", on: &state)
        Fixtures.press(.enter, on: &state)
        let newJob = TrackedJob(
            job: Job(id: "bjb-new-0008", type: .classify, status: .running, totalItems: 3, createdAt: Fixtures.ago(5)),
            fetchedAt: Fixtures.ago(1))
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(Fixtures.jobs + [newJob])))
        #expect(state.rows.map(\.id) == ["bjb-new-0008", Fixtures.ID.thr, Fixtures.ID.canc])
        #expect(state.hiddenCount == 4)
    }
}
