import FoundationEssentials
import JobMonitor
import LlamaCloud
import TerminalUI

/// The main screen: title bar, status counts, the job table with gauges, and the key hints.
public enum TableScreen {
    /// Rows used by everything but the table body.
    public static let chromeHeight = 4

    /// Renders the table screen (everything but the footer) into the buffer. Pure: no I/O, no sorting.
    public static func render(_ state: AppState, theme: Theme, secondsFromGMT: Int = 0, into buffer: inout Buffer) {
        drawTitle(state, theme: theme, secondsFromGMT: secondsFromGMT, into: &buffer)
        drawCounts(state, theme: theme, into: &buffer)
        let layout = TableLayout(width: buffer.width)
        drawHeadings(layout, theme: theme, into: &buffer)
        drawRows(state, layout: layout, theme: theme, into: &buffer)
    }

    private static func drawTitle(_ state: AppState, theme: Theme, secondsFromGMT: Int, into buffer: inout Buffer) {
        let row = buffer.area.row(0)
        buffer.fill(row, style: theme.title)
        let glyphs = state.glyphs
        let paused = state.isPaused ? " \(glyphs.separator) PAUSED" : ""
        let jobs = state.snapshot.loading.map { loadingText($0, glyphs: glyphs) } ?? "\(state.snapshot.jobs.count) jobs"
        let left = " batchtop \(glyphs.separator) \(state.source) \(glyphs.separator) \(jobs)" + paused
        let health = state.snapshot.health
        let right: String
        var rightStyle = theme.title
        let retry = health.secondsUntilRetry(at: state.now).map { " \(glyphs.separator) retry in \(Formatting.age($0))" } ?? ""
        switch health.state {
        case .connecting:
            right = "connecting" + glyphs.ellipsis
        case .ok:
            // Which APIs answered (beta jobs, v2 batches), when the poller says.
            let live = state.snapshot.liveAPIs.map(\.rawValue).joined(separator: "+")
            let apis = live.isEmpty ? "" : " (\(live))"
            // While the poller idles (nothing unfinished, nothing changing) it says so, with the longest wait.
            let pace = state.snapshot.idleInterval.map { "idle, slowing to every \(Formatting.interval($0))" }
                ?? "every \(Formatting.interval(state.snapshot.interval))"
            right = "API ok\(apis) \(glyphs.separator) \(pace)"
        case .degraded, .down:
            let label = health.state == .down ? "API down" : "API degraded"
            right = "\(label) (\(health.consecutiveFailures)x)" + retry
            rightStyle = theme.alert.over(theme.title)
        case .unauthorized:
            right = "API key rejected, polling stopped"
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

    /// The title's job count while the first listing pages in: `loading 12,300 of 100,000 jobs…`.
    private static func loadingText(_ loading: LoadingProgress, glyphs: Glyphs) -> String {
        let of = loading.total.map { $0 > loading.loaded ? " of \(Formatting.grouped($0))" : "" } ?? ""
        return "loading \(Formatting.grouped(loading.loaded))\(of) jobs" + glyphs.ellipsis
    }

    private static func drawCounts(_ state: AppState, theme: Theme, into buffer: inout Buffer) {
        if let message = state.snapshot.health.message {
            // While the API is failing, why (and what to do) matters more than the counts of last known data.
            let marker = state.glyphs.isASCII ? "!" : "⚠"
            buffer.write(
                "\(marker) \(message)", in: Rect(x: 1, y: 1, width: buffer.width - 2, height: 1), style: theme.alert,
                ellipsis: state.glyphs.ellipsis)
            return
        }
        let counts = state.summary.countsByStatus
        var statuses = JobStatus.known
        statuses += counts.keys.filter { if case .other = $0 { return true } else { return false } }
            .sorted { $0.description < $1.description }
        let shown = statuses.filter { status in
            let count = counts[status] ?? 0
            if count > 0 { return true }
            if case .other = status { return false }
            // Statuses that only some jobs ever reach (throttled: v2 batches only) are listed only when present.
            return status != .dispatched && status != .throttled && status != .cancelled
        }
        var segments: [(String, Style)] = []
        if state.sort.key != .standard || state.sort.reversed {
            let arrow = state.glyphs.isASCII ? (state.sort.reversed ? "^" : "v") : (state.sort.reversed ? "↑" : "↓")
            segments.append(("sort \(state.sort.key.rawValue)\(arrow)", theme.text))
        }
        if !state.filter.isEmpty {
            segments.append(("/\(state.filter) \(state.hiddenCount) hidden", theme.alert))
        }
        // Words with the counts when there is room; symbols only when the sort or filter would not fit otherwise.
        func countText(_ status: JobStatus, words: Bool) -> String {
            let symbol = StatusBadge.symbol(status, glyphs: state.glyphs)
            return words ? "\(symbol) \(counts[status] ?? 0) \(status.description)" : "\(symbol)\(counts[status] ?? 0)"
        }
        let segmentsWidth = segments.reduce(0) { $0 + CharacterWidth.of(TerminalText.sanitize($1.0)) + 2 }
        let wordsWidth = shown.reduce(1) { $0 + CharacterWidth.of(countText($1, words: true)) + 2 }
        let words = segments.isEmpty || wordsWidth + segmentsWidth < buffer.width
        var x = 1
        for status in shown {
            let count = counts[status] ?? 0
            let style = count > 0 ? StatusBadge.style(status, theme: theme) : theme.textDim
            x += buffer.write(countText(status, words: words), x: x, y: 1, style: style, maxWidth: buffer.width - x)
            x += words ? 2 : 1
            if x >= buffer.width { break }
        }
        if segments.isEmpty {
            var text = "active items \(state.summary.itemsDone)/\(state.summary.itemsTotal)"
            if let rate = state.summary.overallRate, rate > 0 { text += " \(state.glyphs.separator) " + Formatting.rate(rate) }
            segments.append((text, theme.textDim))
        }
        var right = buffer.width - 1
        for (text, style) in segments.reversed() {
            let width = CharacterWidth.of(TerminalText.sanitize(text))
            guard right - width - 1 > x else { break }
            right -= width
            buffer.write(text, x: right, y: 1, style: style)
            right -= 2
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
        let selected = state.selectedID.map { JobID($0) }
        for (offset, tracked) in state.rows[state.scrollOffset..<end].enumerated() {
            let y = top + offset
            JobRow.draw(tracked, layout: layout, y: y, state: state, theme: theme, into: &buffer)
            if tracked.jobID == selected {
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
}
