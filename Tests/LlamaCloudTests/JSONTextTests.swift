import Foundation
import Testing

@testable import LlamaCloud

/// `JSONText` writes the `--once --format json` document and the `--format jsonl` lines by hand: what it writes must
/// parse back to the same values, with keys sorted, strings escaped and non-finite numbers as null.
@Suite("JSONText: JSON for plain values")
struct JSONTextTests {
    private func parsed(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    @Test("nested values parse back equal, compact and pretty; keys come out sorted")
    func roundTrip() throws {
        let missing: String? = nil
        let value: [String: Any] = [
            "b": [1, 2.5, true, "x", JSONNull()] as [Any], "a": ["nested": ["deep": -7]], "c": Int.max,
            "d": missing as Any, "e": [:] as [String: Any], "f": [] as [Any], "g": 1e-7, "h": -0.0,
        ]
        for text in [JSONText.compact(value), JSONText.pretty(value)] {
            let back = try #require(try parsed(text) as? [String: Any])
            #expect(back["c"] as? Int == Int.max)
            #expect((back["a"] as? [String: Any])?["nested"] as? [String: Int] == ["deep": -7])
            #expect(back["d"] is NSNull, "a nil optional is null")
            #expect((back["b"] as? [Any])?.count == 5 && (back["b"] as? [Any])?[4] is NSNull)
            #expect((back["g"] as? Double) == 1e-7)
            #expect(text.range(of: "\"a\"")?.lowerBound ?? text.endIndex < text.range(of: "\"b\"")?.lowerBound ?? text.startIndex)
        }
        #expect(!JSONText.compact(value).contains("\n"))
        #expect(JSONText.pretty(["k": [1]]) == "{\n  \"k\" : [\n    1\n  ]\n}")
        #expect(JSONText.pretty(["k": 1], indent: 4) == "{\n      \"k\" : 1\n    }")
    }

    @Test("quotes, backslashes, control characters and non-ASCII survive; nothing raw reaches the text")
    func escapes() throws {
        let hostile = "q\"b\\s/n\nr\rt\t\u{1B}[31m\u{0}\u{7F}é漢字🙂"
        let text = JSONText.compact(["s": hostile])
        #expect(try parsed(text) as? [String: String] == ["s": hostile])
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "no raw control character")
    }

    @Test("infinities and NaN are null")
    func nonFinite() throws {
        let back = try #require(try parsed(JSONText.compact(["i": Double.infinity, "n": Double.nan, "m": -Double.infinity])) as? [String: Any])
        #expect(back.values.allSatisfy { $0 is NSNull })
    }
}
