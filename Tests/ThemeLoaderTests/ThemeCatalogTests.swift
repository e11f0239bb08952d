import Foundation
import TerminalUI
import Testing
import ThemeLoader

/// Finding themes by name or path, user themes, and the `t` cycle.
@Suite("Theme catalog and cycle")
struct ThemeCatalogTests {
    /// A temporary user themes folder.
    static func userDirectory(_ files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("batchtop-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return directory.path
    }

    @Test("a shipped name, a user theme by name, a file by path")
    func lookup() throws {
        let directory = try Self.userDirectory([
            "mine.toml": "[styles]\n\"title\" = { fg = \"red\" }\n",
            "light.toml": "[styles]\n\"title\" = { fg = \"green\" }\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = ThemeCatalog(userDirectory: directory)
        #expect(catalog.load("solarized-dark").theme == ThemeCatalog.builtin("solarized-dark")?.theme)
        let mine = catalog.load("mine")
        #expect(mine.diagnostics == [])
        #expect(mine.theme.name == "mine")
        #expect(mine.theme.title == Style(foreground: .red))
        #expect(catalog.load("light").theme.title == Style(foreground: .green))  // the user's copy wins
        let byPath = catalog.load(directory + "/mine.toml")
        #expect(byPath.theme == mine.theme)
    }

    @Test("a user theme's problems carry its path and line")
    func userThemeDiagnostics() throws {
        let directory = try Self.userDirectory(["bad.toml": "[styles]\n\"title\" = { fg = \"red\" }\n\"status.runing\" = \"red\"\n"])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = ThemeCatalog(userDirectory: directory).load("bad")
        #expect(result.diagnostics.map(\.description)
            == ["\(directory)/bad.toml:3: unknown key 'status.runing' (did you mean 'status.running'?)"])
    }

    @Test("an unknown name or a missing file gives the default theme and says so")
    func unknown() {
        let catalog = ThemeCatalog(userDirectory: "/nonexistent")
        let result = catalog.load("solarised-dark")
        #expect(result.theme == Theme.defaultDark)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message.hasPrefix("no theme 'solarised-dark' (did you mean 'solarized-dark'?)") == true)
        let missing = catalog.load("/nonexistent/x.toml")
        #expect(missing.theme == Theme.defaultDark)
        #expect(missing.diagnostics.map(\.description) == ["/nonexistent/x.toml: cannot read the theme file (no such file); using the default theme"])
    }

    @Test("t cycles the shipped themes from the current one and wraps around")
    func cycle() {
        let catalog = ThemeCatalog(userDirectory: nil)
        var cycle = ThemeCycle(start: catalog.load("high-contrast"), catalog: catalog)
        #expect(cycle.current.theme.name == "high-contrast")
        var seen = [cycle.current.theme.name]
        for _ in 0..<6 { seen.append(cycle.advance().theme.name) }
        #expect(seen == ["high-contrast", "solarized-dark", "colorblind", "monochrome", "default", "light", "high-contrast"])
    }

    @Test("a theme from a file joins the cycle in front of the shipped ones")
    func cycleWithUserTheme() throws {
        let directory = try Self.userDirectory(["mine.toml": "\"title\" = \"red\"\n"])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = ThemeCatalog(userDirectory: nil)
        var cycle = ThemeCycle(start: catalog.load(directory + "/mine.toml"), catalog: catalog)
        #expect(cycle.entries.map(\.theme.name) == ["mine"] + BuiltinThemes.names)
        #expect(cycle.advance().theme.name == "default")
    }
}
