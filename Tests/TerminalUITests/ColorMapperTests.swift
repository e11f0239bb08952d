import Testing
import TerminalUI

@Suite struct ColorMapperTests {
    @Test func pureRedIsCubeEntry196() {
        #expect(ColorMapper.index(of: .rgb(255, 0, 0), depth: .indexed256) == 196)
        #expect(ColorMapper.index(of: .rgb(255, 0, 0), depth: .truecolor) == 196)
    }

    @Test func cubeCornersMapExactly() {
        #expect(ColorMapper.nearestIndexed(0, 0, 0) == 16)
        #expect(ColorMapper.nearestIndexed(255, 255, 255) == 231)
        #expect(ColorMapper.nearestIndexed(0, 255, 0) == 46)
        #expect(ColorMapper.nearestIndexed(0, 0, 255) == 21)
        // 95/135/175 are cube levels 1/2/3: 16 + 36·1 + 6·2 + 3.
        #expect(ColorMapper.nearestIndexed(95, 135, 175) == 67)
    }

    @Test func midGreyUsesTheGreyRamp() {
        // Grey ramp entry 232 + n is 8 + 10n; 128 = 8 + 10·12 → 244, an exact match (the cube's nearest is 135).
        #expect(ColorMapper.nearestIndexed(128, 128, 128) == 244)
        #expect(ColorMapper.index(of: .rgb(128, 128, 128), depth: .indexed256) == 244)
        // 48 = 8 + 10·4 → 236.
        #expect(ColorMapper.nearestIndexed(48, 48, 48) == 236)
    }

    @Test func paletteRoundTrip() {
        #expect(ColorMapper.rgb(ofIndexed: 196) == (255, 0, 0))
        #expect(ColorMapper.rgb(ofIndexed: 244) == (128, 128, 128))
        #expect(ColorMapper.rgb(ofIndexed: 67) == (95, 135, 175))
        #expect(ColorMapper.rgb(ofIndexed: 9) == (255, 0, 0))
        for index in 16...255 {
            let rgb = ColorMapper.rgb(ofIndexed: UInt8(index))
            #expect(ColorMapper.nearestIndexed(rgb.0, rgb.1, rgb.2) == index)
        }
    }

    @Test func ansiColoursAtEightColours() {
        #expect(ColorMapper.index(of: .ansi(9), depth: .basic8) == 1)
        #expect(ColorMapper.index(of: .ansi(8), depth: .basic8) == 7)
        #expect(ColorMapper.index(of: .ansi(15), depth: .basic8) == 7)
        #expect(ColorMapper.index(of: .ansi(3), depth: .basic8) == 3)
    }

    @Test func ansiColoursAtSixteenOrMoreAreKept() {
        #expect(ColorMapper.index(of: .ansi(9), depth: .basic16) == 9)
        #expect(ColorMapper.index(of: .ansi(8), depth: .indexed256) == 8)
        #expect(ColorMapper.index(of: .ansi(0), depth: .truecolor) == 0)
    }

    @Test func indexedColoursAtFewerColours() {
        #expect(ColorMapper.index(of: .indexed(196), depth: .indexed256) == 196)
        #expect(ColorMapper.index(of: .indexed(196), depth: .basic16) == 9)
        #expect(ColorMapper.index(of: .indexed(196), depth: .basic8) == 1)
        #expect(ColorMapper.index(of: .indexed(244), depth: .basic16) == 8)
        #expect(ColorMapper.index(of: .indexed(231), depth: .basic16) == 15)
    }

    @Test func rgbAtFewerColours() {
        #expect(ColorMapper.index(of: .rgb(255, 0, 0), depth: .basic16) == 9)
        #expect(ColorMapper.index(of: .rgb(255, 0, 0), depth: .basic8) == 1)
        #expect(ColorMapper.index(of: .rgb(0, 0, 0), depth: .basic8) == 0)
        #expect(ColorMapper.index(of: .rgb(250, 250, 250), depth: .basic8) == 7)
    }

    @Test func terminalDefaultIsMinusOne() {
        #expect(ColorMapper.index(of: .terminalDefault, depth: .basic8) == -1)
        #expect(ColorMapper.index(of: .terminalDefault, depth: .truecolor) == -1)
    }

    @Test func noColourDepthGivesNil() {
        #expect(ColorMapper.index(of: .terminalDefault, depth: .none) == nil)
        #expect(ColorMapper.index(of: .ansi(1), depth: .none) == nil)
        #expect(ColorMapper.index(of: .indexed(196), depth: .none) == nil)
        #expect(ColorMapper.index(of: .rgb(255, 0, 0), depth: .none) == nil)
    }
}
