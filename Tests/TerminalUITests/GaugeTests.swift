import Testing
import TerminalUI

@Suite struct GaugeTests {
    private func width(_ segments: (filled: String, empty: String)) -> Int {
        CharacterWidth.of(segments.filled) + CharacterWidth.of(segments.empty)
    }

    @Test func emptyAtZeroPercent() {
        let bar = Gauge.segments(fraction: 0, width: 20, glyphs: .unicode)
        #expect(bar.filled == "")
        #expect(bar.empty == String(repeating: " ", count: 20))
        #expect(width(bar) == 20)
    }

    @Test func sevenPercentIsOneCellAndThreeEighths() {
        // 0.07 × 20 cells × 8 steps = 11.2 eighths → one full cell plus 3/8.
        let bar = Gauge.segments(fraction: 0.07, width: 20, glyphs: .unicode)
        #expect(bar.filled == "█▍")
        #expect(bar.empty == String(repeating: " ", count: 18))
        #expect(width(bar) == 20)
    }

    @Test func halfIsTenFullCells() {
        let bar = Gauge.segments(fraction: 0.5, width: 20, glyphs: .unicode)
        #expect(bar.filled == String(repeating: "█", count: 10))
        #expect(bar.empty == String(repeating: " ", count: 10))
        #expect(width(bar) == 20)
    }

    @Test func fullAtHundredPercent() {
        let bar = Gauge.segments(fraction: 1, width: 20, glyphs: .unicode)
        #expect(bar.filled == String(repeating: "█", count: 20))
        #expect(bar.empty == "")
        #expect(width(bar) == 20)
    }

    @Test(arguments: [0.0, 0.0001, 0.01, 0.07, 0.123, 0.5, 0.51, 0.875, 0.9999, 1.0, -3.0, 7.0, .nan, .infinity])
    func widthsAlwaysAddUpToTheBarWidth(fraction: Double) {
        #expect(width(Gauge.segments(fraction: fraction, width: 20, glyphs: .unicode)) == 20)
        #expect(width(Gauge.segments(fraction: fraction, width: 20, glyphs: .ascii)) == 20)
    }

    @Test func tinyFractionShowsASliver() {
        let bar = Gauge.segments(fraction: 0.0001, width: 20, glyphs: .unicode)
        #expect(bar.filled == "▏")
        #expect(bar.empty == String(repeating: " ", count: 19))
    }

    @Test func almostDoneIsNotShownFull() {
        let bar = Gauge.segments(fraction: 0.9999, width: 20, glyphs: .unicode)
        #expect(bar.filled == String(repeating: "█", count: 19) + "▉")
        #expect(bar.empty == "")
        let ascii = Gauge.segments(fraction: 0.9999, width: 20, glyphs: .ascii)
        #expect(ascii.filled == String(repeating: "#", count: 19))
        #expect(ascii.empty == ".")
    }

    @Test func outOfRangeFractionsAreClamped() {
        #expect(Gauge.segments(fraction: -0.5, width: 4, glyphs: .unicode) == ("", "    "))
        #expect(Gauge.segments(fraction: 2, width: 4, glyphs: .unicode) == ("████", ""))
        #expect(Gauge.segments(fraction: .nan, width: 4, glyphs: .unicode) == ("", "    "))
        #expect(Gauge.segments(fraction: 0.5, width: 0, glyphs: .unicode) == ("", ""))
    }

    @Test func asciiUsesHashesAndDotsOnly() {
        #expect(Gauge.segments(fraction: 0, width: 20, glyphs: .ascii) == ("", String(repeating: ".", count: 20)))
        #expect(Gauge.segments(fraction: 0.0001, width: 20, glyphs: .ascii) == ("#", String(repeating: ".", count: 19)))
        #expect(Gauge.segments(fraction: 0.07, width: 20, glyphs: .ascii) == ("#", String(repeating: ".", count: 19)))
        #expect(Gauge.segments(fraction: 0.5, width: 20, glyphs: .ascii) == (String(repeating: "#", count: 10), String(repeating: ".", count: 10)))
        #expect(Gauge.segments(fraction: 1, width: 20, glyphs: .ascii) == (String(repeating: "#", count: 20), ""))
        for fraction in stride(from: 0.0, through: 1.0, by: 0.01) {
            let bar = Gauge.segments(fraction: fraction, width: 20, glyphs: .ascii)
            #expect((bar.filled + bar.empty).allSatisfy { $0 == "#" || $0 == "." })
        }
    }

    @Test func drawPutsFilledAndEmptyStylesIntoTheBuffer() {
        var buffer = Buffer(width: 12, height: 1)
        let fill = Style(foreground: .green)
        let empty = Style(foreground: .brightBlack)
        Gauge.draw(fraction: 0.25, in: Rect(x: 1, y: 0, width: 10, height: 1), fill: fill, empty: empty, glyphs: .unicode, into: &buffer)
        // 0.25 × 80 = 20 eighths: two full cells and a half cell.
        #expect(buffer.line(0) == " ██▌        ")
        #expect(buffer[1, 0].style == fill)
        #expect(buffer[3, 0].style == fill)
        #expect(buffer[4, 0].style == empty)
        #expect(buffer[10, 0].style == empty)
        #expect(buffer[11, 0] == .blank)
        #expect(buffer[0, 0] == .blank)
    }
}
