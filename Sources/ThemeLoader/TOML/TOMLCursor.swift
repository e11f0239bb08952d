import TextTools

/// A position in the UTF-8 bytes of a TOML text, with the low-level reading every part of the parser shares:
/// whitespace, comments, line ends, and errors located by line and column.
struct TOMLCursor {
    /// The text's UTF-8 bytes.
    let bytes: [UInt8]
    /// The index of the next byte to read.
    var index = 0

    /// A cursor at the start of `text`, after a byte-order mark if there is one.
    init(text: String) {
        bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// True when every byte has been read.
    var isAtEnd: Bool { index >= bytes.count }

    /// The byte `offset` places ahead, or nil past the end.
    func peek(_ offset: Int = 0) -> UInt8? {
        let position = index + offset
        return position < bytes.count ? bytes[position] : nil
    }

    /// True when the bytes ahead are `prefix`.
    func looksAt(_ prefix: String) -> Bool {
        var offset = 0
        for byte in prefix.utf8 {
            guard peek(offset) == byte else { return false }
            offset += 1
        }
        return true
    }

    /// Moves past `count` bytes.
    mutating func advance(_ count: Int = 1) {
        index = min(bytes.count, index + count)
    }

    /// Skips spaces and tabs.
    mutating func skipWhitespace() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
    }

    /// True at a line end: `\n` or `\r\n`.
    var isAtNewline: Bool {
        peek() == UInt8(ascii: "\n") || (peek() == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n"))
    }

    /// Moves past a line end, if the cursor is at one; says whether it was.
    mutating func skipNewline() -> Bool {
        if peek() == UInt8(ascii: "\n") {
            index += 1
            return true
        }
        if peek() == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") {
            index += 2
            return true
        }
        return false
    }

    /// Skips a `#` comment up to (not including) the line end; rejects control characters in it.
    mutating func skipComment() throws(TOMLDocument.SyntaxError) {
        guard peek() == UInt8(ascii: "#") else { return }
        index += 1
        while let byte = peek(), !isAtNewline {
            if Self.isForbiddenControl(byte) { throw error(Self.describeControl(byte) + " in a comment") }
            index += 1
        }
    }

    /// Skips whitespace, comments and line ends, as allowed between the values of an array.
    mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLDocument.SyntaxError) {
        while true {
            skipWhitespace()
            try skipComment()
            guard skipNewline() else { return }
        }
    }

    /// After a key/value pair or a table header: only whitespace, a comment, then a line end or the end of the text.
    mutating func expectLineEnd(after what: String) throws(TOMLDocument.SyntaxError) {
        skipWhitespace()
        try skipComment()
        guard isAtEnd || skipNewline() else {
            throw error("expected the end of the line after \(what), found \(describeNext())")
        }
    }

    /// True for the control characters TOML forbids outside strings' escapes (all but tab; DEL too).
    static func isForbiddenControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F
    }

    /// How a message names a control character, e.g. "the control character U+0000".
    static func describeControl(_ byte: UInt8) -> String {
        if byte == UInt8(ascii: "\r") { return "a carriage return not followed by a line feed" }
        return "the control character U+" + String(cFormat: "%04X", UInt32(byte))
    }

    /// How a message names what comes next: "the end of the file", "a line end", or the character quoted.
    func describeNext() -> String {
        guard let byte = peek() else { return "the end of the file" }
        if isAtNewline { return "a line end" }
        if Self.isForbiddenControl(byte) { return Self.describeControl(byte) }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'" + String(decoding: bytes[index..<end], as: UTF8.self) + "'"
    }

    /// An error at the cursor.
    func error(_ message: String) -> TOMLDocument.SyntaxError {
        error(message, at: index)
    }

    /// An error at byte `position`: its 1-based line, and its 1-based column counted in characters (code points).
    func error(_ message: String, at position: Int) -> TOMLDocument.SyntaxError {
        var line = 1
        var column = 1
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for byte in bytes[start..<max(start, min(position, bytes.count))] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return TOMLDocument.SyntaxError(line: line, column: column, message: message)
    }
}
