import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// The right end of the counts row (row 1): the active sort, the filter and how many jobs it hides; otherwise the
/// active items. At 120 columns the counts end at x 81.
@Suite struct HeaderIndicatorTests {
    private static let counts = " ▶ 1 running  ⧗ 1 throttled  ◌ 1 pending  ✔ 1 completed  ✘ 1 failed  ⊘ 1 cancelled"

    private static func header(_ keys: [Key], glyphs: Glyphs = .unicode) -> String {
        var state = Fixtures.state(glyphs: glyphs)
        for key in keys { Fixtures.press(key, on: &state) }
        return Fixtures.render(state).lines[1]
    }

    @Test func theDefaultOrderShowsTheActiveItems() {
        #expect(Self.header([]) == Self.counts + String(repeating: " ", count: 17) + "active items 107/260")
    }

    @Test func theSortColumnAndItsDirection() {
        let keys: [Key] = [.character("s"), .character("s")]
        #expect(Self.header(keys) == Self.counts + String(repeating: " ", count: 23) + "sort progress↓")
        #expect(Self.header(keys + [.character("S")]) == Self.counts + String(repeating: " ", count: 23) + "sort progress↑")
    }

    @Test func aReversedDefaultOrderIsShownToo() {
        #expect(Self.header([.character("S")]) == Self.counts + String(repeating: " ", count: 24) + "sort default↑")
    }

    @Test func asciiArrows() {
        let keys: [Key] = [.character("s"), .character("S")]
        let ascii = Self.header(keys, glyphs: .ascii)
        #expect(ascii.hasSuffix("  sort status^"))
        #expect(Self.header([.character("s")], glyphs: .ascii).hasSuffix("  sort statusv"))
    }

    /// "pa" keeps 2 of 6 jobs.
    @Test func theFilterAndHowManyItHides() {
        let keys: [Key] = [.character("/"), .character("p"), .character("a")]
        #expect(Self.header(keys) == Self.counts + String(repeating: " ", count: 25) + "/pa 4 hidden")
        #expect(Self.header(keys + [.enter]) == Self.counts + String(repeating: " ", count: 25) + "/pa 4 hidden")
        #expect(Self.header(keys + [.escape]).hasSuffix("active items 107/260"))
    }

    /// Sort at x 89…102, filter at x 105…118.
    @Test func sortAndFilterTogether() {
        let keys: [Key] = [.character("s"), .character("s"), .character("S"), .character("/")] + "fail".map { Key.character($0) }
        #expect(Self.header(keys) == Self.counts + String(repeating: " ", count: 7) + "sort progress↑  /fail 5 hidden")
    }

    @Test func theFilterIsDrawnAsAnAlert() {
        var state = Fixtures.state()
        Fixtures.press(.character("/"), .character("z"), on: &state)
        let buffer = Fixtures.render(state)
        #expect(buffer[108, 1] == Cell("/", style: Theme.defaultDark.alert))
        #expect(buffer.lines[1].hasSuffix("  /z 6 hidden"))
    }
}
