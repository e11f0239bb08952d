import LlamaCloud

extension JobID {
    /// The table's seeded hash of the ID (see `IDHash`): the same for equal IDs.
    var tableHash: UInt64 {
        switch storage {
        case .text(let text): return IDHash.hash(text)
        case .packed(let packed): return IDHash.hash(packed.high, packed.low, packed.prefix)
        }
    }
}
