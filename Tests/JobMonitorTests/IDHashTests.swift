import Foundation
import Testing

@testable import JobMonitor

/// The job table's ID hash: equal IDs hash equally whatever their storage or normal form, every byte counts, and
/// real-looking IDs spread over the buckets.
@Suite("IDHash: the job table's hash of an ID")
struct IDHashTests {
    @Test("equal IDs hash equally: small and large, built different ways, and non-ASCII in either normal form")
    func equalIDsHashEqually() {
        let pairs: [(String, String)] = [
            ("", String()),
            ("bjb-1", "bjb-" + String(1)),
            ("0f8c2a1e-9b7d-4c3a-8e2f-1a2b3c4d5e6f", String("x0f8c2a1e-9b7d-4c3a-8e2f-1a2b3c4d5e6f".dropFirst())),
            ("job-\u{E9}t\u{E9}", "job-e\u{301}te\u{301}"),  // precomposed and decomposed: equal strings
            ("caf\u{E9}-0123456789abcdef", "cafe\u{301}-0123456789abcdef"),
        ]
        for (left, right) in pairs {
            #expect(left == right)
            #expect(IDHash.hash(left) == IDHash.hash(right), "\(left.debugDescription)")
        }
    }

    @Test("changing any one byte of an ASCII ID changes its hash, at every length up to 40")
    func everyByteCounts() {
        for length in 1...40 {
            let id = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            let base = IDHash.hash(id)
            for position in 0..<length {
                var bytes = Array(id.utf8)
                bytes[position] = bytes[position] == 0x30 ? 0x31 : 0x30
                let changed = String(decoding: bytes, as: UTF8.self)
                #expect(IDHash.hash(changed) != base, "length \(length), byte \(position)")
            }
            // A longer ID that starts the same (a zero byte where the shorter one ended) hashes differently too.
            #expect(IDHash.hash(id + "\u{0}") != base, "length \(length)")
        }
    }

    @Test("100,000 UUID-shaped IDs spread over 2^18 buckets about as well as random numbers would")
    func spreadsUUIDs() {
        let buckets = 1 << 18
        var load = [Int](repeating: 0, count: buckets)
        var generator = SystemRandomNumberGenerator()
        _ = generator.next()
        for serial in 0..<100_000 {
            // Sequential IDs, the hard case for a weak hash: only a few characters differ from one to the next.
            let id = String(format: "00000000-0000-4000-8000-%012x", serial)
            load[Int(truncatingIfNeeded: IDHash.hash(id)) & (buckets - 1)] += 1
        }
        let used = load.filter { $0 > 0 }.count
        // Random placement of 100,000 into 262,144 buckets leaves ~83,000 used; a poor hash clusters far below that.
        #expect(used > 80_000, "\(used) buckets used")
        #expect((load.max() ?? 0) <= 8)
    }
}
