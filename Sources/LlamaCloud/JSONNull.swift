/// JSON's `null` among the plain values `JSONText` writes (what `NSNull` was, without linking Foundation).
public struct JSONNull: Sendable, Equatable {
    /// The null value.
    public init() {}
}
