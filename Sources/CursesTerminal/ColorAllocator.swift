import CNCurses
import TerminalUI

/// Hands out ncurses colour pairs (and, with a redefinable palette, colour slots) for styles, allocating each on
/// first use. Theme changes simply allocate more; nothing already on screen changes colour.
struct ColorAllocator {
    /// How colours are produced.
    let strategy: ColorStrategy
    private let pairLimit: Int32
    private let slotLimit: Int32
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var slots: [RGBKey: Int32] = [:]
    private var nextSlot: Int32 = 16

    private struct PairKey: Hashable {
        let foreground: Int32
        let background: Int32
    }

    private struct RGBKey: Hashable {
        let red: UInt8
        let green: UInt8
        let blue: UInt8
    }

    /// An allocator for the given strategy and the terminal's `COLOR_PAIRS` and `COLORS`.
    init(strategy: ColorStrategy, colorPairs: Int32, colors: Int32) {
        self.strategy = strategy
        pairLimit = min(colorPairs, 0x10000)
        slotLimit = min(colors, 256)
    }

    /// The pair for a style's colours; 0 (the terminal's default pair) without colour or when pairs run out.
    mutating func pair(for style: Style) -> Int32 {
        guard let foreground = number(for: style.foreground), let background = number(for: style.background) else { return 0 }
        if foreground == -1, background == -1 { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let pair = pairs[key] { return pair }
        guard nextPair < pairLimit else { return 0 }
        let pair = nextPair
        guard init_extended_pair(pair, foreground, background) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    /// The terminal colour number of a theme colour; -1 is the default colour, nil means colour is off.
    private mutating func number(for color: Color) -> Int32? {
        switch strategy {
        case .none:
            return nil
        case .indexed(let depth):
            return ColorMapper.index(of: color, depth: depth).map(Int32.init)
        case .direct:
            return Int32(ColorMapper.directValue(of: color))
        case .redefinedPalette:
            return paletteNumber(for: color)
        }
    }

    /// ANSI colours stay as the user's palette has them; every other colour gets a slot of 16–255 redefined to its
    /// exact RGB value. When the slots run out, the nearest of the 16 ANSI colours (never redefined) is used.
    private mutating func paletteNumber(for color: Color) -> Int32? {
        switch color {
        case .terminalDefault: return -1
        case .ansi(let value): return Int32(value & 15)
        case .indexed(let value) where value < 16: return Int32(value)
        default: break
        }
        guard let (red, green, blue) = ColorMapper.rgb(of: color) else { return -1 }
        let key = RGBKey(red: red, green: green, blue: blue)
        if let slot = slots[key] { return slot }
        func permille(_ component: UInt8) -> Int32 { Int32((Int(component) * 1000 + 127) / 255) }
        guard nextSlot < slotLimit, init_extended_color(nextSlot, permille(red), permille(green), permille(blue)) != ERR else {
            return ColorMapper.index(of: color, depth: .basic16).map(Int32.init)
        }
        let slot = nextSlot
        nextSlot += 1
        slots[key] = slot
        return slot
    }
}
