import JobMonitor
import TerminalUI

/// How a status is shown: a symbol and a word (never colour alone) plus the theme role's style.
public enum StatusBadge {
    /// The symbol for a status in the given glyph set (always one column wide).
    public static func symbol(_ status: JobStatus, glyphs: Glyphs) -> String {
        switch status {
        case .pending: return glyphs.isASCII ? "." : "◌"
        case .running: return glyphs.isASCII ? ">" : "▶"
        case .dispatched: return glyphs.isASCII ? "^" : "⇢"
        // An hourglass: held back by the service for capacity. ASCII `=` ("on hold"): `~` is the ASCII ellipsis.
        case .throttled: return glyphs.isASCII ? "=" : "⧗"
        case .completed: return glyphs.isASCII ? "+" : "✔"
        case .failed: return glyphs.isASCII ? "x" : "✘"
        case .cancelled: return glyphs.isASCII ? "-" : "⊘"
        case .other: return "?"
        }
    }

    /// Symbol and word, e.g. `✘ failed`.
    public static func label(_ status: JobStatus, glyphs: Glyphs) -> String {
        symbol(status, glyphs: glyphs) + " " + status.description
    }

    /// The theme style of a status.
    public static func style(_ status: JobStatus, theme: Theme) -> Style {
        switch status {
        case .pending: return theme.statusPending
        case .running: return theme.statusRunning
        case .dispatched: return theme.statusDispatched
        case .throttled: return theme.statusThrottled
        case .completed: return theme.statusCompleted
        case .failed: return theme.statusFailed
        case .cancelled: return theme.statusCancelled
        case .other: return theme.statusUnknown
        }
    }

    /// True while a v2 batch's accepted cancel has not turned it `cancelled` (or another end state) yet.
    public static func isCancelling(_ job: Job) -> Bool {
        job.batch?.cancelRequested == true && !job.status.isTerminal
    }

    /// `cancelling…` (ASCII `cancelling...`): the word for a cancel under way, where there is room for it.
    public static func cancellingWord(glyphs: Glyphs) -> String {
        "cancelling" + (glyphs.isASCII ? "..." : "…")
    }

    /// The table's status cell of a job: `⊘ cancelling` while a cancel is under way (12 columns, the width of the
    /// status column, in both glyph sets), otherwise the status label.
    public static func cell(_ job: Job, glyphs: Glyphs) -> String {
        isCancelling(job) ? symbol(.cancelled, glyphs: glyphs) + " cancelling" : label(job.status, glyphs: glyphs)
    }

    /// The status of a job with room to spare (detail title): `⊘ cancelling…` while a cancel is under way.
    public static func wideLabel(_ job: Job, glyphs: Glyphs) -> String {
        isCancelling(job) ? symbol(.cancelled, glyphs: glyphs) + " " + cancellingWord(glyphs: glyphs) : label(job.status, glyphs: glyphs)
    }

    /// The style of a job's status: the cancelled style while a cancel is under way.
    public static func style(_ job: Job, theme: Theme) -> Style {
        isCancelling(job) ? theme.statusCancelled : style(job.status, theme: theme)
    }

    /// True when the row should show the poller's stall marker: never for a throttled job, which the service holds
    /// back on purpose (waiting for capacity is not being stuck).
    public static func showsStall(_ tracked: TrackedJob) -> Bool {
        tracked.metrics.isStalled && tracked.job.status != .throttled
    }
}
