import Testing
import TerminalUI

@Suite struct TextLayoutTests {
    @Test func padsShortTextOnTheChosenSide() {
        #expect(TextLayout.fit("ab", width: 5) == "ab   ")
        #expect(TextLayout.fit("ab", width: 5, alignment: .right) == "   ab")
        #expect(TextLayout.fit("abcde", width: 5) == "abcde")
    }

    @Test func cutsLongTextWithTheEllipsis() {
        #expect(TextLayout.fit("abcdefgh", width: 5) == "abcd…")
        #expect(TextLayout.fit("abcdefgh", width: 5, ellipsis: "~") == "abcd~")
        #expect(TextLayout.fit("abcdefgh", width: 1) == "…")
        #expect(TextLayout.fit("abcdefgh", width: 0) == "")
    }

    @Test func resultIsAlwaysExactlyTheWidth() {
        for width in 1...8 {
            for text in ["", "a", "報告書", "a報b告c", "abcdefghijkl"] {
                #expect(CharacterWidth.of(TextLayout.fit(text, width: width)) == width, "\(text) @ \(width)")
                #expect(CharacterWidth.of(TextLayout.fit(text, width: width, alignment: .right)) == width)
            }
        }
    }

    @Test func neverSplitsAWideCharacter() {
        #expect(TextLayout.fit("報告書", width: 4) == "報… ")
        #expect(TextLayout.fit("報告書", width: 5) == "報告…")
    }
}
