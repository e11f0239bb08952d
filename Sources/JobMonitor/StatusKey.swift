import FoundationEssentials

/// A status in 4 bytes, for telling whether it changed: its one-byte code in the low byte, and for an unknown status a
/// 24-bit hash of its word above it (two different unknown words with equal hashes would read as no change, about one
/// pair in sixteen million; all that hangs on it is when `ProgressHistory.statusSince` restarts).
///
/// Four bytes, not eight: with them `ProgressHistory` keeps its rate (`cachedRate`) and still fits a job's 112-byte
/// history box.
struct StatusKey: Sendable, Equatable {
    private let bits: UInt32

    init(_ status: JobStatus) {
        var hash: UInt32 = 0
        if case .other(let word) = status {
            hash = UInt32(truncatingIfNeeded: word.hashValue) & 0x00FF_FFFF
        }
        bits = hash << 8 | UInt32(status.code)
    }
}
