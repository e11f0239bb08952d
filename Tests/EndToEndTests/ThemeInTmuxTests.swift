import Foundation
import Testing

/// Themes, `NO_COLOR` and the config file in a real terminal: what tmux's `capture-pane -e` shows of the colours.
@Suite("Themes and colour in a real terminal (tmux)", .enabled(if: TmuxSession.isAvailable || tmuxRequired))
struct ThemeInTmuxTests {
    /// Every colour parameter of the screen's SGR escapes (`38;5;24` → "38;5;24", `31` → "31"); resets to the
    /// default colour (39, 49) and attributes (bold, reverse…) are not colours.
    static func colourCodes(_ screen: String) -> Set<String> {
        var codes: Set<String> = []
        var rest = Substring(screen)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { $0.isLetter }) else { break }
            defer { rest = rest[rest.index(after: end)...] }
            guard rest[end] == "m" else { continue }
            let parameters = rest[..<end].split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
            var index = 0
            while index < parameters.count {
                let value = parameters[index]
                if value == 38 || value == 48 {
                    let length = parameters.count > index + 1 && parameters[index + 1] == 2 ? 5 : 3
                    codes.insert(parameters[index..<min(parameters.count, index + length)].map(String.init).joined(separator: ";"))
                    index += length
                    continue
                }
                if (30...37).contains(value) || (40...47).contains(value) || (90...97).contains(value) || (100...107).contains(value) {
                    codes.insert(String(value))
                }
                index += 1
            }
        }
        return codes
    }

    /// A private config folder, so the machine's own `~/.config/batchtop` cannot change what the test sees.
    static func configHome(config: String? = nil) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("batchtop-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("batchtop"), withIntermediateDirectories: true)
        if let config {
            try config.write(to: directory.appendingPathComponent("batchtop/config.toml"), atomically: true, encoding: .utf8)
        }
        return directory.path
    }

    /// The screen without its escape sequences.
    static func plain(_ screen: String) -> String {
        screen.replacingOccurrences(of: "\u{1B}\\[[0-9;:]*[A-Za-z]", with: "", options: .regularExpression)
    }

    /// True once the table shows job rows (with or without escapes in the capture).
    static func jobRowsShown(_ screen: String) -> Bool {
        plain(screen).split(separator: "\n").filter { $0.hasPrefix(" bjb-") }.count >= 5
    }

    private func start(
        _ arguments: String, noColor: Bool = false, configHome: String, term: String? = nil
    ) throws -> TmuxSession {
        let binary = Product.batchtop
        try #require(FileManager.default.isExecutableFile(atPath: binary), "batchtop not built at \(binary)")
        var environment = ["LANG": "C.UTF-8", "XDG_CONFIG_HOME": configHome]
        if noColor { environment["NO_COLOR"] = "1" }
        let setup = (noColor ? "" : "unset NO_COLOR; ") + "unset BATCHTOP_THEME COLORTERM; " + (term.map { "export TERM=\($0); " } ?? "")
        return try TmuxSession(
            command: setup + "'\(binary)' --demo --interval 1 \(arguments); \(TmuxSession.reportExitAndHold)", environment: environment)
    }

    @Test("--theme monochrome shows no colour escapes, only attributes")
    func monochromeTheme() async throws {
        let home = try Self.configHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try start("--theme monochrome", configHome: home)
        let (ready, screen) = try await session.waitFor(escapes: true) { Self.jobRowsShown($0) && $0.contains("running") }
        #expect(ready, "no table:\n\(screen)")
        #expect(Self.colourCodes(screen).isEmpty, "colour escapes with --theme monochrome: \(Self.colourCodes(screen))")
        #expect(screen.contains("\u{1B}[1m") || screen.contains(";1m") || screen.contains("[1;"), "no bold at all")
        #expect(screen.contains("\u{1B}[7m") || screen.contains(";7m"), "no reverse-video selection")
        try session.send("q")
        #expect(try await session.waitFor { $0.contains("EXIT:0") }.ok)
    }

    @Test("NO_COLOR=1 shows no colour escapes, even with a colour theme asked for, and t says colour is off")
    func noColor() async throws {
        let home = try Self.configHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try start("--theme light", noColor: true, configHome: home)
        let (ready, screen) = try await session.waitFor(escapes: true) { Self.jobRowsShown($0) && $0.contains("running") }
        #expect(ready, "no table:\n\(screen)")
        #expect(Self.colourCodes(screen).isEmpty, "colour escapes with NO_COLOR=1: \(Self.colourCodes(screen))")
        try session.send("t")
        let (noted, after) = try await session.waitFor(escapes: true) { $0.contains("theme: monochrome (colour is off)") }
        #expect(noted, "t did not say that colour is off:\n\(after)")
        #expect(Self.colourCodes(after).isEmpty)
        try session.send("q")
        #expect(try await session.waitFor { $0.contains("EXIT:0") }.ok)
    }

    @Test("t switches the theme live: the screen's colours change and the status line names the theme")
    func cycleTheme() async throws {
        let home = try Self.configHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try start("", configHome: home)
        let (ready, before) = try await session.waitFor(escapes: true) { Self.jobRowsShown($0) && $0.contains("running") }
        #expect(ready, "no table:\n\(before)")
        let defaultCodes = Self.colourCodes(before)
        #expect(defaultCodes.contains("46"), "the default title is on cyan: \(defaultCodes)")
        #expect(!defaultCodes.contains { $0.hasPrefix("38;5;") || $0.hasPrefix("48;5;") }, "default uses ANSI colours only")

        try session.send("t")
        let (light, lightScreen) = try await session.waitFor(escapes: true) { $0.contains("theme: light") }
        #expect(light, "no 'theme: light' notice after t:\n\(lightScreen)")
        let lightCodes = Self.colourCodes(lightScreen)
        #expect(lightCodes.contains("48;5;24"), "the light title is on #005f87 (256-colour 24): \(lightCodes)")
        #expect(!lightCodes.contains("46"))
        #expect(lightCodes != defaultCodes)

        try session.send("t")
        let (contrast, contrastScreen) = try await session.waitFor(escapes: true) { $0.contains("theme: high-contrast") }
        #expect(contrast, "no 'theme: high-contrast' notice:\n\(contrastScreen)")
        #expect(Self.colourCodes(contrastScreen).contains("107"), "high-contrast's title is on bright white")

        // The notice is brief: it goes after a few seconds.
        let (gone, later) = try await session.waitFor(seconds: 10) { !$0.contains("theme: high-contrast") }
        #expect(gone, "the theme notice stayed:\n\(later)")
        try session.send("q")
        #expect(try await session.waitFor { $0.contains("EXIT:0") }.ok)
    }

    @Test("the config file's theme applies; its bad lines are reported with file:line and what is used instead")
    func configFile() async throws {
        let home = try Self.configHome(config: "# settings\ntheme = \"monochrome\"\ninterval = \"fast\"\n")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try start("", configHome: home)
        let (ready, screen) = try await session.waitFor(escapes: true) { Self.jobRowsShown($0) && $0.contains("running") }
        #expect(ready, "no table:\n\(screen)")
        #expect(Self.colourCodes(screen).isEmpty, "theme = \"monochrome\" from the config file did not apply")
        #expect(screen.contains("config.toml:3:"), "the status line does not mention the bad line")
        try session.send("q")
        let (exited, after) = try await session.waitFor { $0.contains("EXIT:0") }
        #expect(exited)
        // The line wraps at the pane's width, and tmux drops the space at the end of a row: compare without spaces.
        let squeezed = after.filter { !$0.isWhitespace }
        let expected = "batchtop/config.toml:3: 'interval' must be a number of seconds, not \"fast\"; using interval 1 s (command line)"
        #expect(squeezed.contains(expected.filter { !$0.isWhitespace }), "no file:line message on standard error:\n\(after)")
    }

    @Test("a direct-colour terminal (TERM=xterm-direct) gets 24-bit colours",
        .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/terminfo/x/xterm-direct")
            || FileManager.default.fileExists(atPath: "/lib/terminfo/x/xterm-direct")))
    func directColour() async throws {
        let home = try Self.configHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try start("--theme solarized-dark", configHome: home, term: "xterm-direct")
        let (ready, screen) = try await session.waitFor(escapes: true) { Self.jobRowsShown($0) && $0.contains("running") }
        #expect(ready, "no table:\n\(screen)")
        let codes = Self.colourCodes(screen)
        #expect(codes.contains("48;2;38;139;210"), "the solarized title should be exactly #268bd2: \(codes)")
        try session.send("q")
        #expect(try await session.waitFor { $0.contains("EXIT:0") }.ok)
    }
}
