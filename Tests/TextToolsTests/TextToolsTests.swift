import Foundation
import Testing
import TextTools

@Suite("Text without Foundation")
struct TextToolsTests {
    @Test("trimming matches Foundation's whitespace sets", arguments: [
        "", " ", "\t a b \t", "\n x \n", " \u{00A0}key\u{2003} ", "\r\n", "plain", "  é  ", "\u{3000}全角\u{3000}",
    ])
    func trimmingMatchesFoundation(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("a substring trims like its string")
    func substringTrims() {
        let text = "[  inner  ]"
        #expect(text.dropFirst().dropLast().trimmingWhitespace() == "inner")
    }

    @Test("C formats match Foundation's String(format:)")
    func cFormatMatchesFoundation() {
        let values: [Double] = [0, 0.05, 0.15, 1.25, 2.35, -0.04, 1e6, 123_456.789, .infinity, -.infinity, .nan]
        for value in values {
            #expect(String(cFormat: "%.1f", value) == String(format: "%.1f", value))
            #expect(String(cFormat: "retry after %.0f s", value) == String(format: "retry after %.0f s", value))
            #expect(String(cFormat: "%.2f ms", value) == String(format: "%.2f ms", value))
        }
        #expect(String(cFormat: "bjb-%08x-bench", 48_879) == "bjb-0000beef-bench")
        #expect(String(cFormat: "no arguments") == "no arguments")
        #expect(String(cFormat: "") == "")
    }

    @Test("a long result is not cut")
    func longResult() {
        let value = 1e300
        #expect(String(cFormat: "%.3f", value) == String(format: "%.3f", value))
        #expect(String(cFormat: "%.3f", value).count > 300)
    }
}
