import Foundation

/// The machine-readable schema of `docs/jsonl-events.md`, and a checker for one line of `--format jsonl` output.
struct JSONLSchema {
    /// Keys and types per event name.
    let events: [String: [String: String]]
    /// Keys and types of the `job` object.
    let job: [String: String]
    /// Keys and types of one entry of `changes` (`from`/`to` may be absent).
    let change: [String: String]

    /// Reads the first ```json block after the "Machine-readable schema" heading of `docs/jsonl-events.md`.
    static func load() throws -> JSONLSchema {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/jsonl-events.md"), encoding: .utf8)
        guard let heading = text.range(of: "## Machine-readable schema"),
            let open = text.range(of: "```json\n", range: heading.upperBound..<text.endIndex),
            let close = text.range(of: "```", range: open.upperBound..<text.endIndex)
        else { throw Shell.Failure(description: "no schema block in docs/jsonl-events.md") }
        let object = try JSONSerialization.jsonObject(with: Data(text[open.upperBound..<close.lowerBound].utf8))
        guard let root = object as? [String: Any], let events = root["events"] as? [String: [String: String]],
            let job = root["job"] as? [String: String], let change = root["change"] as? [String: String]
        else { throw Shell.Failure(description: "the schema block has not the expected shape") }
        return JSONLSchema(events: events, job: job, change: change)
    }

    /// The problems of one output line (empty when it matches).
    func problems(of line: String) -> [String] {
        guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)), case .object(let object) = parsed
        else { return ["not a JSON object: \(line)"] }
        guard case .string(let name)? = object["event"], let keys = events[name] else {
            return ["unknown event: \(line)"]
        }
        var problems = check(object, against: keys, optionalWhenNullable: false, context: name)
        if case .object(let job)? = object["job"] {
            problems += check(job, against: self.job, optionalWhenNullable: false, context: "\(name).job")
        }
        if case .array(let entries)? = object["changes"] {
            for entry in entries {
                guard case .object(let fields) = entry else {
                    problems.append("\(name).changes: not an object")
                    continue
                }
                problems += check(fields, against: change, optionalWhenNullable: true, context: "\(name).changes")
            }
        }
        return problems
    }

    private func check(
        _ object: [String: JSONValue], against keys: [String: String], optionalWhenNullable: Bool, context: String
    ) -> [String] {
        var problems: [String] = []
        for key in object.keys where keys[key] == nil { problems.append("\(context): undocumented key \(key)") }
        for (key, type) in keys {
            guard let value = object[key] else {
                if !(optionalWhenNullable && type.hasSuffix("?")) { problems.append("\(context): missing key \(key)") }
                continue
            }
            if !Self.matches(value, type) { problems.append("\(context): \(key) is not \(type): \(value)") }
        }
        return problems
    }

    /// True when a JSON value has the schema type (`string`, `integer`, `number`, `boolean`, `object`, `array`,
    /// `timestamp`, `job`, `any`, `null`; a `?` suffix also allows null).
    static func matches(_ value: JSONValue, _ type: String) -> Bool {
        if case .null = value { return type.hasSuffix("?") || type == "null" }
        switch (type.hasSuffix("?") ? String(type.dropLast()) : type, value) {
        case ("string", .string): return true
        case ("timestamp", .string(let text)):
            return ISO8601DateFormatter().date(from: text) != nil || fractional.date(from: text) != nil
        case ("integer", .number(let number)): return number == number.rounded()
        case ("number", .number): return true
        case ("boolean", .bool): return true
        case ("object", .object), ("job", .object): return true
        case ("array", .array): return true
        case ("any", _): return true
        default: return false
        }
    }

    nonisolated(unsafe) private static let fractional: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}

/// A parsed JSON value that keeps booleans and numbers apart (JSONDecoder never turns one into the other).
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}
