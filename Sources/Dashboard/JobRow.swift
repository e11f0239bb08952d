import FoundationEssentials
import JobMonitor
import TerminalUI

/// Draws one job as a table row.
public enum JobRow {
    /// Characters of the job ID shown in the table (enough to tell `bjb-` IDs apart).
    public static let shortIDLength = 12

    /// Draws the job's cells at row `y` following the layout.
    public static func draw(
        _ tracked: TrackedJob, layout: TableLayout, y: Int, state: AppState, theme: Theme, into buffer: inout Buffer
    ) {
        let job = tracked.job
        let glyphs = state.glyphs
        for placed in layout.columns {
            let rect = Rect(x: placed.x, y: y, width: placed.width, height: 1)
            switch placed.column {
            case .id:
                buffer.write(String(TerminalText.sanitize(job.id).prefix(shortIDLength)), in: rect, style: theme.text, ellipsis: glyphs.ellipsis)
            case .type:
                buffer.write(job.type.description, in: rect, style: theme.textDim, ellipsis: glyphs.ellipsis)
            case .status:
                buffer.write(
                    StatusBadge.cell(job, glyphs: glyphs), in: rect, style: StatusBadge.style(job, theme: theme),
                    ellipsis: glyphs.ellipsis)
            case .progress:
                drawProgress(job, figures: JobFigures(tracked: tracked), in: rect, glyphs: glyphs, theme: theme, into: &buffer)
            case .done:
                if let batch = job.batch, batch.filesTotal == nil {
                    // A v2 batch whose directory is not counted yet: finished files of an unknown total.
                    let text = tracked.fetchedAt == nil ? "-" : "\(job.processedItems ?? batch.finished)/?"
                    buffer.write(text, in: rect, style: theme.textDim, alignment: .right, ellipsis: glyphs.ellipsis)
                    continue
                }
                // As the server sent them; a `?` in the alert style when the counts contradict each other.
                let inconsistent = JobFigures(tracked: tracked).isInconsistent
                let counts = "\(job.processedItems.map(String.init) ?? "-")/\(job.totalItems)"
                let text = tracked.fetchedAt == nil ? "-" : (inconsistent ? "?" : "") + counts
                buffer.write(
                    text, in: rect, style: inconsistent ? theme.alert : theme.text, alignment: .right, ellipsis: glyphs.ellipsis)
            case .failed:
                let failed = job.failedItems ?? 0
                buffer.write(
                    String(failed), in: rect, style: failed > 0 ? theme.statusFailed : theme.textDim, alignment: .right)
            case .skipped:
                // v2 batches skip no files: the column stays empty for them.
                let text = job.api == .v2 ? "" : String(job.skippedItems ?? 0)
                buffer.write(text, in: rect, style: theme.textDim, alignment: .right)
            case .rate:
                let live = !tracked.job.status.isTerminal && !tracked.isVanished
                let text = live ? tracked.metrics.throughput.map(Formatting.rate) ?? "" : ""
                buffer.write(text, in: rect, style: theme.textDim, alignment: .right, ellipsis: glyphs.ellipsis)
            case .eta:
                if tracked.isVanished {
                    buffer.write("", in: rect, style: theme.text)
                } else if StatusBadge.showsStall(tracked) {
                    buffer.write("stalled", in: rect, style: theme.alert, alignment: .right)
                } else {
                    let eta = tracked.metrics.eta.map(Formatting.age) ?? ""
                    buffer.write(eta, in: rect, style: theme.text, alignment: .right, ellipsis: glyphs.ellipsis)
                }
            case .stale:
                let (text, style) = staleness(tracked, state: state, theme: theme)
                buffer.write(text, in: rect, style: style, alignment: .right)
            }
        }
    }

    /// The gauge followed by the percentage, e.g. `██████▍      52%`; for a v2 batch whose progress is not known
    /// yet, a dim `· unknown ·` across the gauge and `?` for the percentage (never a 0 % gauge).
    static func drawProgress(
        _ job: Job, figures: JobFigures, in rect: Rect, glyphs: Glyphs, theme: Theme, into buffer: inout Buffer
    ) {
        let labelWidth = 4
        let gaugeWidth = rect.width - labelWidth - 1
        let labelRect = Rect(x: rect.x + gaugeWidth + 1, y: rect.y, width: labelWidth, height: 1)
        guard job.isProgressKnown else {
            // Narrow gauges drop the dots, then the word: the `?` still says it.
            let word = [unknownGauge(glyphs: glyphs), "unknown"].first { CharacterWidth.of($0) <= gaugeWidth } ?? ""
            let offset = max(0, (gaugeWidth - CharacterWidth.of(word)) / 2)
            buffer.write(word, x: rect.x + offset, y: rect.y, style: theme.textDim, maxWidth: max(0, gaugeWidth - offset))
            buffer.write("?", in: labelRect, style: theme.textDim, alignment: .right)
            return
        }
        let label = Formatting.percent(figures.percent)
        let fillStyle = job.status == .failed ? theme.statusFailed : theme.gaugeFill
        Gauge.draw(
            fraction: figures.fraction, in: Rect(x: rect.x, y: rect.y, width: gaugeWidth, height: 1),
            fill: fillStyle, empty: theme.gaugeEmpty, glyphs: glyphs, into: &buffer)
        buffer.write(label, in: labelRect, style: theme.text, alignment: .right)
    }

    /// What stands in for the gauge while progress is unknown: `· unknown ·` (ASCII `- unknown -`).
    public static func unknownGauge(glyphs: Glyphs) -> String {
        glyphs.isASCII ? "- unknown -" : "· unknown ·"
    }

    /// Nothing while the row is fresh; its age once older than two poll intervals; `gone` when it vanished.
    static func staleness(_ tracked: TrackedJob, state: AppState, theme: Theme) -> (String, Style) {
        let marker = state.glyphs.isASCII ? "!" : "⚠"
        if tracked.isVanished { return ("gone", theme.textDim) }
        guard let age = tracked.age(at: state.now) else {
            return (tracked.fetchError == nil ? state.glyphs.ellipsis : marker + " err", theme.alert)
        }
        guard tracked.isStale(at: state.now, interval: state.snapshot.interval) else { return ("", theme.text) }
        return (marker + " " + Formatting.age(age), theme.alert)
    }
}
