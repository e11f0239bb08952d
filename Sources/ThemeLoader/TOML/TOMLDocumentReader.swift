/// Reads a whole TOML document line by line: key/value pairs, `[table]` and `[[array of tables]]` headers, into
/// a tree of `TOMLTableDraft`s.
struct TOMLDocumentReader {
    /// Where reading is.
    private var cursor: TOMLCursor
    /// The top-level table.
    private let root = TOMLTableDraft()
    /// The table the last header opened (the root before any header).
    private var current: TOMLTableDraft
    /// The last header's path.
    private var currentPath: [String] = []
    /// The number of headers read so far, which tells dotted keys of different sections apart.
    private var section = 0

    /// A reader at the start of `text`.
    init(text: String) {
        cursor = TOMLCursor(text: text)
        current = root
    }

    /// Reads the document to its end.
    mutating func read() throws(TOMLDocument.SyntaxError) -> [String: TOMLNode] {
        while true {
            cursor.skipWhitespace()
            try cursor.skipComment()
            if cursor.isAtEnd { return root.node() }
            if cursor.skipNewline() { continue }
            if let byte = cursor.peek(), TOMLCursor.isForbiddenControl(byte) {
                throw cursor.error(TOMLCursor.describeControl(byte) + " outside a string")
            }
            if cursor.peek() == UInt8(ascii: "[") {
                try readHeader()
            } else {
                try readKeyValue()
            }
        }
    }

    /// `key = value`, added to the current table.
    private mutating func readKeyValue() throws(TOMLDocument.SyntaxError) {
        let keyStart = cursor.index
        let key = try cursor.readKey()
        try cursor.checkDepth(currentPath.count + key.count - 1)
        guard cursor.peek() == UInt8(ascii: "=") else {
            let found = cursor.describeNext()
            throw cursor.error("expected '=' after the key '\(TOMLTableDraft.display(key))', found \(found)")
        }
        cursor.advance()
        cursor.skipWhitespace()
        let value = try cursor.readValue(depth: currentPath.count + key.count - 1)
        do {
            try current.setValue(value, at: key, section: section, prefix: currentPath)
        } catch {
            throw cursor.error(error.message, at: keyStart)
        }
        try cursor.expectLineEnd(after: "the value of '\(TOMLTableDraft.display(key))'")
    }

    /// `[path]` or `[[path]]`, which makes its table the current one.
    private mutating func readHeader() throws(TOMLDocument.SyntaxError) {
        let start = cursor.index
        let isArray = cursor.looksAt("[[")
        cursor.advance(isArray ? 2 : 1)
        let path = try cursor.readKey()
        try cursor.checkDepth(path.count)
        let closing = isArray ? "]]" : "]"
        guard cursor.looksAt(closing) else {
            throw cursor.error("expected '\(closing)' to close the table header, found \(cursor.describeNext())")
        }
        cursor.advance(closing.utf8.count)
        do {
            current = isArray ? try root.appendTable(path) : try root.declareTable(path)
        } catch {
            throw cursor.error(error.message, at: start)
        }
        currentPath = path
        section += 1
        try cursor.expectLineEnd(after: "the table header")
    }
}
