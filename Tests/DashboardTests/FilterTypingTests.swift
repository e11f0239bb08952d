import Foundation
import JobMonitor
import TerminalUI
import Testing

@testable import Dashboard

/// Typing the table filter: a key that lengthens the text narrows the rows shown instead of arranging every job again
/// (`RowOrder.narrowed`); the rows must be what arranging them afresh gives, key after key, whatever is typed.
@Suite("Typing a filter narrows the rows as a fresh filter and sort would")
struct FilterTypingTests {
    /// Keys typed: characters of the jobs' fields in both cases, a space, non-ASCII ones (one equal to `;`), and
    /// Backspace (nil) now and then.
    private static let keys: [Character?] = [
        "b", "J", "-", "0", "1", "2", "a", "e", "x", "t", "r", "u", "n", "p", "d", "i", "f", "l", "D", " ", ";", "\u{37E}",
        "é", "\u{301}", "c", "_", nil, nil, nil,
    ]

    /// 400 jobs of every status and type, some in directories, with IDs of both forms.
    private static func snapshot(_ random: inout SeededRandom) -> Snapshot {
        let statuses: [JobStatus] = [.running, .pending, .completed, .failed, .cancelled, .throttled, .other("paused")]
        let types: [JobType] = [.parse, .extract, .classify, .other("split_v2")]
        let jobs = (0..<400).map { index -> TrackedJob in
            let id = index % 5 == 0
                ? "job;\(index)-x"
                : String(format: "bjb-%08x-1b2c-4d3e-8f90-a1b2c3d4%04x", random.int(in: 0...0xFFFF_FFF), index)
            let job = Job(
                id: id, type: random.pick(types), status: random.pick(statuses), totalItems: 10,
                processedItems: random.int(in: 0...10), createdAt: Fixtures.ago(Double(random.int(in: 0...5_000))),
                directoryID: random.bool() ? "dir-\(random.pick(["Receipts", "invoices_2026", "café"]))" : nil)
            return TrackedJob(job: job, fetchedAt: Fixtures.ago(1))
        }
        return Fixtures.snapshot(jobs)
    }

    @Test(
        "key by key, with Backspace, the rows equal a fresh filter and sort of the snapshot",
        arguments: [SortKey.standard, .progress, .type, .created])
    func typedRowsEqualAFreshArrangement(key: SortKey) {
        var random = SeededRandom(seed: 0xF1_17E5 &+ UInt64(SortKey.allCases.firstIndex(of: key) ?? 0))
        var typedOntoAFilter = 0
        var shownRows = 0
        for _ in 0..<20 {
            var state = Fixtures.state(snapshot: Self.snapshot(&random))
            state.sort = SortOrder(key: key, reversed: random.bool())
            Reducer.rearrange(&state)
            _ = Reducer.reduce(&state, .key(.character("/")))
            for _ in 0..<12 {
                let typed = random.pick(Self.keys)
                let before = state.filter
                _ = Reducer.reduce(&state, .key(typed.map(Key.character) ?? .backspace))
                if typed != nil, !before.trimmingCharacters(in: .whitespaces).isEmpty { typedOntoAFilter += 1 }
                let fresh = RowOrder.arrange(state.snapshot.jobs, sort: state.sort, filter: state.filter)
                #expect(state.rows.positions == fresh.positions, "\(state.filter.debugDescription) after \(before.debugDescription)")
                shownRows += state.rows.count
            }
        }
        #expect(typedOntoAFilter > 50, "keys typed onto a filter: \(typedOntoAFilter)")
        #expect(shownRows > 1_000, "rows shown in all: \(shownRows)")
    }

    @Test("a key that does not lengthen the text as characters (a combining accent on the last letter) arranges afresh")
    func combiningAccentIsNotANarrowing() {
        // `job;1-x` matches `é` only (its directory), `job;2-x` matches `e` only (its type).
        let accented = TrackedJob(
            job: Job(id: "job;1-x", type: .classify, status: .running, totalItems: 1, directoryID: "dir-caf\u{E9}"),
            fetchedAt: Fixtures.ago(1))
        let plain = TrackedJob(
            job: Job(id: "job;2-x", type: .parse, status: .running, totalItems: 1), fetchedAt: Fixtures.ago(1))
        var state = Fixtures.state(snapshot: Fixtures.snapshot([accented, plain]))
        _ = Reducer.reduce(&state, .key(.character("/")))
        _ = Reducer.reduce(&state, .key(.character("e")))
        #expect(state.rows.map(\.id) == ["job;2-x"])
        // `e` + U+0301 is the character `é`: the text no longer holds `e`, so the rows are not narrowed from `e`'s.
        _ = Reducer.reduce(&state, .key(.character("\u{301}")))
        #expect(state.filter.count == 1, "one character, é")
        #expect(state.rows.map(\.id) == ["job;1-x"])
    }
}
