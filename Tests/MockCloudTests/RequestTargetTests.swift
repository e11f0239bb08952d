import Testing

@testable import MockCloud

/// The hand-written split and percent-decoding of request targets.
@Suite("Request targets")
struct RequestTargetTests {
    @Test("origin form: raw and decoded components, empty ones dropped, query pairs in order")
    func originForm() {
        let target = RequestTarget("//api/v1//a%20b/?x=1&x=2&flag&=v&&k%3D=%3D#frag")
        #expect(target.rawComponents == ["api", "v1", "a%20b"])
        #expect(target.components == ["api", "v1", "a b"])
        #expect(target.query.map(\.0) == ["x", "x", "flag", "", "k="])
        #expect(target.query.map(\.1) == ["1", "2", "", "v", "="])
    }

    @Test("absolute form keeps only the path and query")
    func absoluteForm() {
        let target = RequestTarget("http://127.0.0.1:8080/api/v2/batches?page_size=5")
        #expect(target.components == ["api", "v2", "batches"])
        #expect(target.query.map(\.1) == ["5"])
        #expect(RequestTarget("http://host?a=b").components.isEmpty)
        #expect(RequestTarget("*").components == ["*"])
    }

    @Test("bad escapes and bytes that are not UTF-8")
    func badInput() {
        #expect(PercentDecoding.decode("100%", .strict) == nil)
        #expect(PercentDecoding.decode("%4", .strict) == nil)
        #expect(PercentDecoding.decode("%g0", .lenient) == nil)
        #expect(PercentDecoding.decode("%FF", .strict) == nil)
        #expect(PercentDecoding.decode("%FFa", .lenient) == "\u{FFFD}a")
        #expect(PercentDecoding.decode("%e2%82%AC+%41", .strict) == "€+A")
        #expect(PercentDecoding.decode("plain", .strict) == "plain")
        let target = RequestTarget("/a/%FF/%zz?v=%FF&w=%zz")
        #expect(target.components == ["a", "%FF", "%zz"])
        #expect(target.query.map(\.1) == ["\u{FFFD}", "%zz"])
    }
}
