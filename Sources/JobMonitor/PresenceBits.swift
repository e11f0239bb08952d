import FoundationEssentials

/// Which of up to eight optional fields of a struct are present, for structs that store those fields unwrapped.
///
/// An `Int?`, `Double?` or `Date?` stored property takes 16 bytes (8 and a tag, padded); unwrapped with a bit here it
/// takes 8. `Job`, `TrackedJob`'s fields and `JobMetrics` are held once by the poller and once by the snapshot on
/// screen, for every job, so at 100,000 jobs this is worth a few megabytes. An absent field stores `absent` (0), so
/// the owner's synthesised equality stays exact.
struct PresenceBits: Sendable, Hashable {
    private var bits: UInt8 = 0

    /// The stored value of field `bit` if it is present.
    func value<Value>(_ stored: Value, _ bit: Int) -> Value? {
        bits & (1 << bit) != 0 ? stored : nil
    }

    /// Marks field `bit` present or absent and gives what to store for it (`absent` when nil).
    mutating func store<Value>(_ value: Value?, _ bit: Int, absent: Value) -> Value {
        guard let value else {
            bits &= ~(1 << bit)
            return absent
        }
        bits |= 1 << bit
        return value
    }

    /// True when field `bit` is present.
    @inline(__always)
    func contains(_ bit: Int) -> Bool { bits & (1 << bit) != 0 }

    /// Marks field `bit` present or absent.
    @inline(__always)
    mutating func set(_ bit: Int, present: Bool) {
        bits = present ? bits | 1 << bit : bits & ~(1 << bit)
    }

    /// The stored seconds of date field `bit` as a date, if it is present.
    func date(_ seconds: TimeInterval, _ bit: Int) -> Date? {
        value(seconds, bit).map(Date.init(timeIntervalSinceReferenceDate:))
    }

    /// Marks date field `bit` present or absent and gives the seconds to store (0 when absent).
    mutating func store(_ date: Date?, _ bit: Int) -> TimeInterval {
        store(date?.timeIntervalSinceReferenceDate, bit, absent: 0)
    }
}
