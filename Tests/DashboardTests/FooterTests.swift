import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// The bottom row: the key hints generated from the screen's key map (bindings marked `inFooter`), the filter
/// being typed, and the status message and scroll position, which take priority over the hints.
@Suite struct FooterTests {
    private static func hints(_ keyMap: KeyMap, ascii: Bool = false) -> String {
        " " + keyMap.bindings.filter(\.inFooter).map { "\($0.label(ascii: ascii)) \($0.summary)" }.joined(separator: "  ")
    }

    @Test func theTableFooterIsGeneratedFromItsKeyMap() {
        let footer = Fixtures.render(Fixtures.state(width: 200, height: 12)).lines[11]
        #expect(footer == Self.hints(.table))
        #expect(footer == " ↑↓/jk move  Enter details  / filter  s sort  c cancel job  p pause  ? help  q quit")
    }

    @Test func theDetailFooterIsGeneratedFromItsKeyMap() {
        var state = Fixtures.state(width: 200, height: 24)
        Fixtures.press(.enter, on: &state)
        let footer = Fixtures.render(state).lines[23]
        #expect(footer == Self.hints(.detail))
        #expect(footer == " ↑↓/jk move  f file status filter  c cancel job  ? help  Esc/q back")
    }

    @Test func asciiLabels() {
        let footer = Fixtures.render(Fixtures.state(width: 200, height: 12, glyphs: .ascii)).lines[11]
        #expect(footer == Self.hints(.table, ascii: true))
        #expect(footer.hasPrefix(" jk move  Enter details  "))
    }

    /// At 80 columns the hints end with `? help` (x 69…74); a status message pushes out the hints that no longer fit.
    @Test func theStatusMessageTakesPriorityOverHints() {
        var state = Fixtures.state(width: 80, height: 12)
        #expect(Fixtures.render(state).lines[11] == " ↑↓/jk move  Enter details  / filter  s sort  c cancel job  p pause  ? help")
        Fixtures.press(.character("p"), on: &state)
        #expect(
            Fixtures.render(state).lines[11]
                == " ↑↓/jk move  Enter details  / filter  s sort" + String(repeating: " ", count: 9) + "polling paused (p resumes)")
    }

    /// A long message gets at most half the row (40 of 80 columns), cut with an ellipsis.
    @Test func aLongStatusMessageTakesAtMostHalfTheRow() {
        var state = Fixtures.state(width: 80, height: 12)
        let message = "cancel bjb-run-0001 failed: HTTP 409: job is already finishing and cannot be cancelled"
        _ = Reducer.reduce(&state, .cancelFinished(jobID: "bjb-run-000123456", .failure(ActionFailure(message: "HTTP 409: job is already finishing and cannot be cancelled"))))
        #expect(state.statusMessage == message)
        #expect(
            Fixtures.render(state).lines[11]
                == " ↑↓/jk move  Enter details  / filter   cancel bjb-run-0001 failed: HTTP 409: j…")
    }

    /// 20 jobs, 8 rows: the status message and the position share the right side (x 57…78).
    @Test func statusMessageAndScrollPosition() {
        var state = Fixtures.state(width: 80, height: 12, snapshot: Fixtures.snapshot(Fixtures.manyJobs(20)))
        Fixtures.press(.character("r"), on: &state)
        #expect(
            Fixtures.render(state).lines[11]
                == " ↑↓/jk move  Enter details  / filter  s sort" + String(repeating: " ", count: 13) + "refreshing…  1-8 of 20")
    }

    @Test func theFilterBeingTyped() {
        var state = Fixtures.state()
        Fixtures.press(.character("/"), on: &state)
        Fixtures.type("fail", on: &state)
        let buffer = Fixtures.render(state)
        #expect(buffer.lines[11] == " filter: fail▏  Enter keep  Esc clear")
        #expect(buffer[1, 11] == Cell("f", style: Theme.defaultDark.footerKey))
        #expect(buffer[9, 11] == Cell("f", style: Theme.defaultDark.text))
        var ascii = Fixtures.state(glyphs: .ascii)
        Fixtures.press(.character("/"), .character("x"), on: &ascii)
        #expect(Fixtures.render(ascii).lines[11] == " filter: x_  Enter keep  Esc clear")
    }

    @Test func hintsComeBackOnceTheFilterIsKept() {
        var state = Fixtures.state()
        Fixtures.press(.character("/"), .character("p"), .enter, on: &state)
        #expect(Fixtures.render(state).lines[11] == Self.hints(.table))
    }
}
