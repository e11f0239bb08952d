import Foundation
import TerminalUI
import Testing
import ThemeLoader

/// The theme files in `themes/` and their compiled-in copies.
@Suite("Shipped themes")
struct ShippedThemeTests {
    /// The repository's `themes/` folder, found from this file's path.
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    static func fileText(_ name: String) throws -> String {
        try String(contentsOf: themesDirectory.appendingPathComponent(name + ".toml"), encoding: .utf8)
    }

    @Test("the six required themes are shipped, in cycle order")
    func required() {
        #expect(BuiltinThemes.names == ["default", "light", "high-contrast", "solarized-dark", "colorblind", "monochrome"])
        #expect(Set(BuiltinThemes.texts.keys) == Set(BuiltinThemes.names))
    }

    @Test("every shipped theme loads with no warning", arguments: BuiltinThemes.names)
    func loadsCleanly(name: String) throws {
        let result = try #require(ThemeCatalog.builtin(name))
        #expect(result.diagnostics == [], "\(result.diagnostics.map(\.description))")
        #expect(result.theme.name == name)
    }

    @Test("every theme file sets every role, each with a comment line above it", arguments: BuiltinThemes.names)
    func everyRoleDocumented(name: String) throws {
        let lines = try Self.fileText(name).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for role in ThemeRole.allCases {
            let index = try #require(lines.firstIndex { $0.hasPrefix("\"\(role.key)\" = ") }, "\(name): no \(role.key)")
            #expect(index > 0 && lines[index - 1].hasPrefix("# "), "\(name): \(role.key) has no comment")
        }
    }

    @Test("each embedded text equals its file in themes/ (run `sh themes/embed.sh` after editing a theme)",
        arguments: BuiltinThemes.names)
    func embeddedMatchesFile(name: String) throws {
        #expect(BuiltinThemes.texts[name] == (try Self.fileText(name)))
    }

    @Test("every .toml file in themes/ is embedded")
    func noFileLeftOut() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(BuiltinThemes.names))
    }

    @Test("default.toml is exactly today's built-in dark theme, monochrome.toml the attributes-only one")
    func matchesCodeThemes() throws {
        #expect(try #require(ThemeCatalog.builtin("default")).theme == Theme.defaultDark)
        #expect(try #require(ThemeCatalog.builtin("monochrome")).theme == Theme.monochrome)
    }

    @Test("monochrome uses no colour at all")
    func monochromeHasNoColour() throws {
        let theme = try #require(ThemeCatalog.builtin("monochrome")).theme
        for role in ThemeRole.allCases {
            #expect(theme[keyPath: role.keyPath].foreground == .terminalDefault, "\(role.key)")
            #expect(theme[keyPath: role.keyPath].background == .terminalDefault, "\(role.key)")
        }
    }

    @Test("in every colour theme the seven statuses look different from each other",
        arguments: BuiltinThemes.names.filter { $0 != "monochrome" })
    func statusesDistinct(name: String) throws {
        let theme = try #require(ThemeCatalog.builtin(name)).theme
        let styles = [theme.statusPending, theme.statusRunning, theme.statusDispatched, theme.statusThrottled,
            theme.statusCompleted, theme.statusFailed, theme.statusCancelled]
        #expect(Set(styles).count == styles.count)
    }

    @Test("the colour-blind theme's statuses use only Okabe-Ito colours")
    func okabeIto() throws {
        let theme = try #require(ThemeCatalog.builtin("colorblind")).theme
        let okabeIto: Set<Color> = [
            .rgb(0xE6, 0x9F, 0x00), .rgb(0x56, 0xB4, 0xE9), .rgb(0x00, 0x9E, 0x73), .rgb(0xF0, 0xE4, 0x42),
            .rgb(0x00, 0x72, 0xB2), .rgb(0xD5, 0x5E, 0x00), .rgb(0xCC, 0x79, 0xA7), .rgb(0x99, 0x99, 0x99),
        ]
        for style in [theme.statusPending, theme.statusRunning, theme.statusDispatched, theme.statusThrottled,
            theme.statusCompleted, theme.statusFailed, theme.statusCancelled, theme.statusUnknown] {
            #expect(okabeIto.contains(style.foreground), "\(style.foreground)")
        }
    }

    @Test("every theme file sets status.throttled, commented, in its own colour or attributes", arguments: BuiltinThemes.names)
    func throttledRole(name: String) throws {
        let lines = try Self.fileText(name).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("\"status.throttled\" = ") }, "\(name): no status.throttled")
        #expect(lines[index - 1].hasPrefix("# "), "\(name): status.throttled has no comment")
        let theme = try #require(ThemeCatalog.builtin(name)).theme
        for other in [theme.statusRunning, theme.statusPending, theme.statusFailed, theme.statusUnknown] {
            #expect(theme.statusThrottled != other, "\(name): throttled looks like another status")
        }
        if name == "monochrome" {
            // No colour: the attributes alone must tell throttled apart from every other status.
            let others = [theme.statusPending, theme.statusRunning, theme.statusDispatched, theme.statusCompleted,
                theme.statusFailed, theme.statusCancelled, theme.statusUnknown]
            #expect(!others.contains(theme.statusThrottled))
        } else {
            let hues = [theme.statusRunning, theme.statusPending, theme.statusFailed].map(\.foreground)
            #expect(!hues.contains(theme.statusThrottled.foreground), "\(name): throttled shares a colour")
        }
    }

    @Test("ThemeRole knows status.throttled and maps it to Theme.statusThrottled")
    func throttledRoleKey() {
        #expect(ThemeRole(rawValue: "status.throttled")?.keyPath == \Theme.statusThrottled)
    }
}
