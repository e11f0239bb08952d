import Testing

@testable import JobMonitor
import LlamaCloud

/// `JobID`: an ID of the API's form (a short prefix and a lowercase UUID) is packed into 20 bytes and reads back as
/// the same text; any other is kept as text. Equality and the table's hash must agree with the IDs' text.
@Suite("JobID: IDs packed without an allocation")
struct JobIDTests {
    /// A random lowercase UUID's text.
    private static func uuid(_ random: inout SeededGenerator) -> String {
        let hex = Array("0123456789abcdef")
        let digits = (0..<32).map { _ in hex[random.next(16)] }
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }.joined(separator: "-")
    }

    /// True when `id` is kept packed.
    private static func isPacked(_ id: JobID) -> Bool {
        if case .packed = id.storage { return true }
        return false
    }

    @Test("the API's forms are packed and read back as they were written", arguments: [1, 2, 3])
    func packedRoundTrip(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let prefixes = ["", "b", "j-", "bat", "bjb-", "exj-", "pjb-", "~!{}", "A-Z_"]
        for _ in 0..<500 {
            let text = prefixes[random.next(prefixes.count)] + Self.uuid(&random)
            let id = JobID(text)
            #expect(Self.isPacked(id), "\(text)")
            #expect(id.description == text)
            #expect(id.withUTF8 { Array($0) } == Array(text.utf8))
            #expect(id == JobID(String(text)))
        }
        // The extreme UUIDs.
        for text in ["bjb-00000000-0000-0000-0000-000000000000", "bjb-ffffffff-ffff-ffff-ffff-ffffffffffff"] {
            #expect(Self.isPacked(JobID(text)) && JobID(text).description == text)
            #expect(JobID(text).withUTF8 { Array($0) } == Array(text.utf8))
        }
    }

    @Test("anything else is kept as text, and reads back as it was written")
    func textRoundTrip() {
        let uuid = "9f0e8d7c-6b5a-4e3d-8c2b-1a0f9e8d7c6b"
        let others = [
            "", "bjb-1", "bjb-stress-42",
            "bjb-" + uuid.uppercased(),  // uppercase digits
            "bjbxy-" + uuid,  // a five-byte prefix
            "bjb-" + uuid.dropLast(),  // one digit short
            "bjb-" + uuid + "0",  // one too many
            "bjb-9f0e8d7c6b5a-4e3d-8c2b-1a0f9e8d7c6b-",  // hyphens moved
            "bjb-9f0e8d7c-6b5a-4e3d-8c2b-1a0f9e8d7c6g",  // not hex
            "\u{0}bjb" + uuid,  // a NUL in the prefix
            "b\u{E9}-" + uuid,  // a non-ASCII prefix
            "\u{212A}-" + uuid,  // the Kelvin sign: equal to "K-…" as a String, not as bytes
        ]
        for text in others {
            let id = JobID(text)
            #expect(!Self.isPacked(id), "\(text.debugDescription)")
            #expect(id.description == text)
            #expect(id.withUTF8 { Array($0) } == Array(text.utf8))
        }
    }

    @Test("a byte just outside the digits' ranges, at any digit, or a digit for a hyphen, keeps the ID as text")
    func everyPositionIsChecked() {
        let base = Array("bjb-9f0e8d7c-6b5a-4e3d-8c2b-1a0f9e8d7c6b".utf8)
        #expect(Self.isPacked(JobID(String(decoding: base, as: UTF8.self))))
        // Neighbours of '0'-'9' and 'a'-'f', uppercase, space, DEL, NUL.
        let outside: [UInt8] = [0x2F, 0x3A, 0x60, 0x67, 0x41, 0x46, 0x20, 0x7F, 0x00]
        var packed = 0
        for position in 4..<base.count {
            var bytes = base
            if base[position] == UInt8(ascii: "-") {
                bytes[position] = UInt8(ascii: "0")
                if Self.isPacked(JobID(String(decoding: bytes, as: UTF8.self))) { packed += 1 }
                continue
            }
            for byte in outside {
                bytes[position] = byte
                let text = String(decoding: bytes, as: UTF8.self)
                if Self.isPacked(JobID(text)) { packed += 1 }
                #expect(JobID(text).description == text)
            }
        }
        #expect(packed == 0, "\(packed) IDs with a wrong byte were packed")
    }

    @Test("two IDs are equal and hash alike in the table exactly as their texts are equal")
    func equalityFollowsTheText() {
        var random = SeededGenerator(state: 9)
        let uuid = Self.uuid(&random)
        let texts = [
            "bjb-" + uuid, "bjc-" + uuid, "bjb" + uuid, "bjb-" + Self.uuid(&random), uuid, "-" + uuid,
            "bjb-" + uuid.uppercased(), "bjb-1", "bjb-01", "caf\u{E9}", "cafe\u{301}", "",
        ]
        for left in texts {
            for right in texts {
                let same = left == right
                #expect((JobID(left) == JobID(right)) == same, "\(left.debugDescription) vs \(right.debugDescription)")
                if same { #expect(JobID(left).tableHash == JobID(right).tableHash) }
            }
        }
    }

    @Test("IDs order as their texts, packed or not, same prefix or not", arguments: [4, 5])
    func orderFollowsTheText(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let prefixes = ["bjb-", "bjb-", "bat-", "b", ""]
        var texts = (0..<60).map { _ in prefixes[random.next(prefixes.count)] + Self.uuid(&random) }
        // Neighbours that differ in one digit only, and IDs that are not packed.
        texts += ["bjb-00000000-0000-0000-0000-000000000001", "bjb-00000000-0000-0000-0000-000000000010",
                  "bjb-10000000-0000-0000-0000-000000000000", "bjb-1", "bjb-zz", "BJB-X"]
        for left in texts {
            for right in texts {
                #expect((JobID(left) < JobID(right)) == (left < right), "\(left) < \(right)")
            }
        }
    }

    @Test("the table hash of packed IDs tells apart IDs that differ in any one digit or prefix byte")
    func packedHashSeesEveryDigit() {
        let base = "bjb-9f0e8d7c-6b5a-4e3d-8c2b-1a0f9e8d7c6b"
        let hash = JobID(base).tableHash
        var bytes = Array(base.utf8)
        for position in bytes.indices where bytes[position] != UInt8(ascii: "-") {
            let original = bytes[position]
            bytes[position] = original == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            let changed = String(decoding: bytes, as: UTF8.self)
            #expect(JobID(changed).tableHash != hash, "byte \(position)")
            bytes[position] = original
        }
    }

    @Test("a job keeps its ID packed and gives it back as text; a job's ID can be changed")
    func jobsKeepIt() {
        let text = "bjb-9f0e8d7c-6b5a-4e3d-8c2b-1a0f9e8d7c6b"
        var job = Job(id: text, type: .parse, status: .running, totalItems: 1)
        #expect(job.id == text && job.jobID == JobID(text) && Self.isPacked(job.jobID))
        job.id = "bjb-other"
        #expect(job.id == "bjb-other" && !Self.isPacked(job.jobID))
    }
}
