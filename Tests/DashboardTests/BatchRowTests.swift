import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// v2 batches and the throttled status in the job table (120 columns: status at x 23, progress x 36–69 with the
/// gauge at x 36–64 and the percentage at x 66–69, DONE/TOTAL ending at x 81, ETA at x 105–111).
@Suite struct BatchRowTests {
    private static let theme = Theme.defaultDark

    /// Results not fetched yet: nothing is known about the files.
    private static let unknown = BatchFacts(configurationType: "parse_v2", configurationID: "cfg-PARSE_AGENTIC")

    private static func render(_ jobs: [TrackedJob], glyphs: Glyphs = .unicode) -> Buffer {
        Fixtures.render(Fixtures.state(width: 120, height: 12, glyphs: glyphs, snapshot: Fixtures.snapshot(jobs)))
    }

    @Test func throttledRowShowsItsSymbolAndWordInTheThrottledStyle() {
        let buffer = Fixtures.render(Fixtures.state())
        #expect(buffer.lines[5].hasPrefix(" bjb-thr-0003 classify ⧗ throttled  "))
        for x in 23..<34 {
            #expect(buffer[x, 5].style == Self.theme.statusThrottled, "x \(x)")
        }
        #expect(Self.theme.statusThrottled != Self.theme.statusPending)
        #expect(StatusBadge.style(.throttled, theme: Self.theme) == Self.theme.statusThrottled)
    }

    @Test func throttledGlyphsAreSingleWidthInBothSets() {
        #expect(StatusBadge.symbol(.throttled, glyphs: .ascii) == "=")
        #expect(StatusBadge.label(.throttled, glyphs: .ascii) == "= throttled")
        #expect(StatusBadge.symbol(.throttled, glyphs: .unicode) == "⧗")
        for glyphs in [Glyphs.ascii, .unicode] {
            #expect(CharacterWidth.of(StatusBadge.symbol(.throttled, glyphs: glyphs)) == 1)
        }
        // Not the ASCII ellipsis, which marks cut-off text.
        #expect(StatusBadge.symbol(.throttled, glyphs: .ascii) != Glyphs.ascii.ellipsis)
        let buffer = Fixtures.render(Fixtures.state(glyphs: .ascii))
        #expect(buffer.lines[1].hasPrefix(" > 1 running  = 1 throttled  . 1 pending  "))
        #expect(buffer.lines[5].hasPrefix(" bjb-thr-0003 classify = throttled  ########....."))
    }

    /// The poller may call a throttled job stalled (no progress for a while); the table does not say so, since the
    /// service holds it back on purpose. A running job with the same metrics still says `stalled`.
    @Test func aThrottledJobIsNeverShownStalled() throws {
        let stalled = JobMetrics(isStalled: true)
        let throttled = Fixtures.batch(id: "bat-throttled1", status: .throttled, facts: Self.unknown, metrics: stalled)
        let running = Fixtures.batch(id: "bat-running01", status: .running, facts: Self.unknown, metrics: stalled)
        let buffer = Self.render([throttled, running])
        let throttledRow = try #require(buffer.lines.first { $0.contains("bat-throttle") })
        let runningRow = try #require(buffer.lines.first { $0.contains("bat-running0") })
        #expect(!throttledRow.contains("stalled"), "\(throttledRow)")
        #expect(runningRow.contains("stalled"), "\(runningRow)")
    }

    /// Results unknown: no 0 % gauge and no `0%`, but a dim `· unknown ·` centred on the gauge and `?` for the
    /// percentage; the directory is not counted, so the total is `?` too; SKIPPED stays empty for a batch.
    @Test func unknownProgressShowsNoZeroGauge() {
        let buffer = Self.render([Fixtures.batch(facts: Self.unknown)])
        #expect(buffer.lines[3] == " bat-4k2m9x7q parse    ▶ running             · unknown ·             ?         0/?      0")
        #expect(!buffer.lines[3].contains("0%"))
        #expect(buffer[45, 3].text == "·" && buffer[47, 3].text == "u")
        #expect(buffer[47, 3].style.attributes.contains(.dim))
        #expect(buffer[69, 3].style.attributes.contains(.dim))
        let ascii = Self.render([Fixtures.batch(facts: Self.unknown)], glyphs: .ascii)
        #expect(ascii.lines[3] == " bat-4k2m9x7q parse    > running             - unknown -             ?         0/?      0")
    }

    /// At 40 columns the 7-wide gauge keeps the word without its dots.
    @Test func unknownProgressOnANarrowGauge() {
        let buffer = Fixtures.render(
            Fixtures.state(width: 40, height: 10, snapshot: Fixtures.snapshot([Fixtures.batch(facts: Self.unknown)])))
        #expect(buffer.lines[3] == " bat-4k2m9x7q ▶ running    unknown    ?")
    }

    /// Once results and files are known, a batch has an ordinary gauge and finished/total.
    @Test func knownProgressShowsTheGaugeAndFinishedOfTotal() {
        let facts = BatchFacts(
            configurationType: "parse_v2", configurationID: "cfg-1", resultsKnown: true, filesTotal: 10, done: 5,
            failedJobs: 1, mappingErrors: 1, active: 2, waiting: 1)
        let buffer = Self.render([Fixtures.batch(facts: facts)])
        let row = buffer.lines[3]
        #expect(row.contains("70%"), "\(row)")
        #expect(row.contains("   7/10      2"), "\(row)")
        #expect(!row.contains("unknown"))
        #expect(buffer[36, 3].text == "█")
    }

    /// A cancel was accepted and the batch still runs: `⊘ cancelling` in the cancelled style; once it is
    /// cancelled, the ordinary label again.
    @Test func cancellingLabelWhileACancelIsUnderWay() {
        var facts = Self.unknown
        facts.cancelRequested = true
        let buffer = Self.render([Fixtures.batch(facts: facts)])
        #expect(buffer.lines[3].hasPrefix(" bat-4k2m9x7q parse    ⊘ cancelling "))
        for x in 23..<35 {
            #expect(buffer[x, 3].style.adding(.reverse) == Self.theme.statusCancelled.adding(.reverse), "x \(x)")
        }
        let ascii = Self.render([Fixtures.batch(facts: facts)], glyphs: .ascii)
        #expect(ascii.lines[3].hasPrefix(" bat-4k2m9x7q parse    - cancelling "))

        let ended = Self.render([Fixtures.batch(status: .cancelled, facts: facts)])
        #expect(ended.lines[3].hasPrefix(" bat-4k2m9x7q parse    ⊘ cancelled  "))
        #expect(StatusBadge.cancellingWord(glyphs: .unicode) == "cancelling…")
        #expect(StatusBadge.cancellingWord(glyphs: .ascii) == "cancelling...")
    }

    /// The help overlay explains the throttled symbol, the cancelling label and the unknown gauge.
    @Test func helpOverlayHasTheLegend() {
        var state = Fixtures.state(width: 80, height: 24)
        Fixtures.press(.character("?"), on: &state)
        let text = Fixtures.text(Fixtures.render(state))
        #expect(text.contains("⧗ throttled  held back, not stuck"))
        #expect(text.contains("⊘ cancelling cancel sent, not done"))
        #expect(text.contains("· unknown ·  progress not known yet"))
    }
}
