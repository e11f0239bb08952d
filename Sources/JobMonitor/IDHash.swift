/// The job table's hash of a job ID: an ASCII ID (every real one) is hashed over its bytes, eight at a time, with a
/// secret per-process seed; any other by `Hasher`.
///
/// `String.hashValue` (SipHash-1-3 over the normalised string) took ~400 instructions for a 36-character ID, once for
/// every listed job every cycle (callgrind). For ASCII, `String` equality is byte equality, so equal IDs still hash
/// equally; a non-ASCII ID (which may equal another with different bytes) takes `Hasher`'s path. The multiply-fold
/// mixing (wyhash's) with a random seed keeps IDs chosen by a hostile server from being made to collide in advance.
enum IDHash {
    /// Secret per process, like `Hasher`'s seed.
    private static let seed = UInt64.random(in: .min ... .max)

    /// The hash of `id`.
    @inline(__always)
    static func hash(_ id: String) -> UInt64 {
        let bytes = id.utf8.withContiguousStorageIfAvailable { hash(ascii: $0) }
        if let hash = bytes ?? nil { return hash }
        return UInt64(truncatingIfNeeded: id.hashValue)
    }

    /// The hash of a packed ID (`JobID.Packed`): its two words and prefix, mixed with the seed.
    @inline(__always)
    static func hash(_ high: UInt64, _ low: UInt64, _ prefix: UInt32) -> UInt64 {
        var state = seed ^ UInt64(prefix) &* 0x9E37_79B9_7F4A_7C15
        state = mix(state ^ high, 0xA076_1D64_78BD_642F)
        state = mix(state ^ low, 0xE703_7ED1_A0B4_28DB)
        return mix(state, 0x8EBC_6AF0_9C88_C6E3)
    }

    /// The hash of `bytes`; nil if any byte is not ASCII.
    static func hash(ascii bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let count = bytes.count
        var state = seed ^ UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = bytes.baseAddress else { return mix(state, 0x8EBC_6AF0_9C88_C6E3) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        var high: UInt64 = 0
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            high |= word
            state = mix(state ^ word, 0xA076_1D64_78BD_642F)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        high |= tail
        guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
        state = mix(state ^ tail, 0xE703_7ED1_A0B4_28DB)
        return mix(state, 0x8EBC_6AF0_9C88_C6E3)
    }

    /// The two halves of the 128-bit product, folded together.
    @inline(__always)
    private static func mix(_ left: UInt64, _ right: UInt64) -> UInt64 {
        let product = left.multipliedFullWidth(by: right)
        return product.high ^ product.low
    }
}
