import FoundationEssentials

/// A small, fully deterministic pseudo-random generator (SplitMix64). The simulation uses its own helpers instead
/// of the standard library's `random(in:using:)` so that a seed produces the same demo on every Swift version.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 finaliser: a good stateless 64-bit hash.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Hashes two values into one (order matters).
    static func mix(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix(mix(first) &+ mix(second ^ 0xD1B5_4A32_D192_ED03))
    }

    /// A uniformly distributed integer in `range` (negligible modulo bias for the small ranges used here).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % span)
    }

    /// A uniformly distributed double in `range`.
    mutating func double(in range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) * 0x1p-53
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        double(in: 0...1) < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// The elements in a random order (Fisher–Yates).
    mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var result = elements
        guard result.count > 1 else { return result }
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            let other = int(in: 0...index)
            result.swapAt(index, other)
        }
        return result
    }

    /// A UUID-shaped lower-case hex string (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`) drawn from the generator.
    mutating func uuidString() -> String {
        Self.uuidString(next(), next())
    }

    /// A UUID-shaped lower-case hex string built from two 64-bit values.
    static func uuidString(_ high: UInt64, _ low: UInt64) -> String {
        let hex = hex16(high) + hex16(low)
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return groups.joined(separator: "-")
    }

    private static func hex16(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - text.count)) + text
    }
}
