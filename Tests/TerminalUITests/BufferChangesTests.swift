import Testing
import TerminalUI

@Suite struct BufferChangesTests {
    /// A change run as plain values, so the tests do not depend on how `BufferChange` is constructed.
    private struct Run: Equatable {
        var x: Int
        var y: Int
        var cells: [Cell]
    }

    private func runs(_ buffer: Buffer, since previous: Buffer?) -> [Run] {
        buffer.changes(since: previous).map { Run(x: $0.x, y: $0.y, cells: $0.cells) }
    }

    private func sample() -> Buffer {
        var buffer = Buffer(width: 6, height: 2)
        buffer.write("abcdef", x: 0, y: 0)
        buffer.write("uvwxyz", x: 0, y: 1)
        return buffer
    }

    @Test func identicalBuffersHaveNoChanges() {
        #expect(sample().changes(since: sample()) == [])
        #expect(Buffer(width: 3, height: 3).changes(since: Buffer(width: 3, height: 3)) == [])
    }

    @Test func oneChangedCellIsOneRunAtItsPosition() {
        var next = sample()
        next[3, 1] = Cell("Q")
        #expect(runs(next, since: sample()) == [Run(x: 3, y: 1, cells: [Cell("Q")])])
    }

    @Test func aStyleChangeIsAChange() {
        var next = sample()
        next.restyle(Rect(x: 1, y: 0, width: 2, height: 1)) { $0.adding(.bold) }
        let bold = Style(attributes: .bold)
        #expect(runs(next, since: sample()) == [Run(x: 1, y: 0, cells: [Cell("b", style: bold), Cell("c", style: bold)])])
    }

    @Test func adjacentChangesFormOneRunAndSeparateOnesTwo() {
        var next = sample()
        next.write("12", x: 1, y: 0)
        next[5, 0] = Cell("9")
        next[0, 1] = Cell("8")
        #expect(
            runs(next, since: sample()) == [
                Run(x: 1, y: 0, cells: [Cell("1"), Cell("2")]),
                Run(x: 5, y: 0, cells: [Cell("9")]),
                Run(x: 0, y: 1, cells: [Cell("8")]),
            ])
    }

    @Test func differentSizeRepaintsEveryCell() {
        let next = sample()
        let changes = next.changes(since: Buffer(width: 5, height: 2))
        #expect(changes.count == 2)
        #expect(changes.map(\.x) == [0, 0])
        #expect(changes.map(\.y) == [0, 1])
        #expect(changes.map { $0.cells.map(\.text).joined() } == ["abcdef", "uvwxyz"])
    }

    @Test func noPreviousBufferRepaintsEveryCell() {
        let changes = sample().changes(since: nil)
        #expect(changes.map { $0.cells.map(\.text).joined() } == ["abcdef", "uvwxyz"])
        #expect(changes.map(\.x) == [0, 0])
    }

    @Test func changeOnTheRightHalfOfAWideCharacterStartsAtTheWideCharacter() {
        var previous = Buffer(width: 6, height: 1)
        previous.write("ab報c", x: 0, y: 0)
        var next = previous
        next.restyle(Rect(x: 3, y: 0, width: 1, height: 1)) { $0.adding(.bold) }
        #expect(
            runs(next, since: previous) == [
                Run(x: 2, y: 0, cells: [Cell("報"), Cell("", style: Style(attributes: .bold))])
            ])
    }

    @Test func aNewWideCharacterIsOneRunWithItsContinuation() {
        let previous = sample()
        var next = previous
        next.write("報", x: 2, y: 0)
        #expect(runs(next, since: previous) == [Run(x: 2, y: 0, cells: [Cell("報"), Cell("")])])
    }
}
