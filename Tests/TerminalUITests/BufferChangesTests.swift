import Testing
import TerminalUI

@Suite struct BufferChangesTests {
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
        #expect(next.changes(since: sample()) == [BufferChange(x: 3, y: 1, cells: [Cell("Q")])])
    }

    @Test func aStyleChangeIsAChange() {
        var next = sample()
        next.restyle(Rect(x: 1, y: 0, width: 2, height: 1)) { $0.adding(.bold) }
        let bold = Style(attributes: .bold)
        #expect(next.changes(since: sample()) == [BufferChange(x: 1, y: 0, cells: [Cell("b", style: bold), Cell("c", style: bold)])])
    }

    @Test func adjacentChangesFormOneRunAndSeparateOnesTwo() {
        var next = sample()
        next.write("12", x: 1, y: 0)
        next[5, 0] = Cell("9")
        next[0, 1] = Cell("8")
        #expect(
            next.changes(since: sample()) == [
                BufferChange(x: 1, y: 0, cells: [Cell("1"), Cell("2")]),
                BufferChange(x: 5, y: 0, cells: [Cell("9")]),
                BufferChange(x: 0, y: 1, cells: [Cell("8")]),
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
            next.changes(since: previous) == [
                BufferChange(x: 2, y: 0, cells: [Cell("報"), Cell("", style: Style(attributes: .bold))])
            ])
    }

    @Test func aNewWideCharacterIsOneRunWithItsContinuation() {
        let previous = sample()
        var next = previous
        next.write("報", x: 2, y: 0)
        #expect(next.changes(since: previous) == [BufferChange(x: 2, y: 0, cells: [Cell("報"), Cell("")])])
    }
}
