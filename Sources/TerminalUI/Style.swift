/// Text attributes that every terminal can show, even without colour.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    /// Raw bits.
    public let rawValue: UInt8
    /// Creates attributes from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Bold (or bright).
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Dim.
    public static let dim = TextAttributes(rawValue: 1 << 1)
    /// Reverse video.
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    /// Underline.
    public static let underline = TextAttributes(rawValue: 1 << 3)
}

/// How a cell looks: colours plus attributes.
public struct Style: Sendable, Hashable {
    /// Foreground colour.
    public var foreground: Color
    /// Background colour.
    public var background: Color
    /// Bold, dim, reverse, underline.
    public var attributes: TextAttributes

    /// Creates a style; by default the terminal's own colours and no attributes.
    public init(
        foreground: Color = .terminalDefault, background: Color = .terminalDefault, attributes: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// This style with extra attributes.
    public func adding(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    /// This style drawn over another's background when it has none of its own.
    public func over(_ base: Style) -> Style {
        var copy = self
        if copy.background == .terminalDefault { copy.background = base.background }
        copy.attributes.formUnion(base.attributes)
        return copy
    }
}
