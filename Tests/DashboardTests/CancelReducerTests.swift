import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// `c` asks before cancelling; only active jobs can be cancelled, and never with `--read-only`.
@Suite struct CancelReducerTests {
    private static let run = "bjb-run-000123456"

    /// The fixture table with the running job (first row) selected and the dialog open.
    private func confirming() -> AppState {
        var state = Fixtures.state()
        #expect(Fixtures.press(.character("c"), on: &state) == [])
        #expect(state.confirmingCancel == Self.run)
        return state
    }

    @Test func cOnARunningJobOpensTheConfirmation() {
        let state = confirming()
        #expect(state.statusMessage == nil)
        #expect(state.selectedID == Self.run)
    }

    @Test(arguments: ["y", "Y"] as [Character])
    func yesCancelsTheJob(key: Character) {
        var state = confirming()
        #expect(Fixtures.press(.character(key), on: &state) == [.cancel(jobID: Self.run)])
        #expect(state.confirmingCancel == nil)
        #expect(state.statusMessage == "cancelling bjb-run-0001…")
    }

    @Test(arguments: [Key.character("n"), .character("N"), .escape, .character("q"), .enter])
    func noKeepsTheJob(key: Key) {
        var state = confirming()
        #expect(Fixtures.press(key, on: &state) == [])
        #expect(state.confirmingCancel == nil)
        #expect(state.statusMessage == "cancel aborted")
    }

    /// Other keys neither answer the dialog nor reach the table behind it.
    @Test func otherKeysLeaveTheDialogOpen() {
        var state = confirming()
        let before = state
        for key: Key in [.character("j"), .down, .character("c"), .character("p"), .character("r"), .character("?"), .character("/"), .wheel(1), .click(x: 3, y: 5)] {
            #expect(Fixtures.press(key, on: &state) == [], "\(key)")
        }
        #expect(state == before)
    }

    /// Pending and unknown statuses may still be active: they can be cancelled.
    @Test func pendingAndUnknownStatusesCanBeCancelled() {
        var state = Fixtures.state()
        Fixtures.press(.down, .character("c"), on: &state)
        #expect(state.confirmingCancel == "bjb-pend-002")
        Fixtures.press(.character("n"), .down, .character("c"), on: &state)
        #expect(state.confirmingCancel == "bjb-thr-0003")
    }

    @Test(arguments: [
        (3, "bjb-fail-004 is already failed"), (4, "bjb-canc-006 is already cancelled"),
        (5, "bjb-done-005 is already completed"),
    ])
    func cOnAFinishedJobOnlySaysSo(row: Int, message: String) {
        var state = Fixtures.state()
        for _ in 0..<row { Fixtures.press(.down, on: &state) }
        #expect(Fixtures.press(.character("c"), on: &state) == [])
        #expect(state.confirmingCancel == nil)
        #expect(state.statusMessage == message)
    }

    @Test func readOnlyNeverOffersTheDialog() {
        var state = Fixtures.state()
        state.isReadOnly = true
        #expect(Fixtures.press(.character("c"), on: &state) == [])
        #expect(state.confirmingCancel == nil)
        #expect(state.statusMessage == "read-only: cancelling is disabled")
        // Nor in the detail screen.
        state.statusMessage = nil
        Fixtures.press(.enter, .character("c"), on: &state)
        #expect(state.detail?.jobID == Self.run)
        #expect(state.confirmingCancel == nil)
        #expect(state.statusMessage == "read-only: cancelling is disabled")
    }

    @Test func cInTheDetailAsksAboutTheDetailsJob() {
        var state = Fixtures.state()
        Fixtures.press(.down, .enter, on: &state)
        #expect(Fixtures.press(.character("c"), on: &state) == [])
        #expect(state.confirmingCancel == "bjb-pend-002")
        #expect(Fixtures.press(.character("y"), on: &state) == [.cancel(jobID: "bjb-pend-002")])
        #expect(state.detail?.jobID == "bjb-pend-002")
    }

    @Test func theOutcomeIsShownInTheStatusLine() {
        var state = Fixtures.state()
        let success = Msg.cancelFinished(jobID: Self.run, .success("cancel requested (cancelled, 104 items processed)"))
        #expect(Reducer.reduce(&state, success) == [])
        #expect(state.statusMessage == "cancel bjb-run-0001: cancel requested (cancelled, 104 items processed)")
        let failure = Msg.cancelFinished(jobID: Self.run, .failure(ActionFailure(message: "HTTP 409: job already finished")))
        #expect(Reducer.reduce(&state, failure) == [])
        #expect(state.statusMessage == "cancel bjb-run-0001 failed: HTTP 409: job already finished")
    }
}
