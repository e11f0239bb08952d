import FoundationEssentials
import JobMonitor
import TerminalUI

/// The job detail screen: every field of the job, derived metrics, a progress sparkline, the job's error, and
/// its files (failed first) with their errors and skip reasons.
public enum DetailScreen {
    /// Renders the detail of `detail.jobID` into the buffer. Pure: no I/O, no sorting.
    public static func render(
        _ state: AppState, detail: DetailState, theme: Theme, secondsFromGMT: Int, into buffer: inout Buffer
    ) {
        let glyphs = state.glyphs
        let listed = state.job(id: detail.jobID)
        let tracked = listed ?? detail.lastSeen ?? .placeholder(id: detail.jobID)
        let job = tracked.job
        let layout = DetailLayout(size: state.size)

        buffer.fill(buffer.area.row(0), style: theme.title)
        let title = " \(job.id) \(glyphs.separator) \(job.type) \(glyphs.separator) "
        let used = buffer.write(title, x: 0, y: 0, style: theme.title)
        let badge = buffer.write(
            StatusBadge.wideLabel(job, glyphs: glyphs), x: used, y: 0, style: StatusBadge.style(job, theme: theme).over(theme.title))
        if listed == nil, detail.lastSeen != nil {
            buffer.write(
                "  \(glyphs.separator) dropped from the listing: last data shown", x: used + badge, y: 0,
                style: theme.alert.over(theme.title))
        }

        drawFields(
            job, recordIDs: detail.recordIDs, layout: layout, glyphs: glyphs, theme: theme,
            secondsFromGMT: secondsFromGMT, into: &buffer)
        drawMetrics(tracked, state: state, layout: layout, theme: theme, into: &buffer)
        drawError(job, layout: layout, glyphs: glyphs, theme: theme, into: &buffer)
        DetailItemList.draw(detail, job: job, layout: layout, glyphs: glyphs, theme: theme, into: &buffer)
    }

    /// The job's fields in API order, name and value; absent values are shown as such. A v2 batch shows its own
    /// fields instead (`BatchFields`). The record and workflow IDs are `recordIDs` (fetched by the detail view) when
    /// given, else the job's own.
    static func fields(
        _ job: Job, recordIDs: JobRecordIDs? = nil, glyphs: Glyphs, secondsFromGMT: Int
    ) -> [(String, String?)] {
        if job.api == .v2, let batch = job.batch {
            return BatchFields.fields(job, batch: batch, glyphs: glyphs, secondsFromGMT: secondsFromGMT)
        }
        func date(_ value: Date?) -> String? { value.map { Formatting.dateTime($0, secondsFromGMT: secondsFromGMT) } }
        return [
            ("id", job.id), ("job_type", job.type.description), ("project_id", job.projectID.isEmpty ? nil : job.projectID),
            ("status", job.status.description), ("total_items", String(job.totalItems)),
            ("processed_items", job.processedItems.map(String.init)), ("failed_items", job.failedItems.map(String.init)),
            ("skipped_items", job.skippedItems.map(String.init)), ("created_at", date(job.createdAt)),
            ("started_at", date(job.startedAt)), ("updated_at", date(job.updatedAt)),
            ("completed_at", date(job.completedAt)), ("effective_at", date(job.effectiveAt)),
            ("directory_id", job.directoryID), ("job_record_id", recordIDs?.jobRecordID ?? job.jobRecordID),
            ("workflow_id", recordIDs?.workflowID ?? job.workflowID),
            ("error_message", job.errorMessage.map { _ in "see below" }),
        ]
    }

    private static func drawFields(
        _ job: Job, recordIDs: JobRecordIDs?, layout: DetailLayout, glyphs: Glyphs, theme: Theme, secondsFromGMT: Int,
        into buffer: inout Buffer
    ) {
        let entries = fields(job, recordIDs: recordIDs, glyphs: glyphs, secondsFromGMT: secondsFromGMT)
        let columnWidth = layout.fields.width / layout.fieldColumns
        let labelWidth = 16
        guard layout.fields.height > 0 else { return }
        for (index, entry) in entries.enumerated() {
            let column = index / layout.fields.height
            if column >= layout.fieldColumns { break }
            let row = index % layout.fields.height
            let x = layout.fields.x + column * columnWidth
            let y = layout.fields.y + row
            buffer.write(entry.0, in: Rect(x: x, y: y, width: labelWidth, height: 1), style: theme.textDim)
            let valueRect = Rect(x: x + labelWidth, y: y, width: columnWidth - labelWidth - 1, height: 1)
            if let value = entry.1 {
                buffer.write(value, in: valueRect, style: theme.text, ellipsis: glyphs.ellipsis)
            } else {
                buffer.write(glyphs.absent + " absent", in: valueRect, style: theme.textDim)
            }
        }
    }

    private static func drawMetrics(
        _ tracked: TrackedJob, state: AppState, layout: DetailLayout, theme: Theme, into buffer: inout Buffer
    ) {
        let metrics = tracked.metrics
        let glyphs = state.glyphs
        let figures = JobFigures(tracked: tracked)
        let known = tracked.job.isProgressKnown
        var parts = ["progress " + (known ? Formatting.percent(figures.percent) : "unknown")]
        parts.append("rate " + (metrics.throughput.map(Formatting.rate) ?? glyphs.absent))
        parts.append("ETA " + (metrics.eta.map(Formatting.duration) ?? glyphs.absent))
        parts.append(
            (tracked.job.status.isTerminal ? "took " : "elapsed ") + (metrics.elapsed.map(Formatting.duration) ?? glyphs.absent))
        parts.append("last progress " + (metrics.sinceLastProgress.map { Formatting.age($0) + " ago" } ?? glyphs.absent))
        if let age = tracked.age(at: state.now), tracked.isStale(at: state.now, interval: state.snapshot.interval) {
            parts.append("data \(Formatting.age(age)) old")
        }
        let line = parts.joined(separator: "  \(glyphs.separator)  ")
        let used = buffer.write(line, x: 1, y: layout.metricsRow, style: theme.text, maxWidth: buffer.width - 2)
        var alerts: [String] = []
        if StatusBadge.showsStall(tracked) { alerts.append("STALLED") }
        // A batch's counts before its results and files are known are placeholders, not the server contradicting itself.
        if figures.isInconsistent, known {
            alerts.append("? counts inconsistent: " + figures.inconsistencies.map(\.explanation).joined(separator: "; "))
        }
        if !alerts.isEmpty {
            let text = "  " + alerts.joined(separator: "  ")
            buffer.write(text, x: 1 + used, y: layout.metricsRow, style: theme.alert, maxWidth: max(0, buffer.width - used - 2))
        }
        let label = "history "
        buffer.write(label, x: 1, y: layout.sparklineRow, style: theme.textDim)
        let width = min(60, buffer.width - label.count - 2)
        if metrics.history.isEmpty, tracked.job.status.isTerminal {
            // A job first seen finished has no history (the poller keeps none for it): say so rather than draw nothing.
            buffer.write(
                "\(glyphs.absent) not seen running", x: 1 + label.count, y: layout.sparklineRow, style: theme.textDim,
                maxWidth: max(0, width))
            return
        }
        buffer.write(
            Sparkline.render(metrics.history, width: width, glyphs: glyphs), x: 1 + label.count, y: layout.sparklineRow,
            style: theme.gaugeFill)
    }

    private static func drawError(_ job: Job, layout: DetailLayout, glyphs: Glyphs, theme: Theme, into buffer: inout Buffer) {
        guard let message = job.errorMessage.map(TerminalText.sanitize), !message.isEmpty else {
            buffer.write("error_message  \(glyphs.absent) none", x: layout.error.x, y: layout.error.y, style: theme.textDim)
            return
        }
        let prefix = "error: "
        let first = buffer.write(prefix, x: layout.error.x, y: layout.error.y, style: theme.alert)
        let width = layout.error.width - first
        let characters = Array(message)
        var start = 0
        for row in 0..<layout.error.height where start < characters.count {
            var end = start
            var used = 0
            while end < characters.count, used + CharacterWidth.of(characters[end]) <= width {
                used += CharacterWidth.of(characters[end])
                end += 1
            }
            var text = String(characters[start..<end])
            if row == layout.error.height - 1, end < characters.count {
                text = TextLayout.fit(String(characters[start...]), width: width, ellipsis: glyphs.ellipsis)
            }
            buffer.write(text, x: layout.error.x + first, y: layout.error.y + row, style: theme.statusFailed)
            start = max(end, start + 1)
        }
    }
}
