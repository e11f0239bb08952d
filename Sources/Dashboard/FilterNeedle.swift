import LlamaCloud
import TextTools

/// The table filter's text as it is looked for in a job's fields: trimmed and lowercased, and, when it is printable
/// ASCII (what is typed nearly always), its bytes, for a search that builds nothing.
///
/// The general match, `field.lowercased().contains(text)`, built a lowercased copy of every field and compared them
/// character by character: with `/bjb-5` set at 100,000 jobs, each snapshot's filter took ~570 ms of the run loop
/// (`batchtop-callgrind time-reduce 100000 10 default filter=bjb-5`), so the dashboard fell behind its snapshots and
/// every key waited a second. A field that is all ASCII, searched for printable ASCII, gives the same answer compared
/// byte by byte with ASCII case folded: its characters are its bytes (only `\r\n` is one character of two bytes, and
/// the text holds neither), and lowercasing it folds `A`–`Z` alone. Any other field or text takes the general match.
struct FilterNeedle: Sendable, Equatable {
    /// What is looked for: the filter trimmed of whitespace and lowercased (empty: the filter is off).
    let text: String
    /// `text`'s bytes when each is printable ASCII (0x20–0x7E), else nil.
    private let bytes: [UInt8]?

    /// The needle of the filter as typed.
    init(_ filter: String) {
        text = filter.trimmingWhitespace().lowercased()
        let utf8 = Array(text.utf8)
        bytes = utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E } ? utf8 : nil
    }

    /// True when there is nothing to look for.
    var isEmpty: Bool { text.isEmpty }

    /// True when `field`, lowercased, contains the text (`generalMatch`).
    func matches(_ field: String) -> Bool {
        if let bytes, let found = field.utf8.withContiguousStorageIfAvailable({ Self.search(bytes, in: $0) }) ?? nil {
            return found
        }
        return generalMatch(field)
    }

    /// The definition of a match, for any field and text: the field lowercased contains the text, character by
    /// character (the standard library's `contains`; this module does not import Foundation, whose `contains` compares
    /// scalars and finds `\n` in `\r\n`).
    func generalMatch(_ field: String) -> Bool {
        field.lowercased().contains(text)
    }

    /// True when the ID's text, lowercased, contains the text: read where the ID is kept, without building a string.
    func matches(_ id: JobID) -> Bool {
        if let bytes, let found = id.withUTF8({ Self.search(bytes, in: $0) }) { return found }
        return matches(id.description)
    }

    /// Whether `needle` (lowercase printable ASCII, not empty) occurs in `haystack` with ASCII letters compared
    /// case-insensitively; nil when `haystack` holds a byte that is not ASCII (the general match decides then).
    static func search(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard isASCII(haystack) else { return nil }
        let count = needle.count
        guard count > 0 else { return true }
        guard count <= haystack.count else { return false }
        return needle.withUnsafeBufferPointer { needle in
            let first = needle[0]
            for start in 0...(haystack.count - count) where folded(haystack[start]) == first {
                var matched = 1
                while matched < count, folded(haystack[start + matched]) == needle[matched] { matched += 1 }
                if matched == count { return true }
            }
            return false
        }
    }

    /// True when every byte is below 0x80: eight at a time, their high bits gathered.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var high: UInt64 = 0
        var offset = 0
        while offset + 8 <= raw.count {
            high |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < raw.count {
            high |= UInt64(raw[offset])
            offset += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// An ASCII byte with `A`–`Z` lowercased.
    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}
