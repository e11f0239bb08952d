import JobMonitor
import TerminalUI

/// The file list of the detail screen: status, name, and why it failed or was skipped.
enum DetailItemList {
    /// Width of the status column.
    static let statusWidth = 12

    /// Draws the list's title, headings, rows and loading state.
    static func draw(
        _ detail: DetailState, job: Job, layout: DetailLayout, glyphs: Glyphs, theme: Theme, into buffer: inout Buffer
    ) {
        var title = "Files (\(detail.filter.label)): \(detail.items.count) loaded"
        if let total = detail.listingTotal, case .only = detail.filter { title += " of \(total)" }
        if case .failedFirst = detail.filter { title += " of \(job.totalItems), \(job.failedItems ?? detail.failedTotal) failed" }
        if detail.pending != nil { title += "  loading" + glyphs.ellipsis }
        if detail.isAtLimit, !detail.isComplete { title += "  (no more are loaded: the view keeps at most \(DetailState.maximumLoadedFiles))" }
        buffer.write(title, x: 1, y: layout.itemsTitleRow, style: theme.tableHeader, maxWidth: buffer.width - 2)

        let nameWidth = max(10, (buffer.width - statusWidth - 4) * 2 / 5)
        let detailX = 1 + statusWidth + 1 + nameWidth + 1
        let detailWidth = max(0, buffer.width - detailX - 1)
        buffer.write("STATUS", in: Rect(x: 1, y: layout.itemsHeadingRow, width: statusWidth, height: 1), style: theme.tableHeader)
        buffer.write(
            "FILE", in: Rect(x: 2 + statusWidth, y: layout.itemsHeadingRow, width: nameWidth, height: 1), style: theme.tableHeader)
        buffer.write(
            "ERROR / SKIP REASON", in: Rect(x: detailX, y: layout.itemsHeadingRow, width: detailWidth, height: 1),
            style: theme.tableHeader)

        if detail.items.isEmpty {
            let message: String
            if let error = detail.loadError {
                message = "could not load files: \(error)"
            } else if detail.pending != nil || detail.nextRequest != nil {
                message = "loading files" + glyphs.ellipsis
            } else {
                message = "no files match this filter (f changes it)"
            }
            buffer.write(message, x: 1, y: layout.items.y, style: detail.loadError == nil ? theme.textDim : theme.alert,
                maxWidth: buffer.width - 2)
            return
        }
        let end = min(detail.items.count, detail.scrollOffset + layout.itemRows)
        guard detail.scrollOffset < end else { return }
        for (offset, item) in detail.items[detail.scrollOffset..<end].enumerated() {
            let y = layout.items.y + offset
            let style = itemStyle(item.status, theme: theme)
            buffer.write(
                itemSymbol(item.status, glyphs: glyphs) + " " + item.status,
                in: Rect(x: 1, y: y, width: statusWidth, height: 1), style: style, ellipsis: glyphs.ellipsis)
            buffer.write(
                item.name, in: Rect(x: 2 + statusWidth, y: y, width: nameWidth, height: 1), style: theme.text,
                ellipsis: glyphs.ellipsis)
            let reason = item.errorMessage ?? item.skipReason.map { "skipped: \($0)" } ?? ""
            buffer.write(
                reason, in: Rect(x: detailX, y: y, width: detailWidth, height: 1),
                style: item.errorMessage != nil ? theme.statusFailed : theme.textDim, ellipsis: glyphs.ellipsis)
            if detail.scrollOffset + offset == detail.selected {
                buffer.restyle(Rect(x: 0, y: y, width: buffer.width, height: 1)) { $0.adding(theme.tableSelected.attributes) }
            }
        }
        if let error = detail.loadError {
            buffer.write("more files could not be loaded: \(error)", x: 1, y: layout.items.maxY - 1, style: theme.alert,
                maxWidth: buffer.width - 2)
        }
    }

    static func itemSymbol(_ status: String, glyphs: Glyphs) -> String {
        switch status {
        case "failed": return glyphs.isASCII ? "x" : "✘"
        case "completed": return glyphs.isASCII ? "+" : "✔"
        case "skipped": return glyphs.isASCII ? "~" : "↷"
        case "processing": return glyphs.isASCII ? ">" : "▶"
        case "pending": return glyphs.isASCII ? "." : "◌"
        case "cancelled": return glyphs.isASCII ? "-" : "⊘"
        default: return "?"
        }
    }

    static func itemStyle(_ status: String, theme: Theme) -> Style {
        switch status {
        case "failed": return theme.statusFailed
        case "completed": return theme.statusCompleted
        case "skipped": return theme.textDim
        case "processing": return theme.statusRunning
        case "pending": return theme.statusPending
        case "cancelled": return theme.statusCancelled
        default: return theme.statusUnknown
        }
    }
}
