import Foundation
import JobMonitor
import Testing
import TerminalUI

@testable import Dashboard

/// `--once` prints the table in pieces of rows (one buffer for 100,000 rows took about 580 MB): the pieces together
/// must read exactly like the whole table rendered at once.
@Suite("PlainTable: the table as text, in pieces")
struct PlainTableTests {
    private func pieces(_ snapshot: Snapshot, rowsPerPiece: Int) -> [String] {
        var pieces: [String] = []
        PlainTable.render(snapshot, source: "test", glyphs: .unicode, width: 120, rowsPerPiece: rowsPerPiece) {
            pieces.append($0)
        }
        return pieces
    }

    @Test("pieces of 1,000, of 7 and of 1 row join into the same text as one piece of every row", arguments: [1_000, 7, 1])
    func piecesJoinIntoTheWhole(rowsPerPiece: Int) {
        let snapshot = Fixtures.snapshot(Fixtures.manyJobs(rowsPerPiece == 1 ? 40 : 2_345))
        let whole = pieces(snapshot, rowsPerPiece: 1_000_000)
        #expect(whole.count == 1)
        let split = pieces(snapshot, rowsPerPiece: rowsPerPiece)
        #expect(split.count == (snapshot.jobs.count + rowsPerPiece - 1) / rowsPerPiece)
        #expect(split.joined(separator: "\n") == whole.joined(separator: "\n"))
        let lines = whole[0].split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == snapshot.jobs.count + TableScreen.chromeHeight - 1, "title, counts, headings, one line per job")
        #expect(lines[0].contains("batchtop") && lines[2].contains("STATUS"))
        let ids = snapshot.jobs.map(\.id)
        #expect(lines.dropFirst(3).allSatisfy { line in ids.contains { line.contains($0) } })
    }

    @Test("no jobs: the chrome alone, in one piece")
    func empty() {
        let printed = pieces(Fixtures.snapshot([]), rowsPerPiece: 10)
        #expect(printed.count == 1)
        #expect(printed[0].split(separator: "\n", omittingEmptySubsequences: false).count == TableScreen.chromeHeight - 1)
    }
}
