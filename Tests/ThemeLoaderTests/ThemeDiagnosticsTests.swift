import Foundation
import TerminalUI
import Testing
import ThemeLoader

/// Broken theme files: every problem is reported as `file:line: message`, and the rest of the theme still loads.
@Suite("Theme diagnostics")
struct ThemeDiagnosticsTests {
    static let broken = """
        # a user theme with mistakes
        [palette]
        accent = "#5fafff"
        oops = "#12345"

        [styles]
        "title" = { fg = "accent", attrs = ["bold"] }
        "status.runing" = { fg = "cyan" }
        "status.failed" = { fg = "blu" }
        "status.completed" = { fg = "green", attrs = ["blink"] }
        "gauge.fill" = { fg = 300 }
        "border" = { fgg = "red" }
        "alert" = { fg = "oops" }
        "footer.key" = "accent"
        """

    static func load(_ text: String, file: String = "light.toml") -> ThemeLoadResult {
        ThemeParser.parse(text, name: "light", fileName: file)
    }

    @Test("each mistake is reported with the file and the line of its key, in line order")
    func fileLineDiagnostics() {
        let result = Self.load(Self.broken)
        let lines = result.diagnostics.map(\.description)
        #expect(lines == [
            "light.toml:4: bad colour '#12345' for palette entry 'oops' (a hex colour is \"#rrggbb\", six hex digits)",
            "light.toml:8: unknown key 'status.runing' (did you mean 'status.running'?)",
            "light.toml:9: bad colour 'blu' for 'status.failed' fg (did you mean 'blue'?)",
            "light.toml:10: bad attr 'blink' for 'status.completed' (use bold, dim, reverse, underline)",
            "light.toml:11: bad colour 300 for 'gauge.fill' fg (an index is 0-255)",
            "light.toml:12: unknown key 'fgg' in 'border' (did you mean 'fg'?) (a style has fg, bg and attrs)",
            "light.toml:13: 'alert' uses the palette colour 'oops', which is invalid",
        ], "\(lines)")
    }

    @Test("a bad or unknown key keeps the default style for that role; good keys still apply")
    func fallbackPerKey() {
        let theme = Self.load(Self.broken).theme
        let base = Theme.defaultDark
        #expect(theme.name == "light")
        #expect(theme.title == Style(foreground: .rgb(0x5F, 0xAF, 0xFF), attributes: .bold))
        #expect(theme.footerKey == Style(foreground: .rgb(0x5F, 0xAF, 0xFF)))
        #expect(theme.statusRunning == base.statusRunning)
        #expect(theme.statusFailed == base.statusFailed)
        #expect(theme.statusCompleted == base.statusCompleted)
        #expect(theme.gaugeFill == base.gaugeFill)
        #expect(theme.border == base.border)
        #expect(theme.alert == base.alert)
    }

    @Test("missing keys fall back to the default theme")
    func missingKeysFallBack() {
        let result = Self.load("""
            [styles]
            "status.failed" = { fg = "#ff0000", attrs = ["bold", "reverse"] }
            """)
        #expect(result.diagnostics.isEmpty)
        var expected = Theme.defaultDark
        expected.name = "light"
        expected.statusFailed = Style(foreground: .rgb(255, 0, 0), attributes: [.bold, .reverse])
        #expect(result.theme == expected)
        #expect(Self.load("").theme.text == Theme.defaultDark.text)
    }

    @Test("a file that is not TOML at all gives one diagnostic at the error's line and the whole default theme")
    func notTOML() {
        let result = Self.load("""
            [styles]
            "title" = { fg = "red" }
            this is not toml
            """)
        #expect(result.diagnostics.count == 1)
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.file == "light.toml")
        #expect(diagnostic?.line == 3)
        #expect(diagnostic?.message.hasPrefix("not valid TOML: ") == true)
        #expect(diagnostic?.message.hasSuffix("using the default theme") == true)
        var expected = Theme.defaultDark
        expected.name = "light"
        #expect(result.theme == expected)
    }

    @Test("a JSON file given as a theme is not TOML either")
    func jsonIsNotTOML() {
        let result = Self.load("{\n  \"title\": \"red\"\n}\n", file: "theme.json")
        #expect(result.diagnostics.map(\.line) == [1])
        #expect(result.diagnostics.first?.description.hasPrefix("theme.json:1: not valid TOML") == true)
    }

    @Test("unknown top-level keys and tables, wrong value kinds")
    func unknownTopLevel() {
        let result = Self.load("""
            name = 3
            titel = { fg = "red" }

            [stylez]
            "title" = { fg = "red" }

            [styles]
            "text" = true
            "text.dim" = { attrs = "bold" }
            """)
        #expect(result.diagnostics.map(\.description) == [
            "light.toml:1: 'name' must be a string, not an integer",
            "light.toml:2: unknown key 'titel' (did you mean 'title'?)",
            "light.toml:4: unknown key 'stylez' (did you mean 'styles'?)",
            "light.toml:8: 'text' must be a style such as { fg = \"cyan\", attrs = [\"bold\"] }, not a boolean",
        ], "\(result.diagnostics.map(\.description))")
        #expect(result.theme.textDim == Style(attributes: .bold))
    }

    @Test("dotted keys and top-level roles name the same roles as quoted keys in [styles]")
    func dottedKeys() {
        let result = Self.load("""
            "title" = { fg = 17 }

            [styles]
            status.running = { fg = "bright_cyan" }
            gauge.fill = "#00ff00"
            status.runing = { fg = "red" }
            """)
        #expect(result.diagnostics.map(\.description) == ["light.toml:6: unknown key 'status.runing' (did you mean 'status.running'?)"],
            "\(result.diagnostics.map(\.description))")
        #expect(result.theme.title.foreground == .indexed(17))
        #expect(result.theme.statusRunning.foreground == .ansi(14))
        #expect(result.theme.gaugeFill.foreground == .rgb(0, 255, 0))
    }

    @Test("a [styles.status] table names the status roles")
    func subTable() {
        let result = Self.load("""
            [styles.status]
            failed = { fg = 9, attrs = ["underline"] }
            runing = { fg = "red" }
            """)
        #expect(result.diagnostics.map(\.description) == ["light.toml:3: unknown key 'status.runing' (did you mean 'status.running'?)"],
            "\(result.diagnostics.map(\.description))")
        #expect(result.theme.statusFailed == Style(foreground: .ansi(9), attributes: .underline))
    }

    @Test("colour spellings: palette first, ANSI names, default, hex, indices")
    func colourSpellings() {
        let palette: [String: Color] = ["red": .rgb(1, 2, 3)]
        func parse(_ node: TOMLNode) -> Color? { try? ColorParser.parse(node, palette: palette).get() }
        #expect(parse(.string("red")) == .rgb(1, 2, 3))
        #expect(parse(.string("bright-black")) == .ansi(8))
        #expect(parse(.string("Bright_Magenta")) == .ansi(13))
        #expect(parse(.string("grey")) == .ansi(8))
        #expect(parse(.string("default")) == .terminalDefault)
        #expect(parse(.string("#FFaa00")) == .rgb(255, 170, 0))
        #expect(parse(.integer(3)) == .ansi(3))
        #expect(parse(.integer(208)) == .indexed(208))
        #expect(parse(.string("208")) == .indexed(208))
        #expect(parse(.string("#ffaa0")) == nil)
        #expect(parse(.string("#ggaa00")) == nil)
        #expect(parse(.integer(-1)) == nil)
        #expect(parse(.boolean(true)) == nil)
    }
}
