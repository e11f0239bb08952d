import Foundation
import JobMonitor
import TerminalUI

/// The main screen: title bar, status counts, the job table with gauges, and the key hints.
public enum TableScreen {
    /// Rows used by everything but the table body.
    public static let chromeHeight = 4
    /// Smallest terminal the screen can draw in.
    public static let minimumSize = TerminalSize(width: 40, height: 6)

    /// Renders the state into the buffer (which has the terminal's size). Pure: no I/O, no sorting.
    public static func render(
        _ state: AppState, theme: Theme, keyMap: KeyMap = .table, secondsFromGMT: Int = 0, into buffer: inout Buffer
    ) {
        buffer.fill(buffer.area, style: theme.text)
        guard buffer.width >= minimumSize.width, buffer.height >= minimumSize.height else {
            let message = "Terminal too small: need \(minimumSize.width)x\(minimumSize.height), have \(buffer.width)x\(buffer.height)"
            for (row, start) in stride(from: 0, to: message.count, by: max(1, buffer.width)).enumerated() {
                let slice = String(message.dropFirst(start).prefix(buffer.width))
                buffer.write(slice, x: 0, y: row, style: theme.alert)
            }
            return
        }
        drawTitle(state, theme: theme, secondsFromGMT: secondsFromGMT, into: &buffer)
        drawCounts(state, theme: theme, into: &buffer)
        let layout = TableLayout(width: buffer.width)
        drawHeadings(layout, theme: theme, into: &buffer)
        drawRows(state, layout: layout, theme: theme, into: &buffer)
        drawFooter(state, keyMap: keyMap, theme: theme, into: &buffer)
    }

    private static func drawTitle(_ state: AppState, theme: Theme, secondsFromGMT: Int, into buffer: inout Buffer) {
        let row = buffer.area.row(0)
        buffer.fill(row, style: theme.title)
        let glyphs = state.glyphs
        let left = " batchtop \(glyphs.separator) \(state.source) \(glyphs.separator) \(state.rows.count) jobs"
        let health = state.snapshot.health
        let right: String
        var rightStyle = theme.title
        switch health.state {
        case .connecting:
            right = "connecting" + glyphs.ellipsis
        case .ok:
            let time = health.lastSuccess.map { Formatting.clockTime($0, secondsFromGMT: secondsFromGMT) } ?? "-"
            right = "API ok \(glyphs.separator) updated \(time)"
        case .degraded, .down:
            let label = health.state == .down ? "API down" : "API degraded"
            right = "\(label) (\(health.consecutiveFailures)x): \(health.lastError ?? "error")"
            rightStyle = theme.alert.over(theme.title)
        case .unauthorized:
            right = "API key rejected: \(health.lastError ?? "unauthorized") \(glyphs.separator) fix the key, then r"
            rightStyle = theme.alert.over(theme.title)
        }
        let leftWidth = buffer.write(left, x: 0, y: 0, style: theme.title, maxWidth: buffer.width)
        let room = buffer.width - leftWidth - 2
        let safeRight = TerminalText.sanitize(right)
        if room > 8 {
            let shown = TextLayout.fit(safeRight, width: min(room, CharacterWidth.of(safeRight)), ellipsis: glyphs.ellipsis)
            let width = CharacterWidth.of(shown)
            buffer.write(shown, x: buffer.width - width - 1, y: 0, style: rightStyle)
        }
    }

    private static func drawCounts(_ state: AppState, theme: Theme, into buffer: inout Buffer) {
        let counts = state.snapshot.countsByStatus
        var x = 1
        var statuses = JobStatus.known
        statuses += counts.keys.filter { if case .other = $0 { return true } else { return false } }
            .sorted { $0.description < $1.description }
        for status in statuses {
            let count = counts[status] ?? 0
            if count == 0, case .other = status { continue }
            let text = "\(StatusBadge.symbol(status, glyphs: state.glyphs)) \(count) \(status.description)"
            let style = count > 0 ? StatusBadge.style(status, theme: theme) : theme.textDim
            x += buffer.write(text, x: x, y: 1, style: style, maxWidth: buffer.width - x) + 2
            if x >= buffer.width { break }
        }
        let active = state.rows.filter { !$0.job.status.isTerminal }
        let done = active.reduce(0) { $0 + ($1.job.processedItems ?? 0) }
        let total = active.reduce(0) { $0 + $1.job.totalItems }
        let summary = "active items \(done)/\(total)"
        let width = CharacterWidth.of(summary)
        if x + width + 1 < buffer.width {
            buffer.write(summary, x: buffer.width - width - 1, y: 1, style: theme.textDim)
        }
    }

    private static func drawHeadings(_ layout: TableLayout, theme: Theme, into buffer: inout Buffer) {
        for placed in layout.columns {
            buffer.write(
                placed.column.heading, in: Rect(x: placed.x, y: 2, width: placed.width, height: 1),
                style: theme.tableHeader, alignment: placed.column.isNumeric ? .right : .left)
        }
    }

    private static func drawRows(_ state: AppState, layout: TableLayout, theme: Theme, into buffer: inout Buffer) {
        let top = chromeHeight - 1
        let visible = state.visibleRowCount
        if state.rows.isEmpty {
            let message =
                state.snapshot.health.lastSuccess == nil
                ? "Waiting for the first answer from the API" + state.glyphs.ellipsis
                : "No jobs match. New jobs appear here as they are created."
            buffer.write(message, x: 1, y: top + 1, style: theme.textDim, maxWidth: buffer.width - 2)
            return
        }
        let end = min(state.rows.count, state.scrollOffset + visible)
        guard state.scrollOffset < end else { return }
        for (offset, tracked) in state.rows[state.scrollOffset..<end].enumerated() {
            let y = top + offset
            JobRow.draw(tracked, layout: layout, y: y, state: state, theme: theme, into: &buffer)
            if tracked.id == state.selectedID {
                buffer.restyle(Rect(x: 0, y: y, width: buffer.width, height: 1)) {
                    var style = $0.adding(theme.tableSelected.attributes)
                    if theme.tableSelected.background != .terminalDefault {
                        style.background = theme.tableSelected.background
                    }
                    return style
                }
            }
        }
    }

    private static func drawFooter(_ state: AppState, keyMap: KeyMap, theme: Theme, into buffer: inout Buffer) {
        let y = buffer.height - 1
        var x = 1
        for binding in keyMap.bindings where binding.inFooter {
            let keyWidth = buffer.write(binding.label(ascii: state.glyphs.isASCII), x: x, y: y, style: theme.footerKey, maxWidth: buffer.width - x)
            x += keyWidth
            x += buffer.write(" " + binding.summary, x: x, y: y, style: theme.textDim, maxWidth: buffer.width - x) + 2
            if x >= buffer.width { break }
        }
        var right = state.statusMessage ?? ""
        if state.rows.count > state.visibleRowCount, state.visibleRowCount > 0 {
            let first = state.scrollOffset + 1
            let last = min(state.rows.count, state.scrollOffset + state.visibleRowCount)
            right = (right.isEmpty ? "" : right + "  ") + "\(first)-\(last) of \(state.rows.count)"
        }
        let width = CharacterWidth.of(right)
        if !right.isEmpty, x + width < buffer.width {
            buffer.write(right, x: buffer.width - width - 1, y: y, style: theme.text)
        }
    }
}
