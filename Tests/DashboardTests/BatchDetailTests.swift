import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// The detail screen of a v2 batch at 80×24 (the grid of `DetailScreenTests`): the batch's fields, its files with
/// their job IDs and errors, and the `f` cycle of a batch's file statuses.
@Suite struct BatchDetailTests {
    private static let facts = BatchFacts(
        configurationType: "parse_v2", configurationID: "cfg-PARSE_AGENTIC", resultsKnown: true, filesTotal: 10,
        done: 5, failedJobs: 1, mappingErrors: 1, active: 2, waiting: 1)

    private static func file(_ id: String, _ name: String, _ status: String, job: String?, error: String? = nil) -> FileItem {
        var item = FileItem(id: id, name: name, status: status, errorMessage: error)
        item.jobID = job
        return item
    }

    /// The poller's failed files: a mapping error (no job) and a failed job.
    private static let failedFiles = [
        file("dfl-1", "scan-07.pdf", "failed", job: nil, error: "unsupported file type"),
        file("dfl-2", "report.pdf", "failed", job: "pjb-123", error: "OCR timeout"),
    ]
    private static let otherFiles = [
        file("dfl-3", "invoice-01.pdf", "completed", job: "pjb-101"),
        file("dfl-4", "big.pdf", "throttled", job: "pjb-130"),
        file("dfl-5", "late.pdf", "waiting", job: nil),
    ]

    private static func opened(
        _ tracked: TrackedJob, glyphs: Glyphs = .unicode, width: Int = 80, height: Int = 24
    ) -> AppState {
        var state = Fixtures.state(width: width, height: height, glyphs: glyphs, snapshot: Fixtures.snapshot([tracked]))
        Fixtures.press(.enter, on: &state)
        return state
    }

    private static func withFiles(_ tracked: TrackedJob = Fixtures.batch(facts: facts)) -> AppState {
        var state = opened(tracked)
        let failed = Fixtures.itemRequest(jobID: tracked.id, status: "failed", offset: 0, generation: 1)
        let rest = Fixtures.itemRequest(jobID: tracked.id, status: nil, offset: 0, generation: 1)
        #expect(Reducer.reduce(&state, Fixtures.loaded(failed, failedFiles, total: 2)) == [.loadItems(rest)])
        #expect(Reducer.reduce(&state, Fixtures.loaded(rest, failedFiles + otherFiles, total: 5)) == [])
        return state
    }

    @Test func aBatchWithFiles() {
        let buffer = Fixtures.render(Self.withFiles())
        #expect(
            buffer.lines == [
                " bat-4k2m9x7q1w · parse · ▶ running",
                " id              bat-4k2m9x7q1w         done            5",
                " status          running                failed          2 (1 mapping error)",
                " api             v2 batch               cancelled       0",
                " config_type     parse_v2               active          2",
                " config_id       cfg-PARSE_AGENTIC      waiting         1",
                " source_dir      dir-invoices           progress        70%",
                " created_at      2025-06-15 14:06:40",
                " updated_at      2025-06-15 15:05:40",
                " files_total     10",
                " progress 70%  ·  rate —  ·  ETA —  ·  elapsed —  ·  last progress —",
                " history",
                " error_message  — none",
                "",
                " Files (all, failed first): 5 loaded of 10, 2 failed",
                " STATUS       FILE                      JOB / ERROR",
                " ✘ failed     scan-07.pdf               no job  unsupported file type",
                " ✘ failed     report.pdf                pjb-123  OCR timeout",
                " ✔ completed  invoice-01.pdf            pjb-101",
                " ⧗ throttled  big.pdf                   pjb-130",
                " · waiting    late.pdf",
                "",
                "",
                " ↑↓/jk move  f file status filter  c cancel job  ? help  Esc/q back",
            ])
    }

    /// Styles: the mapping error and the job's error in the failed style, the job ID as text, `no job` dim, the
    /// throttled file in the throttled style.
    @Test func fileRowsUseTheirStyles() {
        let theme = Theme.defaultDark
        let buffer = Fixtures.render(Self.withFiles())
        #expect(buffer[48, 16] == Cell("u", style: theme.statusFailed.adding(.reverse)))
        #expect(buffer[40, 16].style.attributes.contains(.dim))
        #expect(buffer[40, 17] == Cell("p", style: theme.text))
        #expect(buffer[49, 17] == Cell("O", style: theme.statusFailed))
        #expect(buffer[1, 19] == Cell("⧗", style: theme.statusThrottled))
        #expect(buffer[1, 20].style == theme.textDim)
    }

    /// Results not known, directory not counted, a cancel under way: the fields say so instead of showing zeros
    /// (at 120 columns, values at x 17 and 76, 42 wide).
    @Test func unknownCountsAndCancelling() {
        let facts = BatchFacts(configurationType: "extract_v2", configurationID: "cfg-EXTRACT", cancelRequested: true)
        let state = Self.opened(Fixtures.batch(type: .extract, status: .throttled, facts: facts), width: 120, height: 30)
        let buffer = Fixtures.render(state)
        #expect(buffer.lines[0] == " bat-4k2m9x7q1w · extract · ⊘ cancelling…")
        #expect(buffer[28, 0].style == Theme.defaultDark.statusCancelled.over(Theme.defaultDark.title))
        #expect(buffer.lines[2].hasPrefix(" status          cancelling… (throttled) "))
        #expect(buffer.lines[2].hasSuffix(" failed          0 (0 mapping errors)"))
        #expect(buffer.lines[4].hasPrefix(" config_type     extract_v2 "))
        #expect(buffer.lines[9] == " files_total     counting…")
        #expect(buffer.lines[6].hasSuffix(" progress        unknown — results not available yet"))
        #expect(buffer.lines[10].hasPrefix(" progress unknown  ·  "))
        let ascii = Fixtures.render(Self.opened(Fixtures.batch(status: .running, facts: facts), glyphs: .ascii))
        #expect(ascii.lines[0] == " bat-4k2m9x7q1w | parse | - cancelling...")
        #expect(ascii.lines[2].hasPrefix(" status          cancelling... (run"))
    }

    /// A throttled batch with the poller's stall flag: no STALLED alert on the metrics line.
    @Test func noStalledAlertForAThrottledBatch() {
        let stalled = JobMetrics(isStalled: true)
        let throttled = Fixtures.render(Self.opened(Fixtures.batch(status: .throttled, facts: Self.facts, metrics: stalled)))
        #expect(!throttled.lines[10].contains("STALLED"), "\(throttled.lines[10])")
        let running = Fixtures.render(Self.opened(Fixtures.batch(status: .running, facts: Self.facts, metrics: stalled)))
        #expect(running.lines[10].contains("STALLED"), "\(running.lines[10])")
    }

    /// `f` on a batch: failed, completed, cancelled, running, pending, throttled, waiting, then all again; each step
    /// asks the poller for that status, exactly as for a beta job.
    @Test func fCyclesThroughTheBatchFileStatusesIncludingWaiting() {
        var state = Self.opened(Fixtures.batch(facts: Self.facts))
        let steps = ["failed", "completed", "cancelled", "running", "pending", "throttled", "waiting"]
        for (index, status) in steps.enumerated() {
            let effects = Fixtures.press(.character("f"), on: &state)
            let expected = Fixtures.itemRequest(jobID: "bat-4k2m9x7q1w", status: status, offset: 0, generation: index + 2)
            #expect(effects == [.loadItems(expected)], "\(status)")
            #expect(state.detail?.filter == .only(status))
            #expect(state.detail?.filter.label == "only \(status)")
        }
        let back = Fixtures.press(.character("f"), on: &state)
        #expect(state.detail?.filter == .failedFirst)
        #expect(back == [.loadItems(Fixtures.itemRequest(jobID: "bat-4k2m9x7q1w", status: "failed", offset: 0, generation: 9))])
        #expect(ItemFilter.cycle(for: .v2).contains(.only("waiting")))
        #expect(!ItemFilter.cycle(for: .v1).contains(.only("waiting")))
        #expect(ItemFilter.failedFirst.next == .only("failed") && ItemFilter.only("failed").next == .only("skipped"))
    }

    /// Waiting files have their own symbol in both glyph sets, one column wide.
    @Test func waitingFileInASCII() {
        var state = Self.withFiles()
        state.glyphs = .ascii
        let buffer = Fixtures.render(state)
        #expect(buffer.lines[20] == " _ waiting    late.pdf")
        #expect(buffer.lines[19] == " = throttled  big.pdf                   pjb-130")
    }
}
