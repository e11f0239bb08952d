import Testing
import ThemeLoader

/// Finding a key's line by scanning the text, since TOMLKit gives positions only for syntax errors.
@Suite("Key line index")
struct KeyLineIndexTests {
    @Test("tables, quoted and dotted keys, and multi-line values")
    func lines() {
        let index = KeyLineIndex(text: """
            top = 1
            # "commented" = 2
            list = [
              "a = 1",
              "b",
            ]
            text = \"\"\"
            fake = 3
            \"\"\"
            [palette]
              accent = "#000000" # trailing = comment
            'literal.key' = 1
            [styles]
            "status.running" = { fg = "red" }
            status . failed = { fg = "red" }
            \r
            after = 1\r
            """)
        #expect(index.line(of: ["top"]) == 1)
        #expect(index.line(of: ["commented"]) == nil)
        #expect(index.line(of: ["list"]) == 3)
        #expect(index.line(of: ["a"]) == nil)
        #expect(index.line(of: ["text"]) == 7)
        #expect(index.line(of: ["fake"]) == nil)
        #expect(index.line(of: ["palette"]) == 10)
        #expect(index.line(of: ["palette", "accent"]) == 11)
        #expect(index.line(of: ["palette", "literal.key"]) == 12)
        #expect(index.line(of: ["palette", "missing"]) == 10)
        #expect(index.line(of: ["styles", "status.running"]) == 14)
        #expect(index.line(of: ["styles", "status", "failed"]) == 15)
        #expect(index.line(of: ["styles", "after"]) == 17)
    }
}
