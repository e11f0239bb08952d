import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

@Suite struct SmallScreenTests {
    @Test func minimumSizeIsFortyByTen() {
        #expect(DashboardView.minimumSize == TerminalSize(width: 40, height: 10))
    }

    /// At 40×10 the table keeps JOB, STATUS and PROGRESS; six body rows hold all six jobs; the footer keeps the
    /// hints that fit in 38 columns.
    @Test func minimumSizeScreen() {
        let buffer = Fixtures.render(Fixtures.state(width: 40, height: 10))
        #expect(
            buffer.lines == [
                " batchtop · demo · 6 jobs API ok · eve…",
                " ▶ 1 running  ⧗ 1 throttled  ◌ 1 pending",
                " JOB          STATUS       PROGRESS",
                " bjb-run-0001 ▶ running    ███▋     52%",
                " bjb-pend-002 ◌ pending              0%",
                " bjb-thr-0003 ⧗ throttled  ██       30%",
                " bjb-fail-004 ✘ failed     ███████ 100%",
                " bjb-canc-006 ⊘ cancelled  ██       30%",
                " bjb-done-005 ✔ completed  ███████ 100%",
                " ↑↓/jk move  Enter details  / filter",
            ])
        for row in 0..<buffer.height {
            #expect(CharacterWidth.of(buffer.line(row)) == 40)
        }
    }

    @Test func tooSmallScreenShowsAWrappedMessage() {
        let buffer = Fixtures.render(Fixtures.state(width: 30, height: 5))
        #expect(buffer.lines == ["Terminal too small: need 40x10", ", have 30x5", "", "", ""])
    }

    @Test func oneRowTooShortIsTooSmall() {
        let buffer = Fixtures.render(Fixtures.state(width: 80, height: 9))
        #expect(buffer.lines == ["Terminal too small: need 40x10, have 80x9"] + Array(repeating: "", count: 8))
    }

    @Test func oneColumnTooNarrowIsTooSmall() {
        let buffer = Fixtures.render(Fixtures.state(width: 39, height: 10))
        #expect(buffer.lines == ["Terminal too small: need 40x10, have 39", "x10"] + Array(repeating: "", count: 8))
    }

    @Test func tinyBufferKeepsOnlyWhatFits() {
        let buffer = Fixtures.render(Fixtures.state(width: 12, height: 2))
        #expect(buffer.lines == ["Terminal too", " small: need"])
    }

    @Test func emptyBufferDoesNotCrashAndStaysEmpty() {
        var buffer = Buffer(width: 0, height: 0)
        DashboardView.render(Fixtures.state(), theme: .defaultDark, secondsFromGMT: 0, into: &buffer)
        #expect(buffer.cells.isEmpty)
    }
}
