import FoundationEssentials
import JobMonitor
import TerminalUI

/// The table screen as plain text (no colour, every job on its own line), for `--once`.
public enum PlainTable {
    /// Rows rendered per piece.
    public static let rowsPerPiece = 1_000

    /// Renders the snapshot's table and hands it to `write` in pieces of at most `rowsPerPiece` rows, the first with
    /// the title, counts and headings, lines joined by newlines: rendering all rows into one buffer took 12 million
    /// cells, about 580 MB, for 100,000 jobs.
    public static func render(
        _ snapshot: Snapshot, source: String, glyphs: Glyphs, width: Int, rowsPerPiece: Int = rowsPerPiece,
        write: (String) -> Void
    ) {
        let piece = max(1, rowsPerPiece)
        var state = AppState(
            size: TerminalSize(width: width, height: min(snapshot.jobs.count, piece) + TableScreen.chromeHeight),
            now: snapshot.takenAt, interval: snapshot.interval, source: source, glyphs: glyphs)
        _ = Reducer.reduce(&state, .snapshot(snapshot))
        state.selectedID = nil
        let top = TableScreen.chromeHeight - 1
        var first = 0
        repeat {
            state.scrollOffset = first
            let rows = max(0, min(piece, state.rows.count - first))
            var buffer = Buffer(width: width, height: state.size.height)
            TableScreen.render(state, theme: .monochrome, into: &buffer)
            // The chrome above the rows once, in the first piece; the line below the rows never.
            write(buffer.lines.prefix(top + rows).dropFirst(first == 0 ? 0 : top).joined(separator: "\n"))
            first += piece
        } while first < state.rows.count
    }
}
