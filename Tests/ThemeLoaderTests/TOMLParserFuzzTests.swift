import Testing
import ThemeLoader

/// Random and mutated documents: whatever the input, the parser returns nodes or a positioned error, and does so
/// the same way twice. Seeded, so a failure can be replayed; sizes are small enough to run in well under a second.
@Suite("TOML parser fuzzing")
struct TOMLParserFuzzTests {
    /// A small seeded generator (SplitMix64), so every run tries the same inputs.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    /// Bytes TOML gives a meaning to, drawn more often than others.
    static let interesting = Array("[]{}=,.\"'\\#\n\r\t _-+:0123456789abefinrtuxoUZT".utf8)

    /// Parses `bytes` (decoded as UTF-8, bad sequences replaced) and checks what comes back.
    static func check(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let lineCount = text.utf8.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let first = Result { () throws(TOMLDocument.SyntaxError) in try TOMLDocument.parse(text) }
        let second = Result { () throws(TOMLDocument.SyntaxError) in try TOMLDocument.parse(text) }
        switch (first, second) {
        case (.success(let nodes), .success(let again)):
            #expect(nodes == again || "\(nodes)".contains("nan"), "not deterministic for \(Array(bytes))")
        case (.failure(let error), .failure(let again)):
            #expect(error == again, "not deterministic for \(Array(bytes))")
            #expect(error.line >= 1 && error.line <= lineCount, "\(error) for \(Array(bytes))")
            #expect(error.column >= 1, "\(error) for \(Array(bytes))")
            #expect(!error.message.isEmpty)
        default:
            Issue.record("one parse failed, the other did not, for \(Array(bytes))")
        }
    }

    @Test("random bytes")
    func randomBytes() {
        var generator = SeededGenerator(state: 0x5EED_0001)
        for _ in 0..<500 {
            let length = Int.random(in: 0...120, using: &generator)
            let bytes = (0..<length).map { _ -> UInt8 in
                Bool.random(using: &generator)
                    ? Self.interesting.randomElement(using: &generator) ?? 0 : UInt8.random(in: 0...255, using: &generator)
            }
            Self.check(bytes)
        }
    }

    @Test("mutations of the shipped themes", arguments: BuiltinThemes.names)
    func mutatedThemes(name: String) throws {
        let original = Array(try #require(BuiltinThemes.texts[name]).utf8)
        var generator = SeededGenerator(state: name.utf8.reduce(UInt64(17)) { $0 &* 31 &+ UInt64($1) })
        for _ in 0..<60 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                guard !bytes.isEmpty else { break }
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<5, using: &generator) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(Self.interesting.randomElement(using: &generator) ?? 0, at: position)
                case 2: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 3: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...40, using: &generator)))
                default:
                    let end = min(bytes.count, position + Int.random(in: 1...80, using: &generator))
                    bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &generator))
                }
            }
            Self.check(bytes)
        }
    }
}
