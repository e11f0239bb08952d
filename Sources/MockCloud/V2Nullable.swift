import FoundationEssentials

/// A value that is encoded as JSON `null` when absent (instead of leaving its key out).
struct V2Nullable<Wrapped: Encodable & Sendable>: Encodable, Sendable {
    /// The value, or nil for `null`.
    let value: Wrapped?

    /// Wraps a value (nil encodes as `null`).
    init(_ value: Wrapped?) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
