/// Maps theme colours to what a terminal can show: 256-colour indices or the 16/8 ANSI colours.
public enum ColorMapper {
    /// The usual RGB values of the 16 ANSI colours (xterm defaults).
    public static let ansiPalette: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]

    /// The terminal colour number for `color` at `depth`: -1 for the default colour, nil when colour is off.
    public static func index(of color: Color, depth: TerminalCapabilities.ColorDepth) -> Int? {
        if depth == .none { return nil }
        switch color {
        case .terminalDefault:
            return -1
        case .ansi(let value):
            let ansi = Int(value & 15)
            if depth >= .basic16 || ansi < 8 { return ansi }
            return ansi == 8 ? 7 : ansi - 8  // bright black (grey) would vanish as black: grey is nearer white
        case .indexed(let value):
            if depth >= .indexed256 { return Int(value) }
            let rgb = rgb(ofIndexed: value)
            return index(of: .rgb(rgb.0, rgb.1, rgb.2), depth: depth)
        case .rgb(let red, let green, let blue):
            if depth >= .indexed256 { return nearestIndexed(red, green, blue) }
            let brightest = max(red, green, blue)
            if Int(brightest) - Int(min(red, green, blue)) < 24 {
                // Greys go to black, grey or white: a hue-weighted distance would turn mid-grey into cyan.
                if brightest < 64 { return 0 }
                if brightest < 192 { return depth >= .basic16 ? 8 : 7 }
                return depth >= .basic16 ? 15 : 7
            }
            let candidates = depth >= .basic16 ? 16 : 8
            return nearest(in: Array(ansiPalette.prefix(candidates)), to: (red, green, blue))
        }
    }

    /// The nearest entry of the 256-colour palette's colour cube or grey ramp (indices 16–255).
    public static func nearestIndexed(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Int {
        let levels: [Int] = [0, 95, 135, 175, 215, 255]
        func level(_ value: UInt8) -> Int {
            let component = Int(value)
            return levels.indices.min { abs(levels[$0] - component) < abs(levels[$1] - component) } ?? 0
        }
        let (r, g, b) = (level(red), level(green), level(blue))
        let cubeIndex = 16 + 36 * r + 6 * g + b
        let cubeColor = (UInt8(levels[r]), UInt8(levels[g]), UInt8(levels[b]))
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let greyValue = UInt8(8 + 10 * greyStep)
        let greyIndex = 232 + greyStep
        let target = (red, green, blue)
        return distance(cubeColor, target) <= distance((greyValue, greyValue, greyValue), target) ? cubeIndex : greyIndex
    }

    /// The RGB value of a 256-colour palette entry.
    public static func rgb(ofIndexed index: UInt8) -> (UInt8, UInt8, UInt8) {
        let value = Int(index)
        if value < 16 { return ansiPalette[value] }
        if value >= 232 {
            let grey = UInt8(8 + 10 * (value - 232))
            return (grey, grey, grey)
        }
        let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
        let cube = value - 16
        return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
    }

    private static func nearest(in palette: [(UInt8, UInt8, UInt8)], to target: (UInt8, UInt8, UInt8)) -> Int {
        palette.indices.min { distance(palette[$0], target) < distance(palette[$1], target) } ?? 0
    }

    private static func distance(_ lhs: (UInt8, UInt8, UInt8), _ rhs: (UInt8, UInt8, UInt8)) -> Int {
        let red = Int(lhs.0) - Int(rhs.0)
        let green = Int(lhs.1) - Int(rhs.1)
        let blue = Int(lhs.2) - Int(rhs.2)
        return 2 * red * red + 4 * green * green + 3 * blue * blue
    }
}
