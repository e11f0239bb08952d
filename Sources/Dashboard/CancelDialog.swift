import JobMonitor
import TerminalUI

/// The confirmation asked before cancelling a job: which job, how far it got, and the keys to answer.
public enum CancelDialog {
    /// Draws the dialog centred on the screen.
    public static func draw(_ tracked: TrackedJob, glyphs: Glyphs, theme: Theme, into buffer: inout Buffer) {
        let job = tracked.job
        let lines = [
            "Cancel this job?",
            "",
            "\(job.id)",
            "\(job.type) \(glyphs.separator) \(StatusBadge.label(job.status, glyphs: glyphs)) \(glyphs.separator) "
                + (job.isProgressKnown ? Formatting.percent(JobFigures(job: job).percent) : "progress unknown")
                + " (\(job.processedItems ?? 0)/\(job.batch.map { $0.filesTotal.map(String.init) ?? "?" } ?? String(job.totalItems)) "
                + (job.api == .v2 ? "files)" : "items)"),
            "",
            "y  cancel the job        n / Esc  keep it running",
        ]
        let width = min(buffer.width - 2, max(50, lines.map { CharacterWidth.of($0) }.max() ?? 0) + 4)
        let rect = Box.centered(width: width, height: lines.count + 2, in: buffer.area)
        let inner = Box.draw(rect, title: "cancel", style: theme.text, borderStyle: theme.alert, glyphs: glyphs, into: &buffer)
        for (row, line) in lines.prefix(inner.height).enumerated() {
            let style = row == 0 ? theme.alert : row == lines.count - 1 ? theme.footerKey : theme.text
            buffer.write(line, x: inner.x + 1, y: inner.y + row, style: style, maxWidth: inner.width - 2)
        }
    }
}
