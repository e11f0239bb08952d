/// A parsed TOML value as a plain `Sendable` tree.
public indirect enum TOMLNode: Sendable, Equatable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A floating-point number.
    case float(Double)
    /// A boolean.
    case boolean(Bool)
    /// An array.
    case array([TOMLNode])
    /// A table (standard or inline).
    case table([String: TOMLNode])
    /// A date, time or date-time (never valid in batchtop's files), with its TOML type name.
    case other(String)

    /// How a message names this kind of value, e.g. "a string".
    public var kindDescription: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a number"
        case .boolean: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        case .other(let name): return "a \(name)"
        }
    }

    /// The value as it would be written in a message: strings quoted, others in TOML form.
    public var shortDescription: String {
        switch self {
        case .string(let text): return "\"\(text)\""
        case .integer(let value): return String(value)
        case .float(let value): return String(value)
        case .boolean(let value): return String(value)
        case .array(let items): return "[" + items.map(\.shortDescription).joined(separator: ", ") + "]"
        case .table: return "a table"
        case .other(let name): return "a \(name)"
        }
    }
}
