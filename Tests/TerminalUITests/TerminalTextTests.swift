import Testing
import TerminalUI

@Suite struct TerminalTextTests {
    @Test func removesCSIColourSequences() {
        #expect(TerminalText.sanitize("\u{1B}[31mred\u{1B}[0m") == "red")
        #expect(TerminalText.sanitize("a\u{1B}[1;38;5;196mb") == "ab")
    }

    @Test func removesOSCTitleSequences() {
        #expect(TerminalText.sanitize("\u{1B}]0;pwned\u{07}x") == "x")
        #expect(TerminalText.sanitize("\u{1B}]2;pwned\u{1B}\\x") == "x")
        #expect(TerminalText.sanitize("\u{9D}0;pwned\u{9C}x") == "x")
    }

    @Test func removesC1ControlSequenceIntroducer() {
        #expect(TerminalText.sanitize("\u{9B}2J") == "")
        #expect(TerminalText.sanitize("a\u{9B}2Jb") == "ab")
    }

    @Test func removesDeviceControlStrings() {
        #expect(TerminalText.sanitize("a\u{1B}Pq#0;2;0;0;0\u{1B}\\b") == "ab")
    }

    @Test func removesTwoByteEscapes() {
        #expect(TerminalText.sanitize("\u{1B}7ok\u{1B}8") == "ok")
        #expect(TerminalText.sanitize("\u{1B}(Bok") == "ok")
        #expect(TerminalText.sanitize("ok\u{1B}") == "ok")
    }

    @Test func unterminatedSequencesAreDroppedToTheEnd() {
        #expect(TerminalText.sanitize("abc\u{1B}[31") == "abc")
        #expect(TerminalText.sanitize("abc\u{1B}]0;title") == "abc")
    }

    @Test func removesBidiOverrides() {
        #expect(TerminalText.sanitize("abc\u{202E}fed") == "abcfed")
        #expect(TerminalText.sanitize("\u{2066}x\u{2069}\u{200F}") == "x")
    }

    @Test func removesOtherControlCharacters() {
        #expect(TerminalText.sanitize("a\u{00}b\u{07}c\u{08}d\u{7F}e\u{85}f") == "abcdef")
    }

    @Test func lineBreaksAndTabsBecomeOneSpace() {
        #expect(TerminalText.sanitize("a\nb") == "a b")
        #expect(TerminalText.sanitize("a\tb") == "a b")
        #expect(TerminalText.sanitize("a\r\n\tb") == "a b")
        #expect(TerminalText.sanitize("line one\nline two") == "line one line two")
    }

    @Test func printableTextIsUnchanged() {
        let ascii = "Hello, world! 0123 ~[]{}()<>|\\/\"'`"
        #expect(TerminalText.sanitize(ascii) == ascii)
        #expect(TerminalText.sanitize("café 報告書 ✔ 😀") == "café 報告書 ✔ 😀")
        #expect(TerminalText.sanitize("") == "")
    }
}
