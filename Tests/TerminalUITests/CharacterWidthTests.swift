import Testing
import TerminalUI

@Suite struct CharacterWidthTests {
    @Test func asciiIsOneColumn() {
        #expect(CharacterWidth.of(Character("a")) == 1)
        #expect(CharacterWidth.of(Character("~")) == 1)
        #expect(CharacterWidth.of("hello") == 5)
    }

    @Test func cjkIsTwoColumns() {
        #expect(CharacterWidth.of(Character("報")) == 2)
        #expect(CharacterWidth.of(Character("한")) == 2)
        #expect(CharacterWidth.of(Character("Ａ")) == 2)
        #expect(CharacterWidth.of("報告書") == 6)
    }

    @Test func combiningMarksAreZeroColumns() {
        #expect(CharacterWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(CharacterWidth.of(Character("\u{0301}")) == 0)
        #expect(CharacterWidth.of(Character("\u{200B}")) == 0)
        // A base letter with a combining accent is one grapheme, one column.
        #expect(CharacterWidth.of(Character("e\u{0301}")) == 1)
        #expect(CharacterWidth.of("cafe\u{0301}") == 4)
    }

    @Test func emojiIsTwoColumns() {
        #expect(CharacterWidth.of(Character("😀")) == 2)
        #expect(CharacterWidth.of(Character("🚀")) == 2)
        // Text-default heart made emoji by the presentation selector.
        #expect(CharacterWidth.of(Character("\u{2764}\u{FE0F}")) == 2)
        #expect(CharacterWidth.of(Character("\u{2764}")) == 1)
    }

    @Test func drawingGlyphsAreOneColumn() {
        for glyph in ["█", "▏", "▉", "─", "│", "…", "·", "⚠", "✔", "✘", "▶", "◌", "⊘", "⇢"] {
            #expect(CharacterWidth.of(glyph) == 1, "\(glyph)")
        }
    }

    @Test func mixedString() {
        #expect(CharacterWidth.of("a報😀") == 5)
        #expect(CharacterWidth.of("") == 0)
    }
}
