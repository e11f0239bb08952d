import JobMonitor
import TerminalUI

/// The file list of the detail screen: status, name, and why it failed or was skipped; for a v2 batch, the job
/// handling each file and the job's or the mapping's error.
enum DetailItemList {
    /// Width of the status column.
    static let statusWidth = 12

    /// Draws the list's title, headings, rows and loading state.
    static func draw(
        _ detail: DetailState, job: Job, layout: DetailLayout, glyphs: Glyphs, theme: Theme, into buffer: inout Buffer
    ) {
        var title = "Files (\(detail.filter.label)): \(detail.items.count) loaded"
        if let total = detail.listingTotal, case .only = detail.filter { title += " of \(total)" }
        if case .failedFirst = detail.filter {
            let total = job.batch.map { $0.filesTotal.map(String.init) ?? "?" } ?? String(job.totalItems)
            title += " of \(total), \(job.failedItems ?? detail.failedTotal) failed"
        }
        if detail.pending != nil { title += "  loading" + glyphs.ellipsis }
        if detail.isAtLimit, !detail.isComplete { title += "  (no more are loaded: the view keeps at most \(DetailState.maximumLoadedFiles))" }
        buffer.write(title, x: 1, y: layout.itemsTitleRow, style: theme.tableHeader, maxWidth: buffer.width - 2)

        let nameWidth = max(10, (buffer.width - statusWidth - 4) * 2 / 5)
        let detailX = 1 + statusWidth + 1 + nameWidth + 1
        let detailWidth = max(0, buffer.width - detailX - 1)
        buffer.write("STATUS", in: Rect(x: 1, y: layout.itemsHeadingRow, width: statusWidth, height: 1), style: theme.tableHeader)
        buffer.write(
            "FILE", in: Rect(x: 2 + statusWidth, y: layout.itemsHeadingRow, width: nameWidth, height: 1), style: theme.tableHeader)
        let isBatch = job.api == .v2
        buffer.write(
            isBatch ? "JOB / ERROR" : "ERROR / SKIP REASON", in: Rect(x: detailX, y: layout.itemsHeadingRow, width: detailWidth, height: 1),
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
            let detailRect = Rect(x: detailX, y: y, width: detailWidth, height: 1)
            if isBatch {
                drawBatchDetail(item, in: detailRect, glyphs: glyphs, theme: theme, into: &buffer)
            } else {
                let reason = item.errorMessage ?? item.skipReason.map { "skipped: \($0)" } ?? ""
                buffer.write(
                    reason, in: detailRect, style: item.errorMessage != nil ? theme.statusFailed : theme.textDim,
                    ellipsis: glyphs.ellipsis)
            }
            if detail.scrollOffset + offset == detail.selected {
                buffer.restyle(Rect(x: 0, y: y, width: buffer.width, height: 1)) { $0.adding(theme.tableSelected.attributes) }
            }
        }
        if let error = detail.loadError {
            buffer.write("more files could not be loaded: \(error)", x: 1, y: layout.items.maxY - 1, style: theme.alert,
                maxWidth: buffer.width - 2)
        }
    }

    /// A v2 file's job ID (or `no job` when its mapping failed), then the error, e.g. `pjb-123  OCR timeout`.
    static func drawBatchDetail(_ item: FileItem, in rect: Rect, glyphs: Glyphs, theme: Theme, into buffer: inout Buffer) {
        let job = item.jobID ?? (item.status == "waiting" ? "" : "no job")
        let used = buffer.write(job, x: rect.x, y: rect.y, style: item.jobID == nil ? theme.textDim : theme.text, maxWidth: rect.width)
        guard let error = item.errorMessage, !error.isEmpty else { return }
        let x = rect.x + used + (used > 0 ? 2 : 0)
        buffer.write(
            error, in: Rect(x: x, y: rect.y, width: max(0, rect.maxX - x), height: 1), style: theme.statusFailed,
            ellipsis: glyphs.ellipsis)
    }

    /// A file status's symbol: beta files' `skipped` and `processing`, v2 files' `waiting` (not reached yet), and
    /// otherwise the symbol of the job status of the same name.
    static func itemSymbol(_ status: String, glyphs: Glyphs) -> String {
        switch status {
        case "skipped": return glyphs.isASCII ? "~" : "↷"
        case "processing": return StatusBadge.symbol(.running, glyphs: glyphs)
        case "waiting": return glyphs.isASCII ? "_" : "·"
        default: return StatusBadge.symbol(JobStatus(raw: status), glyphs: glyphs)
        }
    }

    /// A file status's style, matched like `itemSymbol`.
    static func itemStyle(_ status: String, theme: Theme) -> Style {
        switch status {
        case "skipped", "waiting": return theme.textDim
        case "processing": return theme.statusRunning
        default: return StatusBadge.style(JobStatus(raw: status), theme: theme)
        }
    }
}
