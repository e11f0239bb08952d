import FoundationEssentials

/// A status in 8 bytes, for telling whether it changed: its one-byte code, and for an unknown status a 32-bit hash of
/// its word (two different unknown words with equal hashes would read as no change, about one pair in four billion).
struct StatusKey: Sendable, Equatable {
    private let code: UInt8
    private let wordHash: Int32

    init(_ status: JobStatus) {
        code = status.code
        if case .other(let word) = status {
            wordHash = Int32(truncatingIfNeeded: word.hashValue)
        } else {
            wordHash = 0
        }
    }
}
