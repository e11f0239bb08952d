import Testing

@testable import JobMonitor
import LlamaCloud

/// The job table's open-addressing ID index against a `Dictionary` doing the same inserts and removals: removals shift
/// later buckets back (no tombstones), so a wrong shift loses an ID that is still in the table or finds one that left.
@Suite("SlotIndex: the job table's ID index")
struct SlotIndexTests {
    /// IDs by slot, as the job table keeps them (nil for a free slot), with the index and a dictionary beside them.
    private struct Model {
        var ids: [String?] = []
        var free: [Int] = []
        var index = SlotIndex()
        var expected: [String: Int] = [:]

        mutating func insert(_ id: String) {
            let slot: Int
            if let reused = free.popLast() {
                slot = reused
                ids[slot] = id
            } else {
                slot = ids.count
                ids.append(id)
            }
            index.insert(JobID(id), slot: slot)
            expected[id] = slot
        }

        mutating func remove(_ id: String) {
            guard let slot = expected.removeValue(forKey: id) else { return }
            index.remove(JobID(id), slot: slot)
            ids[slot] = nil
            free.append(slot)
        }

        func lookup(_ id: String) -> Int? {
            index.slot(of: JobID(id)) { ids[$0] == id }
        }
    }

    @Test("an empty index finds nothing and ignores removals")
    func empty() {
        var index = SlotIndex()
        #expect(index.slot(of: "a") { _ in true } == nil)
        index.remove("a", slot: 0)
        #expect(index.count == 0)
    }

    @Test("random inserts and removals find exactly what a dictionary finds", arguments: [1, 2, 3])
    func againstDictionary(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        var model = Model()
        var next = 0
        for round in 0..<40 {
            // Grow in the first rounds, then churn: removals shift buckets back through runs many buckets long.
            let inserts = round < 20 ? 300 : 100
            for _ in 0..<inserts {
                model.insert(Self.id(next))
                next += 1
            }
            let present = Array(model.expected.keys)
            for id in present where random.next(3) == 0 { model.remove(id) }
            #expect(model.index.count == model.expected.count)
            var wrong = 0
            for (id, slot) in model.expected where model.lookup(id) != slot { wrong += 1 }
            for gone in 0..<next where model.expected[Self.id(gone)] == nil && model.lookup(Self.id(gone)) != nil {
                wrong += 1
            }
            #expect(wrong == 0, "round \(round): \(wrong) IDs found in the wrong slot or found after removal")
        }
    }

    /// The `number`th ID: every other one in the API's form (`bjb-` and a UUID, packed by `JobID`), the rest not.
    private static func id(_ number: Int) -> String {
        guard number % 2 == 1 else { return "bjb-\(number)" }
        let hex = String(String(number, radix: 16).reversed())
        let digits = Array(hex + String(repeating: "0", count: 32 - hex.count))
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(digits[$0]) }
        return "bjb-" + groups.joined(separator: "-")
    }

    @Test("small tables, whose runs often wrap past the last bucket: every removal order keeps the rest findable")
    func wrappingRuns() {
        var random = SeededGenerator(state: 7)
        var wrong = 0
        for trial in 0..<3_000 {
            // Seven IDs fill a 16-bucket table to just under half, so clusters cross its end in many trials.
            var model = Model()
            let ids = (0..<7).map { "t\(trial)-\($0)" }
            for id in ids { model.insert(id) }
            for id in ids.shuffled(using: &random) {
                model.remove(id)
                for (other, slot) in model.expected where model.lookup(other) != slot { wrong += 1 }
                if model.lookup(id) != nil { wrong += 1 }
            }
        }
        #expect(wrong == 0)
    }

    @Test("removing an ID under a slot it is not in changes nothing; removing one keeps the others")
    func removalByNamedSlot() {
        var model = Model()
        for id in ["a", "b", "c"] { model.insert(id) }
        // Removing an ID with a slot it is not in changes nothing.
        model.index.remove("a", slot: 2)
        #expect(model.index.count == 3)
        #expect(model.lookup("a") == 0)
        model.remove("b")
        #expect(model.lookup("a") == 0)
        #expect(model.lookup("b") == nil)
        #expect(model.lookup("c") == 2)
    }
}
