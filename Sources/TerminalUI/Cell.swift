/// One terminal cell: the grapheme drawn there and its style. The cell right of a double-width character is a
/// continuation (empty text) that backends skip.
public struct Cell: Sendable, Hashable {
    /// The grapheme cluster drawn in this cell; empty for the right half of a wide character.
    public var text: String
    /// How it looks.
    public var style: Style

    /// Creates a cell.
    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// An empty cell in the default style.
    public static let blank = Cell()

    /// True for the right half of a double-width character.
    public var isContinuation: Bool { text.isEmpty }
}
