import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// The fixture table at 60, 80 and 200 columns (12 rows): which columns are shown, where, and that every row is
/// exactly as wide as the terminal.
@Suite struct WidthsTests {
    private static func render(width: Int) -> Buffer {
        Fixtures.render(Fixtures.state(width: width, height: 12))
    }

    private static func expectRowsFit(_ buffer: Buffer) {
        for row in 0..<buffer.height {
            #expect(CharacterWidth.of(buffer.line(row)) == buffer.width, "row \(row)")
        }
    }

    /// JOB, STATUS, PROGRESS (18 wide), FAILED, STALE; TYPE, DONE/TOTAL and SKIPPED are dropped.
    @Test func sixtyColumns() {
        let buffer = Self.render(width: 60)
        #expect(
            Array(buffer.lines[2...11]) == [
                " JOB          STATUS       PROGRESS           FAILED  STALE",
                " bjb-run-0001 ▶ running    ██████▊        52%      0  ⚠ 10s",
                " bjb-pend-002 ◌ pending                    0%      0",
                " bjb-thr-0003 ⧗ throttled  ███▉           30%      0",
                " bjb-fail-004 ✘ failed     █████████████ 100%      7",
                " bjb-canc-006 ⊘ cancelled  ███▉           30%      0   gone",
                " bjb-done-005 ✔ completed  █████████████ 100%      0",
                "",
                "",
                " ↑↓/jk move  Enter details  / filter  s sort  c cancel job",
            ])
        #expect(buffer.lines[0] == " batchtop · demo · 6 jobs                 API ok · every 2s")
        #expect(buffer.lines[1].hasPrefix(" ▶ 1 running  ⧗ 1 throttled  ◌ 1 pending  ✔ 1 completed  ✘ 1"))
        Self.expectRowsFit(buffer)
    }

    /// JOB, STATUS, PROGRESS (18 wide), DONE/TOTAL, FAILED, ETA, STALE; SKIPPED, RATE and TYPE are dropped. The footer
    /// drops `q quit`, which no longer fits in 80 columns.
    @Test func eightyColumns() {
        let buffer = Self.render(width: 80)
        #expect(
            Array(buffer.lines[2...11]) == [
                " JOB          STATUS       PROGRESS            DONE/TOTAL FAILED     ETA  STALE",
                " bjb-run-0001 ▶ running    ██████▊        52%     104/200      0          ⚠ 10s",
                " bjb-pend-002 ◌ pending                    0%        0/50      0",
                " bjb-thr-0003 ⧗ throttled  ███▉           30%        3/10      0",
                " bjb-fail-004 ✘ failed     █████████████ 100%       40/40      7",
                " bjb-canc-006 ⊘ cancelled  ███▉           30%        9/30      0           gone",
                " bjb-done-005 ✔ completed  █████████████ 100%       12/12      0",
                "",
                "",
                " ↑↓/jk move  Enter details  / filter  s sort  c cancel job  p pause  ? help",
            ])
        #expect(buffer.lines[0] == " batchtop · demo · 6 jobs                                     API ok · every 2s")
        #expect(buffer.lines[1].hasPrefix(" ▶ 1 running  ⧗ 1 throttled  ◌ 1 pending  ✔ 1 completed  ✘ 1 failed  ⊘ 1 cancell"))
        Self.expectRowsFit(buffer)
    }

    /// Every column; the gauge stops at 60 columns, so the rows end at x 144 and the rest stays empty.
    @Test func twoHundredColumns() {
        let buffer = Self.render(width: 200)
        #expect(
            Array(buffer.lines[0...11]) == [
                " batchtop · demo · 6 jobs" + String(repeating: " ", count: 149) + "        API ok · every 2s",
                " ▶ 1 running  ⧗ 1 throttled  ◌ 1 pending  ✔ 1 completed  ✘ 1 failed  ⊘ 1 cancelled"
                    + String(repeating: " ", count: 97) + "active items 107/260",
                " JOB          TYPE     STATUS       PROGRESS                                                      DONE/TOTAL FAILED SKIPPED   RATE     ETA  STALE",
                " bjb-run-0001 parse    ▶ running    ████████████████████████████▌                            52%     104/200      0       0                 ⚠ 10s",
                " bjb-pend-002 extract  ◌ pending                                                              0%        0/50      0       0",
                " bjb-thr-0003 classify ⧗ throttled  ████████████████▌                                        30%        3/10      0       0",
                " bjb-fail-004 parse    ✘ failed     ███████████████████████████████████████████████████████ 100%       40/40      7       1",
                " bjb-canc-006 classify ⊘ cancelled  ████████████████▌                                        30%        9/30      0       2                  gone",
                " bjb-done-005 extract  ✔ completed  ███████████████████████████████████████████████████████ 100%       12/12      0       0",
                "",
                "",
                " ↑↓/jk move  Enter details  / filter  s sort  c cancel job  p pause  ? help  q quit",
            ])
        for row in 2...8 {
            #expect(CharacterWidth.of(buffer.lines[row]) <= 145, "row \(row)")
        }
        Self.expectRowsFit(buffer)
    }

    /// Headings sit where the layout puts the columns, at each of the three widths.
    @Test(arguments: [60, 80, 200])
    func headingsFollowTheLayout(width: Int) {
        let buffer = Self.render(width: width)
        for placed in TableLayout(width: width).columns {
            let cells = (placed.x..<(placed.x + placed.width)).map { buffer[$0, 2].text }.joined()
            let heading = placed.column.heading
            let expected = placed.column.isNumeric
                ? String(repeating: " ", count: placed.width - heading.count) + heading
                : heading + String(repeating: " ", count: placed.width - heading.count)
            #expect(cells == expected, "\(placed.column) at \(width)")
        }
    }
}
