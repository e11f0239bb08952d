import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// At 80 columns an active filter or sort still shows in the header: the counts give up their words for it.
@Suite struct NarrowHeaderTests {
    @Test func filterAndSortFitAt80Columns() {
        var state = Fixtures.state(width: 80, height: 24)
        _ = Fixtures.type("/par", on: &state)
        Fixtures.press(.enter, on: &state)
        Fixtures.press(.character("s"), on: &state)
        let line = Fixtures.render(state).lines[1]
        #expect(line.contains("sort status↓"), "\(line)")
        #expect(line.contains("/par 4 hidden"), "\(line)")
        #expect(line.hasPrefix(" ▶1 ⧗1 ◌1 ✔1 ✘1 ⊘1"), "\(line)")
        #expect(CharacterWidth.of(line) <= 80)
    }

    @Test func wordsStayWhenThereIsRoom() {
        var state = Fixtures.state(width: 120, height: 24)
        _ = Fixtures.type("/par", on: &state)
        Fixtures.press(.enter, on: &state)
        let line = Fixtures.render(state).lines[1]
        #expect(line.hasPrefix(" ▶ 1 running  ⧗ 1 throttled  ◌ 1 pending"), "\(line)")
        #expect(line.hasSuffix("/par 4 hidden"), "\(line)")
    }
}
