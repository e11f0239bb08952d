import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

@Suite struct TableScreenTests {
    @Test("the title says which APIs answered, when the poller says")
    func liveAPIsInTitle() {
        var state = Fixtures.state()
        state.snapshot.liveAPIs = [.v1, .v2]
        #expect(Fixtures.render(state).lines[0].hasSuffix("API ok (v1+v2) · every 2s"))
        state.snapshot.liveAPIs = [.v2]
        #expect(Fixtures.render(state).lines[0].hasSuffix("API ok (v2) · every 2s"))
    }

    @Test("the title says when the poller idles, and the longest wait it stretches to")
    func idleInTitle() {
        var state = Fixtures.state()
        state.snapshot.idleInterval = 20
        #expect(Fixtures.render(state).lines[0].hasSuffix("API ok · idle, slowing to every 20s"))
        state.snapshot.idleInterval = nil
        #expect(Fixtures.render(state).lines[0].hasSuffix("API ok · every 2s"))
    }

    @Test func rendersTheFixtureSnapshotAt120x12() {
        let buffer = Fixtures.render(Fixtures.state())
        #expect(buffer.width == 120 && buffer.height == 12)
        let expected = [
            " batchtop · demo · 6 jobs                                                                             API ok · every 2s",
            " ▶ 1 running  ⧗ 1 throttled  ◌ 1 pending  ✔ 1 completed  ✘ 1 failed  ⊘ 1 cancelled                 active items 107/260",
            " JOB          TYPE     STATUS       PROGRESS                            DONE/TOTAL FAILED SKIPPED   RATE     ETA  STALE",
            " bjb-run-0001 parse    ▶ running    ███████████████                52%     104/200      0       0                 ⚠ 10s",
            " bjb-pend-002 extract  ◌ pending                                    0%        0/50      0       0",
            " bjb-thr-0003 classify ⧗ throttled  ████████▋                      30%        3/10      0       0",
            " bjb-fail-004 parse    ✘ failed     █████████████████████████████ 100%       40/40      7       1",
            " bjb-canc-006 classify ⊘ cancelled  ████████▋                      30%        9/30      0       2                  gone",
            " bjb-done-005 extract  ✔ completed  █████████████████████████████ 100%       12/12      0       0",
            "",
            "",
            " ↑↓/jk move  Enter details  / filter  s sort  c cancel job  p pause  ? help  q quit",
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
        // Row 5 is the throttled job: its own symbol in its own role, not pending's or an unknown status's.
        #expect(buffer[23, 5] == Cell("⧗", style: theme.statusThrottled))
        #expect(buffer.lines[5].contains("⧗ throttled"))
        #expect((23..<34).allSatisfy { buffer[$0, 5].style == theme.statusThrottled })
        // FAILED count 7 (x = 88) is drawn as a failure, 0 elsewhere dim.
        #expect(buffer[88, 6] == Cell("7", style: theme.statusFailed))
        #expect(buffer[88, 4] == Cell("0", style: theme.textDim))
        // Stale age of the running (selected) row: alert style plus reverse.
        #expect(buffer[114, 3] == Cell("⚠", style: theme.alert.adding(.reverse)))
        #expect(buffer[0, 0].style == theme.title)
    }

    @Test func unknownStatusIsCountedAndShownNotDropped() {
        var jobs = Fixtures.jobs
        jobs[2].job.status = JobStatus(raw: "paused")
        let state = Fixtures.state(snapshot: Fixtures.snapshot(jobs))
        #expect(state.rows.count == 6)
        #expect(state.rows.map(\.job.status).contains(.other("paused")))
        let buffer = Fixtures.render(state)
        #expect(buffer.lines[1].contains("  ? 1 paused"))
        #expect(buffer.lines[5].contains("? paused"))
        #expect(buffer[23, 5] == Cell("?", style: Theme.defaultDark.statusUnknown))
    }

    /// 20 jobs, 6 body rows at height 10: the position goes flush right (x 110…118), after the hints (x 1…82).
    @Test func footerShowsTheScrollPositionWhenRowsOverflow() {
        let buffer = Fixtures.render(Fixtures.state(width: 120, height: 10, snapshot: Fixtures.snapshot(Fixtures.manyJobs(20))))
        let hints = " ↑↓/jk move  Enter details  / filter  s sort  c cancel job  p pause  ? help  q quit"
        #expect(buffer.lines[9] == hints + String(repeating: " ", count: 27) + "1-6 of 20")
        #expect(buffer.lines[9].count == 119)
    }

    /// Counts end at x 81 ("⊘ 1 cancelled" from x 69); the summary is flush right, ending at x 198.
    @Test func activeItemSummaryAppearsWhenThereIsRoom() {
        let buffer = Fixtures.render(Fixtures.state(width: 200, height: 12))
        // Active jobs: running 104/200, pending 0/50, throttled 3/10.
        #expect(buffer.lines[1].hasSuffix("⊘ 1 cancelled" + String(repeating: " ", count: 97) + "active items 107/260"))
        #expect(buffer.lines[1].count == 199)
    }

    /// At 80 columns the counts fill the row: no summary.
    @Test func activeItemSummaryGivesWayToTheCounts() {
        let buffer = Fixtures.render(Fixtures.state(width: 80, height: 12))
        #expect(!buffer.lines[1].contains("active items"))
        #expect(buffer.lines[1].hasPrefix(" ▶ 1 running  ⧗ 1 throttled  ◌ 1 pending  ✔ 1 completed  ✘ 1 failed  ⊘ 1 "))
    }

    @Test func zeroDispatchedAndCancelledAreLeftOutOfTheCounts() {
        let jobs = Fixtures.jobs.filter { $0.job.status != .cancelled }
        let buffer = Fixtures.render(Fixtures.state(snapshot: Fixtures.snapshot(jobs)))
        #expect(buffer.lines[1].hasPrefix(" ▶ 1 running  ⧗ 1 throttled  ◌ 1 pending  ✔ 1 completed  ✘ 1 failed  "))
    }

    /// Throttled only happens to v2 batches: with none, a beta-only dashboard does not list `⧗ 0 throttled`.
    @Test func zeroThrottledIsLeftOutOfTheCounts() {
        let jobs = Fixtures.jobs.filter { $0.job.status != .throttled }
        let buffer = Fixtures.render(Fixtures.state(snapshot: Fixtures.snapshot(jobs)))
        #expect(buffer.lines[1].hasPrefix(" ▶ 1 running  ◌ 1 pending  ✔ 1 completed  ✘ 1 failed  ⊘ 1 cancelled  "))
        #expect(!buffer.lines[1].contains("throttled"))
    }

    @Test func emptySnapshotSaysSo() {
        let state = Fixtures.state(snapshot: Fixtures.snapshot([]))
        let buffer = Fixtures.render(state)
        #expect(buffer.lines[0].hasPrefix(" batchtop · demo · 0 jobs "))
        #expect(buffer.lines[4] == " No jobs match. New jobs appear here as they are created.")
    }
}
