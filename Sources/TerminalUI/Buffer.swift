/// An in-memory grid of cells that screens render into; the terminal backend shows only what changed between two.
public struct Buffer: Sendable, Equatable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Row-major cells.
    public private(set) var cells: [Cell]
    /// The style of the visible stand-ins that sanitising puts in place of control characters and escape sequences
    /// (`␛`, `⟦RLO⟧` …), so odd server text stands out; nil draws them in the text's own style.
    public var markStyle: Style?

    /// A buffer of blank cells.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position (a blank cell when outside). Setting a cell never leaves half a wide character: the
    /// other half of a wide character it overwrites becomes a space.
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set {
            if contains(x: x, y: y) { put(newValue, x: x, y: y) }
        }
    }

    /// Stores a cell, blanking the orphaned half when it cuts a wide character (two cells: the character, then a
    /// continuation cell with empty text) in two.
    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.text.isEmpty, !cell.text.isEmpty, x > 0, !cells[index - 1].text.isEmpty {
            // Overwriting the right half: the left half (the wide character) cannot stay.
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if !old.text.isEmpty, x + 1 < width, cells[index + 1].text.isEmpty, CharacterWidth.of(cell.text) != 2 {
            // Overwriting the left half with something narrow: its continuation becomes a space.
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// True when the position is inside the buffer.
    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Fills a rectangle (clipped to the buffer) with a character in a style.
    public mutating func fill(_ rect: Rect, with text: String = " ", style: Style = .plain) {
        let left = max(0, rect.x)
        let right = min(width, rect.maxX)
        guard left < right else { return }
        let cell = Cell(text, style: style)
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in left..<right { put(cell, x: column, y: row) }
        }
    }

    /// Writes text from (x, y), clipped to `maxWidth` columns and to the buffer; returns the columns used.
    /// The text is sanitised first; a wide character that does not fit entirely is replaced by a space.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(maxWidth ?? Int.max, width - x)
        guard limit > 0 else { return 0 }
        if let used = writePrintableASCII(text, x: x, y: y, style: style, limit: limit) { return used }
        var used = 0
        var insideNamedMark = false
        for character in TerminalText.sanitize(text) {
            let columns = CharacterWidth.of(character)
            if columns == 0 {
                continue
            }
            if used + columns > limit {
                if used < limit { self[x + used, y] = Cell(" ", style: style) ; used += 1 }
                break
            }
            let isMark = TerminalText.isMark(character)
            let cellStyle = (isMark || insideNamedMark) ? (markStyle ?? style) : style
            if isMark, character.unicodeScalars.first == TerminalText.markOpen { insideNamedMark = true }
            if isMark, character.unicodeScalars.first == TerminalText.markClose { insideNamedMark = false }
            let column = x + used
            if column >= 0 {
                self[column, y] = Cell(String(character), style: cellStyle)
                if columns == 2 { self[column + 1, y] = Cell("", style: cellStyle) }
            }
            used += columns
        }
        return used
    }

    /// `write` for text that is all printable ASCII (most of a table: IDs, numbers, names): nothing to sanitise, no
    /// marks, one column per byte, so no grapheme breaking or width lookup per character. Nil for any other text.
    private mutating func writePrintableASCII(_ text: String, x: Int, y: Int, style: Style, limit: Int) -> Int? {
        guard TerminalText.isPrintableASCII(text) else { return nil }
        var used = 0
        for byte in text.utf8 {
            if used == limit { break }
            // Left of the buffer (x < 0) the subscript stores nothing, but the column still counts as used.
            self[x + used, y] = Cell(Self.asciiText[Int(byte &- 0x20)], style: style)
            used += 1
        }
        return used
    }

    /// The one-character strings of the printable ASCII bytes 0x20…0x7E, in order (small strings: no allocation).
    private static let asciiText: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// Writes text truncated with an ellipsis when it is wider than `width` columns, padded with spaces to `width`.
    @discardableResult
    public mutating func write(
        _ text: String, in rect: Rect, style: Style = .plain, alignment: Alignment = .left, ellipsis: String = "…"
    ) -> Int {
        guard rect.height > 0, rect.width > 0 else { return 0 }
        let fitted = TextLayout.fit(TerminalText.sanitize(text), width: rect.width, alignment: alignment, ellipsis: ellipsis)
        return write(fitted, x: rect.x, y: rect.y, style: style, maxWidth: rect.width)
    }

    /// Changes the style of every cell in a rectangle, keeping the characters.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let left = max(0, rect.x)
        let right = min(width, rect.maxX)
        guard left < right else { return }
        for row in max(0, rect.y)..<min(height, rect.maxY) {
            for column in left..<right { cells[row * width + column].style = transform(cells[row * width + column].style) }
        }
    }

    /// The characters of one row, without styles (continuation cells omitted), for tests and text output.
    public func line(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        return cells[(row * width)..<(row * width + width)].map(\.text).joined()
    }

    /// All rows as text, trailing spaces trimmed.
    public var lines: [String] {
        (0..<height).map { row in
            var text = line(row)
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
    }

    /// The runs of cells that differ from `previous`, in screen order. Every cell is a change when sizes differ.
    public func changes(since previous: Buffer?) -> [BufferChange] {
        var result: [BufferChange] = []
        let sameSize = previous.map { $0.width == width && $0.height == height } ?? false
        for row in 0..<height {
            var column = 0
            while column < width {
                let index = row * width + column
                if sameSize, let previous, previous.cells[index] == cells[index] {
                    column += 1
                    continue
                }
                var end = column + 1
                while end < width {
                    let next = row * width + end
                    if sameSize, let previous, previous.cells[next] == cells[next] { break }
                    end += 1
                }
                // A run never starts on the right half of a wide character.
                var start = column
                if cells[index].isContinuation, start > 0 { start -= 1 }
                if let last = result.last, last.y == row, last.x + last.cells.count > start {
                    start = last.x + last.cells.count
                }
                if start < end {
                    result.append(BufferChange(x: start, y: row, cells: Array(cells[(row * width + start)..<(row * width + end)])))
                }
                column = end
            }
        }
        return result
    }
}

/// A horizontal run of cells that changed.
public struct BufferChange: Sendable, Equatable {
    /// First column.
    public var x: Int
    /// Row.
    public var y: Int
    /// The new cells, left to right.
    public var cells: [Cell]

    /// Creates a change run.
    public init(x: Int, y: Int, cells: [Cell]) {
        self.x = x
        self.y = y
        self.cells = cells
    }
}

/// Horizontal placement of text in a wider field.
public enum Alignment: Sendable {
    /// Flush left.
    case left
    /// Flush right.
    case right
}
