extension ColorMapper {
    /// The RGB value a colour stands for: nil for the terminal's default, else its 24-bit value (ANSI and palette
    /// entries at their xterm values).
    public static func rgb(of color: Color) -> (UInt8, UInt8, UInt8)? {
        switch color {
        case .terminalDefault: return nil
        case .ansi(let value): return ansiPalette[Int(value & 15)]
        case .indexed(let value): return rgb(ofIndexed: value)
        case .rgb(let red, let green, let blue): return (red, green, blue)
        }
    }

    /// The colour number on a direct-colour terminal: -1 for the default, 0–7 for the first eight ANSI colours
    /// (direct terminfo entries send those as plain ANSI colours), else 0xRRGGBB.
    public static func directValue(of color: Color) -> Int {
        switch color {
        case .terminalDefault: return -1
        case .ansi(let value) where value < 8: return Int(value)
        case .indexed(let value) where value < 8: return Int(value)
        default:
            guard let (red, green, blue) = rgb(of: color) else { return -1 }
            let packed = Int(red) << 16 | Int(green) << 8 | Int(blue)
            return packed < 8 ? 0 : packed  // 1–7 would be taken for ANSI colours: those RGB values are all but black
        }
    }
}
