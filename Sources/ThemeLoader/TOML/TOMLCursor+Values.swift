/// Keys and values: dotted keys, and any value, including arrays and inline tables nested up to `maxDepth`.
extension TOMLCursor {
    /// How deep tables, arrays and inline tables may nest: deeper input is refused, so reading and freeing the
    /// tree never recurses without bound.
    static let maxDepth = 128

    /// Reads a key: bare (`A-Za-z0-9_-`), quoted (`"…"` or `'…'`) parts joined by dots, with whitespace around
    /// the dots; the cursor is left after the key and its trailing whitespace.
    mutating func readKey() throws(TOMLDocument.SyntaxError) -> [String] {
        var parts: [String] = []
        while true {
            skipWhitespace()
            guard let byte = peek() else { throw error("expected a key, found the end of the file") }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                parts.append(try readString(allowMultiLine: false))
            } else {
                let start = index
                while let byte = peek(), Self.isBareKeyByte(byte) { index += 1 }
                guard index > start else {
                    throw error("expected a key (letters, digits, _ and -, or a quoted string), found \(describeNext())")
                }
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ".") else { return parts }
            index += 1
        }
    }

    /// True for the bytes of a bare key.
    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// Reads the value at the cursor; `depth` counts the tables, arrays and inline tables around it.
    mutating func readValue(depth: Int) throws(TOMLDocument.SyntaxError) -> TOMLNode {
        guard let byte = peek(), !isAtNewline else { throw error("expected a value, found \(describeNext())") }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return .string(try readString())
        case UInt8(ascii: "["):
            return try readArray(depth: depth + 1)
        case UInt8(ascii: "{"):
            return try readInlineTable(depth: depth + 1)
        default:
            return try readScalar()
        }
    }

    /// `[ value, value, … ]`: any kinds mixed, line ends and comments between values, a trailing comma allowed.
    private mutating func readArray(depth: Int) throws(TOMLDocument.SyntaxError) -> TOMLNode {
        try checkDepth(depth)
        let start = index
        index += 1
        var items: [TOMLNode] = []
        while true {
            try skipWhitespaceCommentsAndNewlines()
            guard !isAtEnd else { throw error("unterminated array (it starts here)", at: start) }
            if peek() == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            items.append(try readValue(depth: depth))
            try skipWhitespaceCommentsAndNewlines()
            if peek() == UInt8(ascii: ",") {
                index += 1
            } else if peek() != UInt8(ascii: "]") {
                guard !isAtEnd else { throw error("unterminated array (it starts here)", at: start) }
                throw error("expected ',' or ']' in the array, found \(describeNext())")
            }
        }
    }

    /// `{ key = value, … }` on one line, without a trailing comma; dotted keys make nested tables.
    private mutating func readInlineTable(depth: Int) throws(TOMLDocument.SyntaxError) -> TOMLNode {
        try checkDepth(depth)
        let start = index
        index += 1
        let table = TOMLTableDraft()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .table([:])
        }
        while true {
            skipWhitespace()
            guard !isAtEnd else { throw error("unterminated inline table (it starts here)", at: start) }
            if isAtNewline { throw error("a line end inside an inline table (an inline table stays on one line)") }
            if peek() == UInt8(ascii: "}") { throw error("a trailing comma before '}' (not allowed in an inline table)") }
            let keyStart = index
            let key = try readKey()
            try checkDepth(depth + key.count - 1)
            guard peek() == UInt8(ascii: "=") else {
                throw error("expected '=' after the key '\(TOMLTableDraft.display(key))', found \(describeNext())")
            }
            index += 1
            skipWhitespace()
            let value = try readValue(depth: depth + key.count - 1)
            do {
                try table.setValue(value, at: key, section: 0)
            } catch {
                throw self.error(error.message, at: keyStart)
            }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .table(table.node())
            case nil:
                throw error("unterminated inline table (it starts here)", at: start)
            default:
                if isAtNewline { throw error("a line end inside an inline table (an inline table stays on one line)") }
                throw error("expected ',' or '}' in the inline table, found \(describeNext())")
            }
        }
    }

    /// Refuses nesting deeper than `maxDepth`.
    func checkDepth(_ depth: Int) throws(TOMLDocument.SyntaxError) {
        guard depth <= Self.maxDepth else {
            throw error("nested too deeply (more than \(Self.maxDepth) levels of tables, arrays and inline tables)")
        }
    }
}
