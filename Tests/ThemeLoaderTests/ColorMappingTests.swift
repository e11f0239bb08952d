import TerminalUI
import Testing
import ThemeLoader

/// Theme colours as the terminal backend maps them: 256 colours, 16/8 colours, direct colour, and the choice of strategy.
@Suite("Colour mapping of theme colours")
struct ColorMappingTests {
    static func themeColor(_ theme: String, _ role: ThemeRole) throws -> Color {
        try #require(ThemeCatalog.builtin(theme)).theme[keyPath: role.keyPath].foreground
    }

    @Test("theme hex values to the expected 256-colour and 16-colour indices")
    func hexToIndices() throws {
        // (theme, role, hex it must hold, 256-colour index, 16-colour index)
        let cases: [(String, ThemeRole, Color, Int, Int)] = [
            ("light", .footerKey, .rgb(0x00, 0x5F, 0x87), 24, 8),  // exactly cube entry 24; dim blue → grey on 16
            ("light", .statusFailed, .rgb(0xAF, 0x00, 0x00), 124, 1),  // cube entry 124; red
            ("solarized-dark", .statusRunning, .rgb(0x26, 0x8B, 0xD2), 32, 6),  // #0087d7; cyan
            ("colorblind", .statusFailed, .rgb(0xD5, 0x5E, 0x00), 166, 1),  // vermillion → #d75f00; red
            ("colorblind", .statusCompleted, .rgb(0x00, 0x9E, 0x73), 35, 6),  // bluish green → #00af5f; cyan
            ("colorblind", .textDim, .rgb(0x99, 0x99, 0x99), 247, 8),  // grey ramp 247 (#9e9e9e), not cube #878787; grey
            ("solarized-dark", .text, .rgb(0x83, 0x94, 0x96), 246, 8),  // base0 is nearly grey
        ]
        for (theme, role, hex, index256, index16) in cases {
            let color = try Self.themeColor(theme, role)
            #expect(color == hex, "\(theme) \(role.key)")
            #expect(ColorMapper.index(of: color, depth: .indexed256) == index256, "\(theme) \(role.key) at 256")
            #expect(ColorMapper.index(of: color, depth: .truecolor) == index256, "\(theme) \(role.key) at truecolor fallback")
            #expect(ColorMapper.index(of: color, depth: .basic16) == index16, "\(theme) \(role.key) at 16")
        }
    }

    @Test("8 colours fold bright and grey values into the first eight; no colour maps to nothing")
    func eightColours() throws {
        #expect(ColorMapper.index(of: try Self.themeColor("light", .footerKey), depth: .basic8) == 6)
        #expect(ColorMapper.index(of: try Self.themeColor("high-contrast", .statusFailed), depth: .basic8) == 1)
        #expect(ColorMapper.index(of: try Self.themeColor("default", .border), depth: .basic8) == 7)
        #expect(ColorMapper.index(of: try Self.themeColor("light", .footerKey), depth: .none) == nil)
    }

    @Test("direct colour: default -1, the first eight ANSI colours as themselves, anything else 0xRRGGBB")
    func directValues() {
        #expect(ColorMapper.directValue(of: .terminalDefault) == -1)
        #expect(ColorMapper.directValue(of: .red) == 1)
        #expect(ColorMapper.directValue(of: .brightBlack) == 0x7F7F7F)
        #expect(ColorMapper.directValue(of: .rgb(0x26, 0x8B, 0xD2)) == 0x268BD2)
        #expect(ColorMapper.directValue(of: .indexed(24)) == 0x005F87)
        #expect(ColorMapper.directValue(of: .rgb(0, 0, 3)) == 0)  // not ANSI yellow
    }

    @Test("strategy: direct terminfo, truecolor by COLORTERM outside multiplexers, else 256/16/8, else none")
    func strategies() {
        func choose(_ colors: Int, canChange: Bool = false, noColor: Bool = false, hasColors: Bool = true,
            _ environment: [String: String] = [:]) -> ColorStrategy {
            ColorStrategy.choose(noColor: noColor, hasColors: hasColors, colors: colors, canChangeColor: canChange,
                environment: environment)
        }
        let truecolor = ["COLORTERM": "truecolor", "TERM": "xterm-256color"]
        #expect(choose(0x100_0000) == .direct)
        #expect(choose(256, canChange: true, truecolor) == .redefinedPalette)
        #expect(choose(256, canChange: true, ["COLORTERM": "24bit", "TERM": "xterm-256color"]) == .redefinedPalette)
        #expect(choose(256, canChange: false, truecolor) == .indexed(.indexed256))
        #expect(choose(256, canChange: true, truecolor.merging(["TMUX": "/tmp/x,1,0"]) { $1 }) == .indexed(.indexed256))
        #expect(choose(256, canChange: true, ["COLORTERM": "truecolor", "TERM": "screen-256color"]) == .indexed(.indexed256))
        #expect(choose(256, canChange: true, ["TERM": "xterm-256color"]) == .indexed(.indexed256))
        #expect(choose(16) == .indexed(.basic16))
        #expect(choose(8) == .indexed(.basic8))
        #expect(choose(8, canChange: true, truecolor) == .indexed(.basic8))
        #expect(choose(256, noColor: true) == .none)
        #expect(choose(0, hasColors: false) == .none)
        #expect(ColorStrategy.direct.depth == .truecolor)
        #expect(ColorStrategy.none.depth == .none)
    }
}
