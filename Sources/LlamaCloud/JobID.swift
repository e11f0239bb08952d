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
    package struct Packed: Hashable, Sendable {
        /// The UUID's first 16 hex digits.
        package let high: UInt64
        /// The UUID's last 16 hex digits.
        package let low: UInt64
        /// The prefix's bytes, the first in the lowest byte, zero past its end.
        package let prefix: UInt32
    }

    /// How the ID is held.
    package enum Storage: Hashable, Sendable {
        /// An ID of the API's form.
        case packed(Packed)
        /// Any other ID.
        case text(String)
    }

    /// The ID, packed or as text.
    package let storage: Storage

    /// The ID `text`, packed when it has the form.
    public init(_ text: String) {
        var text = text
        let packed = text.withUTF8 { Self.pack($0) }
        storage = packed.map(Storage.packed) ?? .text(text)
    }

    /// The ID in `bytes` (UTF-8) when it has the packed form, without building a `String`; nil otherwise (the caller
    /// then builds the text and uses `init(_:)`). The page decoder reads each listed job's ID this way.
    package init?(packedUTF8 bytes: UnsafeRawBufferPointer) {
        guard let packed = Self.pack(bytes.assumingMemoryBound(to: UInt8.self)) else { return nil }
        storage = .packed(packed)
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

    /// Orders IDs as their text. Two packed IDs with the same prefix compare as their UUIDs' numbers, which is their
    /// text's order (as many lowercase hex digits each); any other pair builds both texts.
    public static func < (lhs: JobID, rhs: JobID) -> Bool {
        if case .packed(let left) = lhs.storage, case .packed(let right) = rhs.storage, left.prefix == right.prefix {
            return (left.high, left.low) < (right.high, right.low)
        }
        return lhs.description < rhs.description
    }

    /// Bytes of the UUID's text.
    private static let uuidLength = 36
    /// Most bytes of a packed prefix.
    private static let maximumPrefix = 4

    /// The packed form of `bytes`, if they have it. Eight digits at a time: one byte at a time, with a range check
    /// per byte, took ~850 instructions an ID (callgrind, once for every listed job every cycle).
    package static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> Packed? {
        let prefixLength = bytes.count - uuidLength
        guard prefixLength >= 0, prefixLength <= maximumPrefix, let base = bytes.baseAddress else { return nil }
        var prefix: UInt32 = 0
        for index in 0..<prefixLength {
            let byte = base[index]
            guard byte != 0, byte < 0x80 else { return nil }
            prefix |= UInt32(byte) << UInt32(8 * index)
        }
        let uuid = UnsafeRawPointer(base + prefixLength)
        let hyphen = UInt8(ascii: "-")
        guard base[prefixLength + 8] == hyphen, base[prefixLength + 13] == hyphen, base[prefixLength + 18] == hyphen,
            base[prefixLength + 23] == hyphen
        else { return nil }
        // The 32 digits as four words of eight: 0-7, 9-12 and 14-17, 19-22 and 24-27, 28-35.
        func word(_ offset: Int) -> UInt64 { uuid.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        func half(_ offset: Int) -> UInt64 { UInt64(uuid.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        guard let first = hexValue(word(0)), let second = hexValue(half(9) | half(14) << 32),
            let third = hexValue(half(19) | half(24) << 32), let fourth = hexValue(word(28))
        else { return nil }
        return Packed(high: first << 32 | second, low: third << 32 | fourth, prefix: prefix)
    }

    /// The value of eight lowercase hex digits loaded little-endian (the first digit in the lowest byte); nil if any
    /// byte is not one.
    @inline(__always)
    private static func hexValue(_ digits: UInt64) -> UInt64? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // Each byte's high bit set when it lies in [low, high] (all bytes below 0x80, so no carries between bytes).
        func within(_ low: UInt8, _ high: UInt8) -> UInt64 {
            (digits &+ ones &* UInt64(0x80 - low)) & ~(digits &+ ones &* UInt64(0x7F - high)) & highBits
        }
        guard digits & highBits == 0, within(0x30, 0x39) | within(0x61, 0x66) == highBits else { return nil }
        // '0'…'9' are 0x30…0x39 and 'a'…'f' 0x61…0x66: the low four bits, plus 9 for a letter (bit 6).
        let nibbles = (digits & 0x0F0F_0F0F_0F0F_0F0F) &+ ((digits >> 6) & ones) &* 9
        // Pairs, then quads, then the eight, the first digit most significant.
        let pairs = (nibbles & 0x000F_000F_000F_000F) << 4 | (nibbles >> 8) & 0x000F_000F_000F_000F
        let quads = (pairs & 0x0000_00FF_0000_00FF) << 8 | (pairs >> 16) & 0x0000_00FF_0000_00FF
        return (quads & 0xFFFF) << 16 | (quads >> 32) & 0xFFFF
    }

    /// Calls `body` with the ID's text as UTF-8, without building a `String` for a packed ID (its text is written on
    /// the stack): the table filter reads every job's ID at every snapshot while it is set.
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch storage {
        case .text(var text):
            return try text.withUTF8(body)
        case .packed(let packed):
            return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maximumPrefix + Self.uuidLength) {
                buffer in
                let length = Self.write(packed, into: buffer)
                return try body(UnsafeBufferPointer(rebasing: buffer[0..<length]))
            }
        }
    }

    /// The text of a packed ID.
    private static func text(of packed: Packed) -> String {
        String(unsafeUninitializedCapacity: maximumPrefix + uuidLength) { write(packed, into: $0) }
    }

    /// Writes a packed ID's text at the start of `buffer` (at least `maximumPrefix + uuidLength` bytes); returns its
    /// length. Eight digits at a time (`hexDigits`): one digit at a time, the text of 100,000 IDs took a third of
    /// the table filter's pass over every job (perf, `time-reduce 100000 10 default filter=zzz`).
    private static func write(_ packed: Packed, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var prefixLength = 0
        while prefixLength < maximumPrefix, (packed.prefix >> UInt32(8 * prefixLength)) & 0xFF != 0 { prefixLength += 1 }
        guard let base = buffer.baseAddress, buffer.count >= maximumPrefix + uuidLength else { return 0 }
        for index in 0..<prefixLength {
            base[index] = UInt8(truncatingIfNeeded: packed.prefix >> UInt32(8 * index))
        }
        // 8-4-4-4-12 digits: the high word's first 8, then 4 and 4; the low word's first 4, then 12 (4 and 8).
        let text = UnsafeMutableRawPointer(base + prefixLength)
        let first = hexDigits(UInt32(truncatingIfNeeded: packed.high >> 32))
        let second = hexDigits(UInt32(truncatingIfNeeded: packed.high))
        let third = hexDigits(UInt32(truncatingIfNeeded: packed.low >> 32))
        let fourth = hexDigits(UInt32(truncatingIfNeeded: packed.low))
        let hyphen = UInt8(ascii: "-")
        text.storeBytes(of: first.littleEndian, toByteOffset: 0, as: UInt64.self)
        text.storeBytes(of: hyphen, toByteOffset: 8, as: UInt8.self)
        text.storeBytes(of: UInt32(truncatingIfNeeded: second).littleEndian, toByteOffset: 9, as: UInt32.self)
        text.storeBytes(of: hyphen, toByteOffset: 13, as: UInt8.self)
        text.storeBytes(of: UInt32(truncatingIfNeeded: second >> 32).littleEndian, toByteOffset: 14, as: UInt32.self)
        text.storeBytes(of: hyphen, toByteOffset: 18, as: UInt8.self)
        text.storeBytes(of: UInt32(truncatingIfNeeded: third).littleEndian, toByteOffset: 19, as: UInt32.self)
        text.storeBytes(of: hyphen, toByteOffset: 23, as: UInt8.self)
        text.storeBytes(of: UInt32(truncatingIfNeeded: third >> 32).littleEndian, toByteOffset: 24, as: UInt32.self)
        text.storeBytes(of: fourth.littleEndian, toByteOffset: 28, as: UInt64.self)
        return prefixLength + uuidLength
    }

    /// The 8 lowercase hex digits of `value`, most significant first, as a word whose lowest byte is the first digit
    /// (stored `littleEndian`, the digits are in order).
    @inline(__always)
    static func hexDigits(_ value: UInt32) -> UInt64 {
        // One nibble a byte, the last digit in the lowest byte, then the bytes reversed.
        var nibbles = UInt64(value)
        nibbles = (nibbles | nibbles << 16) & 0x0000_FFFF_0000_FFFF
        nibbles = (nibbles | nibbles << 8) & 0x00FF_00FF_00FF_00FF
        nibbles = (nibbles | nibbles << 4) & 0x0F0F_0F0F_0F0F_0F0F
        nibbles = nibbles.byteSwapped
        // 0–9 to "0"–"9"; 10–15 also past "9" by `"a" - "9" - 1` (39) to "a"–"f": a byte is ≥ 10 when adding 6 carries
        // into its bit 4.
        let letters = ((nibbles &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        return nibbles &+ 0x3030_3030_3030_3030 &+ letters &* 39
    }
}
