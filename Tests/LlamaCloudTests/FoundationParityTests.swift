import Foundation
import Testing

@testable import LlamaCloud

/// The parsers written by hand when the client stopped linking Foundation, against what Foundation did before
/// (the tests link Foundation; the dashboard does not).
@Suite("Hand-written parsers match the Foundation code they replaced")
struct FoundationParityTests {
    /// The old `RetryAfter.httpDate`.
    private static func foundationHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }

    /// The old `ErrorDetail.extract` on a JSON object (nil: not a JSON object, the text path decides).
    private static func foundationDetail(_ body: Data) -> String?? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return .none }
        if let detail = object["detail"] as? String { return .some(detail) }
        if let list = object["detail"] as? [[String: Any]] {
            let messages = list.compactMap { $0["msg"] as? String }
            if !messages.isEmpty { return .some(messages.joined(separator: "; ")) }
        }
        return .some((object["message"] ?? object["error"]) as? String)
    }

    @Test("IMF-fixdates over 1970–2100, leap days and every month included, read as DateFormatter read them")
    func httpDatesMatch() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        var seconds: TimeInterval = 0
        var checked = 0
        while seconds < 4_102_444_800 {  // 2100-01-01
            let text = formatter.string(from: Date(timeIntervalSince1970: seconds))
            #expect(RetryAfter.httpDate(text) == Self.foundationHTTPDate(text), "\(text)")
            #expect(RetryAfter.httpDate(text) == Date(timeIntervalSince1970: seconds), "\(text)")
            seconds += 86_400 * 29 + 3_727  // every 29th day, at a time of day that moves
            checked += 1
        }
        #expect(checked > 1_000)
        for leap in ["Thu, 29 Feb 2024 23:59:59 GMT", "Tue, 29 Feb 2000 00:00:00 GMT"] {
            #expect(RetryAfter.httpDate(leap) != nil)
            #expect(RetryAfter.httpDate(leap) == Self.foundationHTTPDate(leap))
        }
    }

    @Test("what is not an IMF-fixdate gives no date", arguments: [
        "", "soon", "Sun, 29 Nov 2026 10:00:30", "Sun, 31 Nov 2026 10:00:30 GMT", "Mon, 29 Feb 2027 10:00:30 GMT",
        "Sun, 29 Nov 2026 24:00:00 GMT", "Sun, 29 Nov 2026 10:60:00 GMT", "Sun, 29 Nov 2026 10:00:30 PST",
        "Sun, 29 Nov 26 10:00:30 GMT", "Sun, 29 Foo 2026 10:00:30 GMT", "Sun 29 Nov 2026 10:00:30 GMT",
        "Sun, 029 Nov 2026 10:00:30 GMT", "Sun, 29 Nov 2026 10:0:30 GMT", "Sun, 29 Nov 2026 10:00:30 GMT extra",
        "Sun, 00 Nov 2026 10:00:30 GMT", "Sun, -1 Nov 2026 10:00:30 GMT",
    ])
    func notADate(text: String) {
        #expect(RetryAfter.httpDate(text) == nil)
    }

    @Test("error bodies give the message JSONSerialization's reading gave", arguments: [
        #"{"detail":"Batch job not found"}"#, #"{"detail":[{"msg":"limit too big"},{"msg":"offset < 0"}]}"#,
        #"{"detail":[{"loc":["q"]},{"msg":"only this"}]}"#, #"{"detail":[{"loc":["q"]}]}"#, #"{"detail":[1,2]}"#,
        #"{"detail":42}"#, #"{"detail":null,"message":"from message"}"#, #"{"message":"m","error":"e"}"#,
        #"{"error":"e"}"#, #"{"message":null,"error":"e"}"#, #"{"message":7}"#, #"{}"#, #"{"detail":"ü \n two"}"#,
        #"{"detail":{"nested":"x"},"error":"e"}"#,
    ])
    func errorBodiesMatch(json: String) {
        let body = Data(json.utf8)
        guard case .some(let expected) = Self.foundationDetail(body) else {
            Issue.record("the case is not a JSON object: \(json)")
            return
        }
        #expect(ErrorDetail.extract(from: body) == expected.map { $0.replacingOccurrences(of: "\n", with: " ") })
    }

    @Test("path segments and query values are encoded as Foundation encoded them, ASCII letters kept")
    func percentEncoding() {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        for text in ["bjb-1234", "a b/c?d=e&f", "100%", "~._-", "", "#frag", "+plus", "\u{7F}\u{01}"] {
            #expect(APIConfiguration.encode(text) == text.addingPercentEncoding(withAllowedCharacters: allowed))
        }
        // Foundation kept non-ASCII letters raw (alphanumerics is Unicode's); they are now encoded, as RFC 3986 asks.
        #expect(APIConfiguration.encode("é") == "%C3%A9")
        #expect(APIConfiguration.encode("日本") == "%E6%97%A5%E6%9C%AC")
    }
}
