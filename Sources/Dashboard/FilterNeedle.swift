import LlamaCloud
import TextTools

/// The table filter's text as it is looked for in a job's fields: trimmed and lowercased, and what that text can match
/// in a field that is all ASCII (every ID, type, status and directory the API sends), for a search that builds nothing.
///
/// The general match, `field.lowercased().contains(text)`, built a lowercased copy of every field and compared them
/// character by character: with `/bjb-5` set at 100,000 jobs, each snapshot's filter took ~570 ms of the run loop
/// (`batchtop-callgrind time-reduce 100000 10 default filter=bjb-5`), so the dashboard fell behind its snapshots and
/// every key waited a second. In an all-ASCII field every character is one byte (but `\r\n`), and lowercasing folds
/// `A`–`Z` alone, so a text whose characters each equal a printable ASCII character (as characters compare: U+037E
/// equals `;`) is found by comparing bytes with case folded, and a text holding a character that equals no ASCII one
/// (`é`) is in no such field. Any other field, or a text with control characters, takes the general match.
struct FilterNeedle: Sendable, Equatable {
    /// What an all-ASCII field can hold of the text.
    enum ASCIIPlan: Sendable, Equatable {
        /// These bytes (lowercase printable ASCII), compared with the field's with `A`–`Z` folded.
        case search([UInt8])
        /// Nothing: the text has a character that no lowercased ASCII field holds.
        case absent
        /// Decided by the general match (the text has a control character).
        case general
    }

    /// What is looked for: the filter trimmed of whitespace and lowercased (empty: the filter is off).
    let text: String
    /// How an all-ASCII field is searched.
    let plan: ASCIIPlan

    /// The needle of the filter as typed.
    init(_ filter: String) {
        text = filter.trimmingWhitespace().lowercased()
        plan = Self.plan(for: text)
    }

    /// What an all-ASCII field, lowercased, can hold of `text`, character by character.
    static func plan(for text: String) -> ASCIIPlan {
        var bytes: [UInt8] = []
        var general = false
        for character in text {
            if let code = character.asciiValue, code >= 0x20, code <= 0x7E, character.utf8.count == 1 {
                guard code &- UInt8(ascii: "A") >= 26 else { return .absent }
                bytes.append(code)
                continue
            }
            // A character that is not one printable ASCII byte may still equal one (U+037E is `;`, U+212A `K`).
            guard let code = (UInt8(0)...0x7F).first(where: { Character(Unicode.Scalar($0)) == character }) else {
                // `\r\n` is an ASCII field's one two-byte character: left to the general match.
                if character == "\r\n" { general = true; continue }
                return .absent
            }
            if code < 0x20 || code == 0x7F {
                general = true
            } else if code &- UInt8(ascii: "A") < 26 {
                // A lowercased field holds no capital letter.
                return .absent
            } else {
                bytes.append(code)
            }
        }
        return general ? .general : .search(bytes)
    }

    /// True when there is nothing to look for.
    var isEmpty: Bool { text.isEmpty }

    /// True when `field`, lowercased, contains the text (`generalMatch`).
    func matches(_ field: String) -> Bool {
        if let found = field.utf8.withContiguousStorageIfAvailable({ answer(in: $0) }) ?? nil { return found }
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
        if let found = id.withUTF8({ answer(in: $0) }) { return found }
        return generalMatch(id.description)
    }

    /// The answer for a field's bytes when they are all ASCII and the plan decides it; nil otherwise.
    private func answer(in field: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch plan {
        case .general: return nil
        case .absent: return Self.isASCII(field) ? false : nil
        case .search(let bytes): return Self.search(bytes, in: field)
        }
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
