import Testing

@testable import Dashboard

/// The table's in-place sort (`InPlaceSort`) against the standard library's, on the inputs that trip quicksorts up.
@Suite("In-place sort: the standard library's order, without its buffer")
struct InPlaceSortTests {
    /// A key ordered by value, then position (unique): a total order, like the table's keys.
    private struct Key: TotallyOrdered, Equatable {
        var value: Int
        var position: Int

        static func precedes(_ lhs: Key, _ rhs: Key) -> Bool {
            lhs.value != rhs.value ? lhs.value < rhs.value : lhs.position < rhs.position
        }
    }

    /// Input shapes: random, sorted, reversed, organ pipe, few distinct values, sorted with a few swapped, sawtooth.
    private static let shapes = ["random", "sorted", "reversed", "pipe", "few", "nearly", "saw"]

    private static func values(_ shape: String, count: Int, seed: UInt64) -> [Int] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
        switch shape {
        case "sorted": return Array(0..<count)
        case "reversed": return Array((0..<count).reversed())
        case "pipe": return (0..<count).map { min($0, count - $0) }
        case "few": return (0..<count).map { _ in next(4) }
        case "nearly":
            var values = Array(0..<count)
            for _ in 0..<(count / 50 + 1) where count > 1 { values.swapAt(next(count), next(count)) }
            return values
        case "saw": return (0..<count).map { $0 % 37 }
        default: return (0..<count).map { _ in next(1_000_000) }
        }
    }

    @Test("every shape and size gives the standard library's order", arguments: shapes)
    func matchesStandardSort(shape: String) {
        for count in [0, 1, 2, 3, 24, 25, 26, 100, 1_000, 5_001] {
            for seed in [UInt64(1), 2] {
                var keys = Self.values(shape, count: count, seed: seed).enumerated().map {
                    Key(value: $0.element, position: $0.offset)
                }
                let expected = keys.sorted(by: Key.precedes)
                InPlaceSort.sort(&keys)
                #expect(keys == expected, "\(shape), \(count) keys, seed \(seed)")
            }
        }
    }

    /// A key whose comparison contradicts itself (a coin toss): the sort cannot order it, but must neither read
    /// outside the keys nor lose or duplicate one.
    private struct Contrary: TotallyOrdered {
        var position: Int
        nonisolated(unsafe) static var state: UInt64 = 7

        static func precedes(_ lhs: Contrary, _ rhs: Contrary) -> Bool {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 63 == 1
        }
    }

    @Test("a comparison that breaks its promise misorders keys but keeps every one")
    func contraryComparisonKeepsTheKeys() {
        for count in [25, 100, 3_000] {
            var keys = (0..<count).map { Contrary(position: $0) }
            InPlaceSort.sort(&keys)
            #expect(keys.map(\.position).sorted() == Array(0..<count), "\(count) keys")
        }
    }
}
