import TOMLKit

/// Parses TOML text with TOMLKit and converts it to `TOMLNode`s.
public enum TOMLDocument {
    /// A TOML syntax error, positioned by TOMLKit (1-based line and column).
    public struct SyntaxError: Error, Sendable, Equatable {
        /// The line of the error.
        public var line: Int
        /// The column of the error.
        public var column: Int
        /// TOMLKit's description of the error.
        public var message: String
    }

    /// The top-level table of `text`, or the syntax error that stops it being TOML.
    public static func parse(_ text: String) throws(SyntaxError) -> [String: TOMLNode] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw SyntaxError(line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw SyntaxError(line: 1, column: 1, message: String(describing: error))
        }
        return convert(table)
    }

    private static func convert(_ table: TOMLTable) -> [String: TOMLNode] {
        var result: [String: TOMLNode] = [:]
        for (key, value) in table { result[key] = convert(value) }
        return result
    }

    private static func convert(_ value: TOMLValueConvertible) -> TOMLNode {
        switch value.type {
        case .string: return value.string.map(TOMLNode.string) ?? .other("string")
        case .int: return value.int.map(TOMLNode.integer) ?? .other("integer")
        case .double: return value.double.map(TOMLNode.float) ?? .other("number")
        case .bool: return value.bool.map(TOMLNode.boolean) ?? .other("boolean")
        case .table: return value.table.map { .table(convert($0)) } ?? .other("table")
        case .array: return value.array.map { .array($0.map(convert)) } ?? .other("array")
        case .date: return .other("date")
        case .time: return .other("time")
        case .dateTime: return .other("date-time")
        }
    }
}
