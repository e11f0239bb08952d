/// The line of every key in a TOML text. `TOMLDocument` returns values without positions, so this scans the
/// text itself: it follows `[table]` headers, reads each `key =` (bare, "quoted", 'literal' or dotted)
/// at the start of a line, and skips multi-line strings and arrays, so a key's full path maps to its line.
/// Keys inside an inline table share the line of the key that holds the table.
public struct KeyLineIndex: Sendable {
    private var lines: [[String]: Int] = [:]

    /// Indexes the keys of `text`.
    public init(text: String) {
        var scanner = Scanner()
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            for path in scanner.keys(in: Array(line)) where lines[path] == nil { lines[path] = offset + 1 }
        }
    }

    /// The line of the key at `path` (table names then key parts), or of its nearest enclosing table.
    public func line(of path: [String]) -> Int? {
        var candidate = path
        while !candidate.isEmpty {
            if let line = lines[candidate] { return line }
            candidate.removeLast()
        }
        return nil
    }

    /// Line-by-line state: the current table and whether a multi-line value is still open.
    private struct Scanner {
        var table: [String] = []
        var openBrackets = 0
        var openString: [Character]?

        /// The full paths of the keys (and table headers) that `line` defines.
        mutating func keys(in line: [Character]) -> [[String]] {
            var index = 0
            if let delimiter = openString {
                guard let end = find(delimiter, in: line, from: 0) else { return [] }
                openString = nil
                scanValue(line, from: end + delimiter.count)
                return []
            }
            if openBrackets > 0 {
                scanValue(line, from: 0)
                return []
            }
            while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
            guard index < line.count, line[index] != "#" else { return [] }
            if line[index] == "[" {
                index += (index + 1 < line.count && line[index + 1] == "[") ? 2 : 1
                guard let (path, _) = Self.parseKey(line, from: index) else { return [] }
                table = path
                return [path]
            }
            guard let (path, end) = Self.parseKey(line, from: index), end < line.count, line[end] == "=" else { return [] }
            scanValue(line, from: end + 1)
            return [table + path]
        }

        /// Follows strings, brackets and comments of a value so that multi-line values are skipped.
        private mutating func scanValue(_ line: [Character], from start: Int) {
            var index = start
            while index < line.count {
                let character = line[index]
                if character == "#" { return }
                if character == "\"" || character == "'" {
                    let triple = [Character](repeating: character, count: 3)
                    if Array(line[index..<min(line.count, index + 3)]) == triple {
                        guard let end = find(triple, in: line, from: index + 3) else {
                            openString = triple
                            return
                        }
                        index = end + 3
                        continue
                    }
                    index = Self.endOfString(line, from: index)
                    continue
                }
                if character == "[" || character == "{" { openBrackets += 1 }
                if character == "]" || character == "}" { openBrackets = max(0, openBrackets - 1) }
                index += 1
            }
        }

        private func find(_ needle: [Character], in line: [Character], from start: Int) -> Int? {
            guard start <= line.count - needle.count else { return nil }
            return (start...(line.count - needle.count)).first { Array(line[$0..<($0 + needle.count)]) == needle }
        }

        /// Reads a dotted key starting at `start`; returns its parts and the index after it (and its spaces).
        static func parseKey(_ line: [Character], from start: Int) -> ([String], Int)? {
            var parts: [String] = []
            var index = start
            while true {
                while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
                guard index < line.count else { return nil }
                let character = line[index]
                if character == "\"" || character == "'" {
                    let end = endOfString(line, from: index)
                    guard end <= line.count, end - index >= 2 else { return nil }
                    parts.append(unquote(Array(line[(index + 1)..<(end - 1)]), literal: character == "'"))
                    index = end
                } else {
                    let begin = index
                    while index < line.count, line[index].isLetter || line[index].isNumber || line[index] == "_" || line[index] == "-" {
                        index += 1
                    }
                    guard index > begin else { return nil }
                    parts.append(String(line[begin..<index]))
                }
                while index < line.count, line[index] == " " || line[index] == "\t" { index += 1 }
                guard index < line.count, line[index] == "." else { return (parts, index) }
                index += 1
            }
        }

        /// The index just after the string that opens at `start` (past the end of the line when unterminated).
        static func endOfString(_ line: [Character], from start: Int) -> Int {
            let quote = line[start]
            var index = start + 1
            while index < line.count {
                if quote == "\"", line[index] == "\\" {
                    index += 2
                    continue
                }
                if line[index] == quote { return index + 1 }
                index += 1
            }
            return line.count + 1
        }

        private static func unquote(_ body: [Character], literal: Bool) -> String {
            guard !literal else { return String(body) }
            var result = ""
            var index = 0
            while index < body.count {
                if body[index] == "\\", index + 1 < body.count {
                    let escaped = body[index + 1]
                    switch escaped {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    default: result.append(escaped)
                    }
                    index += 2
                } else {
                    result.append(body[index])
                    index += 1
                }
            }
            return result
        }
    }
}
