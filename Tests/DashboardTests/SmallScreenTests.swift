import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

@Suite struct SmallScreenTests {
    @Test func minimumSizeScreen() {
        let buffer = Fixtures.render(Fixtures.state(width: 40, height: 6))
        #expect(
            buffer.lines == [
                " batchtop · demo · 6 jobs API ok · upd…",
                " ▶ 1 running  ⇢ 0 dispatched  ◌ 1 pendin",
                " JOB          STATUS       PROGRESS",
                " bjb-run-0001 ▶ running    ███▋     52%",
                " bjb-pend-002 ◌ pending              0%",
                " ↑↓/jk move  PgUp/PgDn page  g/G top/bot",
            ])
        for row in 0..<buffer.height {
            #expect(CharacterWidth.of(buffer.line(row)) == 40)
        }
    }

    @Test func tooSmallScreenShowsAWrappedMessage() {
        let buffer = Fixtures.render(Fixtures.state(width: 30, height: 5))
        #expect(buffer.lines == ["Terminal too small: need 40x6,", " have 30x5", "", "", ""])
    }

    @Test func oneRowTooShortIsTooSmall() {
        let buffer = Fixtures.render(Fixtures.state(width: 80, height: 5))
        #expect(buffer.lines == ["Terminal too small: need 40x6, have 80x5", "", "", "", ""])
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
