import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

@Suite struct TableScreenTests {
    @Test func rendersTheFixtureSnapshotAt120x12() {
        let buffer = Fixtures.render(Fixtures.state())
        #expect(buffer.width == 120 && buffer.height == 12)
        let expected = [
            " batchtop · demo · 6 jobs                                                                     API ok · updated 15:06:39",
            " ▶ 1 running  ⇢ 0 dispatched  ◌ 1 pending  ✔ 1 completed  ✘ 1 failed  ⊘ 1 cancelled  ? 1 throttled",
            " JOB          TYPE     STATUS       PROGRESS                                           DONE/TOTAL FAILED SKIPPED  STALE",
            " bjb-run-0001 parse    ▶ running    ██████████████████████▉                       52%     104/200      0       0  ⚠ 10s",
            " bjb-pend-002 extract  ◌ pending                                                   0%        0/50      0       0",
            " bjb-thr-0003 classify ? throttled  █████████████▏                                30%        3/10      0       0",
            " bjb-fail-004 parse    ✘ failed     ████████████████████████████████████████████ 100%       40/40      7       1",
            " bjb-canc-006 classify ⊘ cancelled  █████████████▏                                30%        9/30      0       2   gone",
            " bjb-done-005 extract  ✔ completed  ████████████████████████████████████████████ 100%       12/12      0       0",
            "",
            "",
            " ↑↓/jk move  PgUp/PgDn page  g/G top/bottom  r refresh  q quit",
        ]
        #expect(buffer.lines.count == expected.count)
        for (row, line) in expected.enumerated() {
            #expect(buffer.lines[row] == line, "row \(row)")
        }
    }

    @Test func onlyTheSelectedRowIsReversed() {
        let buffer = Fixtures.render(Fixtures.state())
        for x in 0..<buffer.width {
            #expect(buffer[x, 3].style.attributes.contains(.reverse), "x \(x)")
            #expect(!buffer[x, 4].style.attributes.contains(.reverse), "x \(x)")
        }
    }

    @Test func statusAndStaleCellsUseTheirThemeRoles() {
        let theme = Theme.defaultDark
        let buffer = Fixtures.render(Fixtures.state())
        // Row 6 is the failed job; the status column starts at x = 23.
        #expect(buffer[23, 6] == Cell("✘", style: theme.statusFailed))
        #expect(buffer[23, 5] == Cell("?", style: theme.statusUnknown))
        // FAILED count 7 (x = 103) is drawn as a failure, 0 elsewhere dim.
        #expect(buffer[103, 6] == Cell("7", style: theme.statusFailed))
        #expect(buffer[103, 4] == Cell("0", style: theme.textDim))
        // Stale age of the running (selected) row: alert style plus reverse.
        #expect(buffer[114, 3] == Cell("⚠", style: theme.alert.adding(.reverse)))
        #expect(buffer[0, 0].style == theme.title)
    }

    @Test func unknownStatusIsCountedAndShownNotDropped() {
        let state = Fixtures.state()
        #expect(state.rows.count == 6)
        #expect(state.rows.map(\.job.status).contains(.other("throttled")))
        let buffer = Fixtures.render(state)
        #expect(buffer.lines[1].hasSuffix("? 1 throttled"))
        #expect(buffer.lines[5].contains("? throttled"))
    }

    @Test func footerShowsTheScrollPositionWhenRowsOverflow() {
        let buffer = Fixtures.render(Fixtures.state(width: 120, height: 8))
        #expect(buffer.lines[7] == " ↑↓/jk move  PgUp/PgDn page  g/G top/bottom  r refresh  q quit" + String(repeating: " ", count: 49) + "1-4 of 6")
    }

    @Test func activeItemSummaryAppearsWhenThereIsRoom() {
        let buffer = Fixtures.render(Fixtures.state(width: 200, height: 12))
        // Active jobs: running 104/200, pending 0/50, throttled 3/10.
        #expect(buffer.lines[1].hasSuffix("? 1 throttled" + String(repeating: " ", count: 81) + "active items 107/260"))
        #expect(buffer.lines[1].count == 199)
    }

    @Test func emptySnapshotSaysSo() {
        let state = Fixtures.state(snapshot: Fixtures.snapshot([]))
        let buffer = Fixtures.render(state)
        #expect(buffer.lines[0].hasPrefix(" batchtop · demo · 0 jobs "))
        #expect(buffer.lines[4] == " No jobs match. New jobs appear here as they are created.")
    }
}
