import Testing
import TerminalUI

@Suite struct BufferWriteTests {
    @Test func plainTextIsWrittenCellByCell() {
        var buffer = Buffer(width: 10, height: 2)
        let used = buffer.write("abc", x: 2, y: 1)
        #expect(used == 3)
        #expect(buffer.lines == ["", "  abc"])
        #expect(buffer[2, 1] == Cell("a"))
        #expect(buffer[4, 1] == Cell("c"))
    }

    @Test func clipsAtTheRightEdgeAndReturnsColumnsUsed() {
        var buffer = Buffer(width: 10, height: 1)
        let used = buffer.write("hello world", x: 5, y: 0)
        #expect(used == 5)
        #expect(buffer.line(0) == "     hello")
    }

    @Test func clipsAtMaxWidth() {
        var buffer = Buffer(width: 10, height: 1)
        let used = buffer.write("abcdef", x: 1, y: 0, maxWidth: 3)
        #expect(used == 3)
        #expect(buffer.line(0) == " abc      ")
    }

    @Test func writesOutsideTheBufferUseNoColumns() {
        var buffer = Buffer(width: 4, height: 2)
        #expect(buffer.write("abc", x: 0, y: 2) == 0)
        #expect(buffer.write("abc", x: 0, y: -1) == 0)
        #expect(buffer.write("abc", x: 4, y: 0) == 0)
        #expect(buffer.write("abc", x: 0, y: 0, maxWidth: 0) == 0)
        #expect(buffer == Buffer(width: 4, height: 2))
    }

    @Test func wideCharactersTakeTwoColumnsWithContinuationCells() {
        var buffer = Buffer(width: 8, height: 1)
        let style = Style(foreground: .red)
        let used = buffer.write("報告書", x: 1, y: 0, style: style)
        #expect(used == 6)
        #expect(buffer.cells.map(\.text) == [" ", "報", "", "告", "", "書", "", " "])
        #expect(buffer[2, 0].isContinuation)
        #expect(buffer[2, 0].style == style)
        #expect(!buffer[1, 0].isContinuation)
        #expect(buffer.lines == [" 報告書"])
    }

    @Test func wideCharacterThatDoesNotFitBecomesASpace() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.fill(buffer.area, with: "x")
        let used = buffer.write("報告書", x: 1, y: 0)
        #expect(used == 5)
        #expect(buffer.cells.map(\.text) == ["x", "報", "", "告", "", " "])
    }

    @Test func wideCharacterCutByMaxWidthBecomesASpace() {
        var buffer = Buffer(width: 10, height: 1)
        buffer.fill(buffer.area, with: "x")
        let used = buffer.write("a報", x: 0, y: 0, maxWidth: 2)
        #expect(used == 2)
        #expect(buffer.line(0) == "a xxxxxxxx")
    }

    @Test func textIsSanitisedBeforeWriting() {
        var buffer = Buffer(width: 10, height: 1)
        let used = buffer.write("a\u{1B}[2Jb\nc", x: 0, y: 0)
        #expect(used == 8)
        #expect(buffer.lines == ["a␛[2Jb c"])
    }

    @Test func writeInRectTruncatesWithAnEllipsis() {
        var buffer = Buffer(width: 10, height: 1)
        let used = buffer.write("abcdefghij", in: Rect(x: 1, y: 0, width: 6, height: 1))
        #expect(used == 6)
        #expect(buffer.line(0) == " abcde…   ")
    }

    @Test func writeInRectUsesTheGivenEllipsis() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("abcdefgh", in: Rect(x: 0, y: 0, width: 4, height: 1), ellipsis: "~")
        #expect(buffer.line(0) == "abc~  ")
    }

    @Test func writeInRectPadsToTheFullWidth() {
        var buffer = Buffer(width: 8, height: 1)
        buffer.fill(buffer.area, with: "x")
        let used = buffer.write("ab", in: Rect(x: 1, y: 0, width: 5, height: 1))
        #expect(used == 5)
        #expect(buffer.line(0) == "xab   xx")
    }

    @Test func writeInRectAlignsRight() {
        var buffer = Buffer(width: 8, height: 1)
        buffer.fill(buffer.area, with: "x")
        let used = buffer.write("42", in: Rect(x: 1, y: 0, width: 5, height: 1), alignment: .right)
        #expect(used == 5)
        #expect(buffer.line(0) == "x   42xx")
    }

    @Test func writeInRectTruncatesRightAlignedTextToo() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.write("123456", in: Rect(x: 0, y: 0, width: 5, height: 1), alignment: .right)
        #expect(buffer.line(0) == "1234…")
    }

    @Test func writeInRectTruncatesWideTextOnACharacterBoundary() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.fill(buffer.area, with: "x")
        buffer.write("報告書", in: Rect(x: 0, y: 0, width: 4, height: 1))
        #expect(buffer.cells.map(\.text) == ["報", "", "…", " ", "x", "x"])
    }

    @Test func writeInEmptyRectDoesNothing() {
        var buffer = Buffer(width: 4, height: 1)
        #expect(buffer.write("abc", in: Rect(x: 0, y: 0, width: 0, height: 1)) == 0)
        #expect(buffer.write("abc", in: Rect(x: 0, y: 0, width: 3, height: 0)) == 0)
        #expect(buffer == Buffer(width: 4, height: 1))
    }

    @Test("overwriting either half of a wide character blanks the other half")
    func wideCharactersAreNeverHalved() {
        var right = Buffer(width: 6, height: 1)
        right.write("界界", x: 0, y: 0)
        right.write("│", x: 1, y: 0)
        #expect(right.line(0) == " │界  ")
        var left = Buffer(width: 6, height: 1)
        left.write("界", x: 2, y: 0)
        left.write("y", x: 2, y: 0)
        #expect(left.line(0) == "  y   ")
        var filled = Buffer(width: 6, height: 1)
        filled.write("界界", x: 0, y: 0)
        filled.fill(Rect(x: 3, y: 0, width: 3, height: 1), with: ".")
        #expect(filled.line(0) == "界 ...")
        #expect(filled[1, 0].text.isEmpty, "the wide character left of the fill keeps its continuation")
    }
}

/// The printable-ASCII shortcut of `Buffer.write` against the general path: a trailing zero-width space (no cell,
/// no column) sends the same text through the general path, which must leave exactly the same buffer.
@Suite struct BufferWriteASCIIShortcutTests {
    @Test func theShortcutLeavesTheSameBufferAsTheGeneralPath() {
        let printable = (0x20..<0x7F).map { Character(UnicodeScalar(UInt8($0))) }
        // Every length 0…16, start −4…13 and limit (none, 0…14): 4,896 cases, every printable byte among the texts.
        for length in 0...16 {
            let text = String((0..<length).map { printable[($0 * 7 + length * 13) % printable.count] })
            for x in -4...13 {
                for maxWidth in [nil] + (0...14).map(Optional.some) {
                    // A row that already holds wide characters, so the shortcut also has to blank halves it cuts.
                    var start = Buffer(width: 12, height: 2)
                    start.write("報告書 ab 表", x: (x + length) % 6 - 2, y: 1)
                    let style = Style(foreground: .red)
                    var shortcut = start
                    var general = start
                    let usedShortcut = shortcut.write(text, x: x, y: 1, style: style, maxWidth: maxWidth)
                    let usedGeneral = general.write(text + "\u{200B}", x: x, y: 1, style: style, maxWidth: maxWidth)
                    let context = "\(text.debugDescription) at x \(x), max \(String(describing: maxWidth))"
                    #expect(usedShortcut == usedGeneral, "\(context)")
                    #expect(shortcut.line(1) == general.line(1), "\(context)")
                    #expect(shortcut == general, "\(context)")
                    if shortcut != general || usedShortcut != usedGeneral { return }
                }
            }
        }
    }

    @Test func widthOfPrintableASCIIIsItsByteCountAndOtherTextIsMeasuredPerCharacter() {
        #expect(CharacterWidth.of("job-0042 ~|") == 11)
        #expect(CharacterWidth.of("") == 0)
        #expect(CharacterWidth.of("ab報") == 4)
        #expect(CharacterWidth.of("a\u{301}") == 1)
        #expect(TerminalText.isPrintableASCII("ok ~") && !TerminalText.isPrintableASCII("tab\there") && !TerminalText.isPrintableASCII("é"))
    }
}
