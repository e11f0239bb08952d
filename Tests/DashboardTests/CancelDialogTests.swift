import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// The confirmation before cancelling: at 80×24 a 54×8 box at (13, 8) naming the job, its progress and the keys.
@Suite struct CancelDialogTests {
    private static func box(_ buffer: Buffer) -> [String] {
        (8..<16).map { y in (13..<67).map { buffer[$0, y].text }.joined() }
    }

    @Test func namesTheJobItsProgressAndTheKeys() {
        var state = Fixtures.state(width: 80, height: 24)
        Fixtures.press(.character("c"), on: &state)
        let buffer = Fixtures.render(state)
        #expect(
            Self.box(buffer) == [
                "┌─ cancel ───────────────────────────────────────────┐",
                "│ Cancel this job?                                   │",
                "│                                                    │",
                "│ bjb-run-000123456                                  │",
                "│ parse · ▶ running · 52% (104/200 items)            │",
                "│                                                    │",
                "│ y  cancel the job        n / Esc  keep it running  │",
                "└────────────────────────────────────────────────────┘",
            ])
        let theme = Theme.defaultDark
        #expect(buffer[13, 8].style == theme.alert)
        #expect(buffer[15, 9] == Cell("C", style: theme.alert))
        #expect(buffer[15, 14] == Cell("y", style: theme.footerKey))
        // The table stays visible around the box, the footer below it.
        #expect(buffer.lines[7].hasPrefix(" bjb-canc-006 ⊘ cancelled "))
        #expect(buffer.lines[8].hasPrefix(" bjb-done-005┌─ cancel "))
        #expect(buffer.lines[23] == " ↑↓/jk move  Enter details  / filter  s sort  c cancel job  p pause  ? help")
    }

    /// The full ID is named even though the table shows only 12 characters; counts the server left out read 0.
    @Test func aPendingJobWithoutCounts() {
        let pending = TrackedJob(
            job: Job(id: "bjb-0123456789abcdef", type: .classify, status: .pending, totalItems: 25, createdAt: Fixtures.ago(5)),
            fetchedAt: Fixtures.ago(1))
        var state = Fixtures.state(width: 80, height: 24, snapshot: Fixtures.snapshot([pending]))
        Fixtures.press(.character("c"), on: &state)
        let rows = Self.box(Fixtures.render(state))
        #expect(rows[3] == "│ bjb-0123456789abcdef                               │")
        #expect(rows[4] == "│ classify · ◌ pending · 0% (0/25 items)             │")
    }

    @Test func overTheDetailScreen() {
        var state = Fixtures.state(width: 80, height: 24)
        Fixtures.press(.enter, .character("c"), on: &state)
        let buffer = Fixtures.render(state)
        #expect(Self.box(buffer)[3] == "│ bjb-run-000123456                                  │")
        #expect(buffer.lines[0] == " bjb-run-000123456 · parse · ▶ running")
        #expect(buffer.lines[23] == " ↑↓/jk move  f file status filter  c cancel job  ? help  Esc/q back")
    }

    @Test func inASCII() {
        var state = Fixtures.state(width: 80, height: 24, glyphs: .ascii)
        Fixtures.press(.character("c"), on: &state)
        let rows = Self.box(Fixtures.render(state))
        #expect(rows[0] == "+- cancel -------------------------------------------+")
        #expect(rows[4] == "| parse | > running | 52% (104/200 items)            |")
        #expect(rows[7] == "+----------------------------------------------------+")
    }

    @Test func answeringClosesTheDialog() {
        var state = Fixtures.state(width: 80, height: 24)
        Fixtures.press(.character("c"), .character("n"), on: &state)
        let buffer = Fixtures.render(state)
        #expect(!Fixtures.text(buffer).contains("Cancel this job?"))
        #expect(buffer.lines[8].hasPrefix(" bjb-done-005 ✔ completed "))
        #expect(buffer.lines[23].hasSuffix("cancel aborted"))
    }
}
