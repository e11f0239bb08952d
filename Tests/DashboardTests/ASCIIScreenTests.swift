import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

@Suite struct ASCIIScreenTests {
    @Test func rendersTheFixtureSnapshotInASCII() {
        let buffer = Fixtures.render(Fixtures.state(glyphs: .ascii))
        let expected = [
            " batchtop | demo | 6 jobs                                                                             API ok | every 2s",
            " > 1 running  = 1 throttled  . 1 pending  + 1 completed  x 1 failed  - 1 cancelled                 active items 107/260",
            " JOB          TYPE     STATUS       PROGRESS                            DONE/TOTAL FAILED SKIPPED   RATE     ETA  STALE",
            " bjb-run-0001 parse    > running    ###############..............  52%     104/200      0       0                 ! 10s",
            " bjb-pend-002 extract  . pending    .............................   0%        0/50      0       0",
            " bjb-thr-0003 classify = throttled  ########.....................  30%        3/10      0       0",
            " bjb-fail-004 parse    x failed     ############################# 100%       40/40      7       1",
            " bjb-canc-006 classify - cancelled  ########.....................  30%        9/30      0       2                  gone",
            " bjb-done-005 extract  + completed  ############################# 100%       12/12      0       0",
            "",
            "",
            " jk move  Enter details  / filter  s sort  c cancel job  p pause  ? help  q quit",
        ]
        #expect(buffer.lines.count == expected.count)
        for (row, line) in expected.enumerated() {
            #expect(buffer.lines[row] == line, "row \(row)")
        }
    }

    /// Every row, the footer's key labels included.
    @Test func everyRowContainsOnlyASCII() {
        let buffer = Fixtures.render(Fixtures.state(glyphs: .ascii))
        for row in 0..<buffer.height {
            for x in 0..<buffer.width {
                let text = buffer[x, row].text
                #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "(\(x), \(row)): \(text)")
            }
        }
    }
}
