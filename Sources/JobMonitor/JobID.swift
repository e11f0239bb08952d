/// A job's ID, kept without an allocation when it has the API's form: a short prefix and a lowercase UUID
/// (`bjb-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`, `bat-…`), 20 bytes inline; any other ID is kept as its `String`.
///
/// The beta API's job IDs are `bjb-` and a UUID, 40 characters: as a `String` each took a 96-byte allocation (a
/// 32-byte header, the bytes and a NUL), 9.6 MB for 100,000 jobs, on top of the identity holding it. Packed, the ID
/// sits in the identity's own allocation (`JobIdentity`). Equal IDs are equal `JobID`s: an ID of the packed form is
/// always packed, so a packed and a text `JobID` are never the same ID. (The one exception is text that only
/// Unicode calls equal to a packed ID, such as a Kelvin sign for a `K` in the prefix: it is another ID to the server
/// too.) Reading it back as a `String` (`description`) builds one; the poller, the table and the dashboard's passes
/// over every job compare and hash `JobID`s instead.
public struct JobID: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// A prefix of up to four non-NUL ASCII bytes and a UUID's 128 bits.
    struct Packed: Hashable, Sendable {
        /// The UUID's first 16 hex digits.
        let high: UInt64
        /// The UUID's last 16 hex digits.
        let low: UInt64
        /// The prefix's bytes, the first in the lowest byte, zero past its end.
        let prefix: UInt32
    }

    /// How the ID is held.
    enum Storage: Hashable, Sendable {
        case packed(Packed)
        case text(String)
    }

    /// The ID, packed or as text.
    let storage: Storage

    /// The ID `text`, packed when it has the form.
    public init(_ text: String) {
        var text = text
        let packed = text.withUTF8 { Self.pack($0) }
        storage = packed.map(Storage.packed) ?? .text(text)
    }

    /// The ID written as a literal.
    public init(stringLiteral text: String) {
        self.init(text)
    }

    /// The ID as text.
    public var description: String {
        switch storage {
        case .text(let text): return text
        case .packed(let packed): return Self.text(of: packed)
        }
    }

    /// True when the ID is `text` (compared without building a `String` when it is packed).
    public func equals(_ text: String) -> Bool {
        switch storage {
        case .text(let own): return own == text
        case .packed(let packed):
            var text = text
            return text.withUTF8 { Self.pack($0) } == packed
        }
    }

    /// Orders IDs as their text (builds both: for ties in rare paths, not for sorting many).
    public static func < (lhs: JobID, rhs: JobID) -> Bool { lhs.description < rhs.description }

    /// The table's seeded hash of the ID (see `IDHash`): the same for equal IDs.
    var tableHash: UInt64 {
        switch storage {
        case .text(let text): return IDHash.hash(text)
        case .packed(let packed): return IDHash.hash(packed.high, packed.low, packed.prefix)
        }
    }

    /// Bytes of the UUID's text.
    private static let uuidLength = 36
    /// Most bytes of a packed prefix.
    private static let maximumPrefix = 4

    /// The packed form of `bytes`, if they have it.
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> Packed? {
        let prefixLength = bytes.count - uuidLength
        guard prefixLength >= 0, prefixLength <= maximumPrefix else { return nil }
        var prefix: UInt32 = 0
        for index in 0..<prefixLength {
            let byte = bytes[index]
            guard byte != 0, byte < 0x80 else { return nil }
            prefix |= UInt32(byte) << UInt32(8 * index)
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        for offset in 0..<uuidLength {
            let byte = bytes[prefixLength + offset]
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if digits < 16 {
                high = high << 4 | UInt64(value)
            } else {
                low = low << 4 | UInt64(value)
            }
            digits += 1
        }
        return Packed(high: high, low: low, prefix: prefix)
    }

    /// The text of a packed ID.
    private static func text(of packed: Packed) -> String {
        var prefixLength = 0
        while prefixLength < maximumPrefix, (packed.prefix >> UInt32(8 * prefixLength)) & 0xFF != 0 { prefixLength += 1 }
        return String(unsafeUninitializedCapacity: prefixLength + uuidLength) { buffer in
            for index in 0..<prefixLength {
                buffer[index] = UInt8(truncatingIfNeeded: packed.prefix >> UInt32(8 * index))
            }
            var digit = 0
            for offset in 0..<uuidLength {
                if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                    buffer[prefixLength + offset] = UInt8(ascii: "-")
                    continue
                }
                let word = digit < 16 ? packed.high : packed.low
                let shift = UInt64(4 * (15 - digit % 16))
                let value = UInt8(truncatingIfNeeded: (word >> shift) & 0xF)
                buffer[prefixLength + offset] = value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
                digit += 1
            }
            return prefixLength + uuidLength
        }
    }
}
