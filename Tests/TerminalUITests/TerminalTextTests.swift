import Testing
import TerminalUI

/// Each class of control text has one exact, visible stand-in; nothing a terminal would interpret survives.
@Suite struct TerminalTextTests {
    @Test func csiSequencesShowWithAVisibleEscape() {
        #expect(TerminalText.sanitize("\u{1B}[31mred\u{1B}[0m") == "␛[31mred␛[0m")
        #expect(TerminalText.sanitize("bad\u{1B}[5mname.docx") == "bad␛[5mname.docx")
        #expect(TerminalText.sanitize("a\u{1B}[1;38;5;196mb") == "a␛[1;38;5;196mb")
    }

    @Test func oscTitleSequencesShowTheirTerminators() {
        #expect(TerminalText.sanitize("\u{1B}]0;pwned\u{07}x") == "␛]0;pwned␇x")
        #expect(TerminalText.sanitize("\u{1B}]2;pwned\u{1B}\\x") == "␛]2;pwned␛\\x")
        #expect(TerminalText.sanitize("\u{1B}]52;c;cGF5bG9hZA==\u{07}") == "␛]52;c;cGF5bG9hZA==␇")
    }

    @Test func c1ControlsShowAsTheirSevenBitForm() {
        #expect(TerminalText.sanitize("\u{9B}2J") == "␛[2J")
        #expect(TerminalText.sanitize("a\u{9B}2Jb") == "a␛[2Jb")
        #expect(TerminalText.sanitize("\u{9D}0;pwned\u{9C}x") == "␛]0;pwned␛\\x")
        #expect(TerminalText.sanitize("\u{90}q\u{9C}") == "␛Pq␛\\")
        #expect(TerminalText.sanitize("a\u{85}b") == "a␛Eb")
    }

    @Test func deviceControlStringsShow() {
        #expect(TerminalText.sanitize("a\u{1B}Pq#0;2;0;0;0\u{1B}\\b") == "a␛Pq#0;2;0;0;0␛\\b")
    }

    @Test func twoByteAndUnterminatedEscapesShow() {
        #expect(TerminalText.sanitize("\u{1B}7ok\u{1B}8") == "␛7ok␛8")
        #expect(TerminalText.sanitize("\u{1B}(Bok") == "␛(Bok")
        #expect(TerminalText.sanitize("ok\u{1B}") == "ok␛")
        #expect(TerminalText.sanitize("abc\u{1B}[31") == "abc␛[31")
        #expect(TerminalText.sanitize("abc\u{1B}]0;title") == "abc␛]0;title")
    }

    @Test func bidiControlsShowByName() {
        #expect(TerminalText.sanitize("abc\u{202E}fed") == "abc⟦RLO⟧fed")
        #expect(TerminalText.sanitize("\u{2066}x\u{2069}\u{200F}") == "⟦LRI⟧x⟦PDI⟧⟦RLM⟧")
        #expect(TerminalText.sanitize("\u{202A}\u{202B}\u{202C}\u{202D}\u{2067}\u{2068}\u{200E}\u{061C}")
            == "⟦LRE⟧⟦RLE⟧⟦PDF⟧⟦LRO⟧⟦RLI⟧⟦FSI⟧⟦LRM⟧⟦ALM⟧")
    }

    @Test func otherC0ControlsAndDeleteShowAsControlPictures() {
        #expect(TerminalText.sanitize("a\u{00}b\u{07}c\u{08}d\u{7F}e") == "a␀b␇c␈d␡e")
        #expect(TerminalText.sanitize("\u{01}\u{1F}\u{1A}") == "␁␟␚")
    }

    @Test func lineBreaksAndTabsBecomeOneSpace() {
        #expect(TerminalText.sanitize("a\nb") == "a b")
        #expect(TerminalText.sanitize("a\tb") == "a b")
        #expect(TerminalText.sanitize("a\r\n\tb") == "a b")
        #expect(TerminalText.sanitize("a\u{2028}b\u{2029}c") == "a b c")
        #expect(TerminalText.sanitize("line one\nline two") == "line one line two")
    }

    @Test func printableTextIsUnchanged() {
        let ascii = "Hello, world! 0123 ~[]{}()<>|\\/\"'`"
        #expect(TerminalText.sanitize(ascii) == ascii)
        #expect(TerminalText.sanitize("café 報告書 ✔ 😀 👩‍👩‍👧") == "café 報告書 ✔ 😀 👩‍👩‍👧")
        #expect(TerminalText.sanitize("") == "")
    }

    @Test("every scalar below U+00A0 and every bidi control comes out as printable, one-column text, idempotently")
    func nothingInterpretableSurvives() {
        var all = String.UnicodeScalarView()
        for value in UInt32(0)..<0xA0 { all.append(Unicode.Scalar(UInt8(value))) }
        for value: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C] {
            if let scalar = Unicode.Scalar(value) { all.append(scalar) }
        }
        let clean = TerminalText.sanitize(String(all))
        let interpretable = clean.unicodeScalars.filter { scalar in
            scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
                || [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C]
                    .contains(scalar.value)
        }
        #expect(interpretable.isEmpty)
        #expect(TerminalText.sanitize(clean) == clean)
        #expect(clean.allSatisfy { CharacterWidth.of($0) == 1 })
    }

    @Test("stand-ins are drawn in the buffer's mark style, the surrounding text in its own")
    func marksAreStyled() {
        var buffer = Buffer(width: 20, height: 1)
        let alert = Style(foreground: .red, attributes: .bold)
        buffer.markStyle = alert
        buffer.write("a\u{1B}[5mb\u{202E}c", x: 0, y: 0, style: .plain)
        #expect(buffer.line(0).hasPrefix("a␛[5mb⟦RLO⟧c"))
        let styles = (0..<12).map { buffer[$0, 0].style == alert }
        // a ␛ [ 5 m b ⟦ R L O ⟧ c: the ESC picture and the whole named stand-in are marked, text is not.
        #expect(styles == [false, true, false, false, false, false, true, true, true, true, true, false])
    }
}
