import Foundation
import JobMonitor
import LlamaCloud
import Testing

@testable import Dashboard

/// `FilterNeedle`: the table filter's byte search answers as the general match (`generalMatch`) does, for
/// every field and every text, the search's own cases (ASCII both sides) and the ones it hands back alike.
@Suite("The table filter's search")
struct FilterNeedleTests {
    /// Pieces that fields and filters are made of: ASCII letters of both cases, digits, punctuation, a CR LF pair (one
    /// character of two bytes), control bytes, and non-ASCII text (accents precomposed and combining, a dotted capital
    /// I that lowercases to two scalars, the Kelvin sign, CJK, an emoji, and the Greek question mark and varia, which
    /// compare equal to `;` and `` ` ``).
    private static let pieces = [
        "a", "B", "c", "Z", "j", "bjb", "BJB", "-", "_", " ", "0", "5", "9", "x", "run", "RUNNING", "fail", "\r\n", "\r",
        "\n", "\t", "\u{1B}", "\u{0}", "\u{7F}", "é", "E\u{301}", "\u{130}", "\u{212A}", "k", "漢", "🙂", "ß", "SS",
        ";", "\u{37E}", "`", "\u{1FEF}", "e",
    ]

    private static func text(_ random: inout SeededRandom, pieces maximum: Int) -> String {
        (0..<random.int(in: 0...maximum)).map { _ in random.pick(pieces) }.joined()
    }

    @Test("random fields and filters: the same answer as lowercasing the field and searching it", arguments: [1, 2, 3])
    func sameAsTheGeneralMatch(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        var searched = 0
        var found = 0
        for _ in 0..<4_000 {
            let field = Self.text(&random, pieces: 12)
            // Half the filters are taken from the field itself, so that many of them match.
            var filter = Self.text(&random, pieces: 3)
            if random.bool(), !field.isEmpty {
                let characters = Array(field)
                let start = random.int(in: 0...(characters.count - 1))
                let end = random.int(in: start...(characters.count - 1))
                filter = String(characters[start...end])
                if random.bool() { filter = filter.uppercased() }
            }
            let needle = FilterNeedle(filter)
            guard !needle.isEmpty else { continue }
            // The module's own definition: this test module imports Foundation, whose `contains` answers otherwise.
            let expected = needle.generalMatch(field)
            #expect(needle.matches(field) == expected, "\(field.debugDescription) / \(filter.debugDescription)")
            searched += 1
            if expected { found += 1 }
        }
        #expect(searched > 3_000 && found > 1_000, "\(searched) searched, \(found) found")
    }

    @Test("a job ID, packed or kept as text, matches as its text does")
    func jobIDs() {
        var random = SeededRandom(seed: 9)
        let hex = Array("0123456789abcdef")
        for _ in 0..<2_000 {
            let digits = String((0..<32).map { _ in hex[random.int(in: 0...15)] })
            let uuid = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
                String(digits.dropFirst(range.lowerBound).prefix(range.count))
            }.joined(separator: "-")
            let text = random.pick(["bjb-", "bat-", "", "BJB-", "bjb-x-", "é-"]) + uuid
            let id = JobID(text)
            let characters = Array(text)
            let start = random.int(in: 0...(characters.count - 1))
            var filter = String(characters[start...min(characters.count - 1, start + random.int(in: 0...6))])
            if random.bool() { filter = filter.uppercased() }
            if random.int(in: 0...4) == 0 { filter = random.pick(["zzz", "bjb-0", "-4", "g", "bat", "j-"]) }
            let needle = FilterNeedle(filter)
            guard !needle.isEmpty else { continue }
            #expect(needle.matches(id) == needle.generalMatch(text), "\(text) / \(filter)")
            #expect(id.withUTF8 { Array($0) } == Array(text.utf8))
        }
    }

    @Test("what an all-ASCII field can hold of a text: its bytes, nothing, or a question for the general match")
    func plans() {
        #expect(FilterNeedle.plan(for: "bjb-5") == .search(Array("bjb-5".utf8)))
        #expect(FilterNeedle.plan(for: "a\u{37E}b") == .search(Array("a;b".utf8)), "U+037E is `;` as a character")
        #expect(FilterNeedle.plan(for: "café") == .absent)
        #expect(FilterNeedle.plan(for: "e\u{301}") == .absent, "one character, é")
        #expect(FilterNeedle.plan(for: "a\tb") == .general)
        #expect(FilterNeedle.plan(for: "a\r\nb") == .general)
        #expect(FilterNeedle.plan(for: "K") == .absent, "a lowercased field holds no capital")
        #expect(FilterNeedle("  \u{212A}-1 ").plan == .search(Array("k-1".utf8)), "the Kelvin sign lowercases to k")
    }

    @Test("the filter is trimmed and lowercased; a job matches by any of its fields, and only by them")
    func jobFields() {
        let job = Job(
            id: "bjb-0c9e2a4f-1b2c-4d3e-8f90-a1b2c3d4e5f6", type: .extract, status: .failed, totalItems: 3,
            directoryID: "dir-Receipts")
        let tracked = TrackedJob(job: job, fetchedAt: nil)
        for (filter, expected) in [
            ("  0C9E ", true), ("EXTRACT", true), ("fail", true), ("receipts", true), ("dir-r", true),
            ("parse", false), ("running", false), ("bjb-0c9e2a4f-1b2c-4d3e-8f90-a1b2c3d4e5f7", false), ("zzz", false),
        ] {
            #expect(RowOrder.matches(tracked, FilterNeedle(filter)) == expected, "\(filter)")
        }
    }
}
