import FoundationEssentials

/// Tolerant field decoding shared by the wire models: numbers that arrive as floats, dates that do not parse,
/// and nulls all degrade to a usable value instead of failing the whole payload.
///
/// Each tries the expected type first and returns its answer unless it threw: nil there means absent or null, for
/// which every other type would say nil too, so the other types are tried only after a type mismatch (a list page
/// of 100 jobs each missing four optional fields used to make twelve lookups per job for nothing).
extension KeyedDecodingContainer {
    /// Decodes an integer that may arrive as `3`, `3.0` or `"3"`; nil when absent, null or not a number.
    func lenientInt(_ key: Key) -> Int? {
        do { return try decodeIfPresent(Int.self, forKey: key) } catch {}
        if let value = try? decodeIfPresent(Double.self, forKey: key), value.isFinite,
            abs(value) < 9.0e15
        {
            return Int(value)
        }
        if let text = try? decodeIfPresent(String.self, forKey: key) { return Int(text) }
        return nil
    }

    /// Decodes a floating-point number that may arrive as a number or a numeric string.
    func lenientDouble(_ key: Key) -> Double? {
        do {
            let value = try decodeIfPresent(Double.self, forKey: key)
            return value.flatMap { $0.isFinite ? $0 : nil }
        } catch {}
        if let text = try? decodeIfPresent(String.self, forKey: key), let value = Double(text), value.isFinite {
            return value
        }
        return nil
    }

    /// Decodes a string that may also arrive as a number or boolean; nil when absent or null.
    func lenientString(_ key: Key) -> String? {
        do { return try decodeIfPresent(String.self, forKey: key) } catch {}
        if let value = try? decodeIfPresent(Int.self, forKey: key) { return String(value) }
        if let value = try? decodeIfPresent(Double.self, forKey: key) { return String(value) }
        if let value = try? decodeIfPresent(Bool.self, forKey: key) { return String(value) }
        return nil
    }

    /// Decodes an ISO 8601 date-time string; nil when absent, null or unparseable (a bad date never drops a job).
    func lenientDate(_ key: Key) -> Date? {
        guard let text = try? decodeIfPresent(String.self, forKey: key) else { return nil }
        return ISO8601Timestamp.parse(text)
    }

    /// Decodes a required string, accepting numbers too; throws `keyNotFound` when absent or null.
    func requiredString(_ key: Key) throws -> String {
        guard let value = lenientString(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "required field \(key.stringValue) is missing"))
        }
        return value
    }
}

extension KeyedEncodingContainer {
    /// Encodes an optional date as an ISO 8601 string, omitting the key when nil.
    mutating func encodeDate(_ date: Date?, forKey key: Key) throws {
        if let date { try encode(ISO8601Timestamp.format(date), forKey: key) }
    }
}
