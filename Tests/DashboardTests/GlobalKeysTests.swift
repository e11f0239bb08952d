import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// Pause, refresh, help and quitting, on every layer (table, detail, filter, dialog, help).
@Suite struct GlobalKeysTests {
    @Test func pTogglesPolling() {
        var state = Fixtures.state()
        #expect(Fixtures.press(.character("p"), on: &state) == [.setPaused(true)])
        #expect(state.isPaused)
        #expect(state.statusMessage == "polling paused (p resumes)")
        #expect(Fixtures.press(.character("p"), on: &state) == [.setPaused(false)])
        #expect(!state.isPaused)
        #expect(state.statusMessage == "polling resumed")
    }

    @Test func pausedIsShownInTheTitle() {
        var state = Fixtures.state()
        Fixtures.press(.character("p"), on: &state)
        let buffer = Fixtures.render(state)
        #expect(buffer.lines[0].hasPrefix(" batchtop · demo · 6 jobs · PAUSED "))
        #expect(buffer.lines[11].hasSuffix("polling paused (p resumes)"))
    }

    @Test func pInTheDetailTogglesPollingToo() {
        var state = Fixtures.state()
        Fixtures.press(.enter, on: &state)
        #expect(Fixtures.press(.character("p"), on: &state) == [.setPaused(true)])
        #expect(state.isPaused)
        #expect(state.detail != nil)
    }

    @Test func rRefreshesNow() {
        var state = Fixtures.state()
        #expect(Fixtures.press(.character("r"), on: &state) == [.refresh])
        #expect(state.statusMessage == "refreshing…")
    }

    @Test func questionMarkOpensTheHelp() {
        var state = Fixtures.state()
        #expect(Fixtures.press(.character("?"), on: &state) == [])
        #expect(state.showsHelp)
    }

    /// Any key closes the help and does nothing else (q does not quit, j does not move, Enter opens nothing).
    @Test(arguments: [
        Key.character("q"), .character("j"), .enter, .escape, .character("c"), .character("?"), .character("/"),
        .wheel(1), .click(x: 2, y: 5),
    ])
    func anyKeyClosesTheHelpAndOnlyThat(key: Key) {
        var state = Fixtures.state()
        Fixtures.press(.character("?"), on: &state)
        #expect(Fixtures.press(key, on: &state) == [])
        #expect(state == Fixtures.state())
    }

    @Test func qQuitsFromTheTable() {
        var state = Fixtures.state()
        #expect(Fixtures.press(.character("q"), on: &state) == [.quit])
        #expect(state == Fixtures.state())
    }

    @Test func qInTheDetailGoesBackInsteadOfQuitting() {
        var state = Fixtures.state()
        Fixtures.press(.enter, on: &state)
        #expect(Fixtures.press(.character("q"), on: &state) == [])
        #expect(state.detail == nil)
        #expect(Fixtures.press(.character("q"), on: &state) == [.quit])
    }

    private static func onLayer(_ layer: String) -> AppState {
        var state = Fixtures.state()
        switch layer {
        case "dialog": Fixtures.press(.character("c"), on: &state)
        case "help": Fixtures.press(.character("?"), on: &state)
        case "filter": Fixtures.press(.character("/"), .character("x"), on: &state)
        case "detail": Fixtures.press(.enter, on: &state)
        case "detail dialog": Fixtures.press(.enter, .character("c"), on: &state)
        case "detail help": Fixtures.press(.enter, .character("?"), on: &state)
        default: break
        }
        return state
    }

    /// Ctrl-C quits wherever the user is, and leaves the state as it was.
    @Test(arguments: ["table", "dialog", "help", "filter", "detail", "detail dialog", "detail help"])
    func controlCQuitsFromAnywhere(layer: String) {
        var state = Self.onLayer(layer)
        let before = state
        #expect(state != Fixtures.state() || layer == "table")
        #expect(Fixtures.press(.control("c"), on: &state) == [.quit])
        #expect(state == before)
    }
}
