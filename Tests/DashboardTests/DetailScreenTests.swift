import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// The detail screen at 80×24: fields in two columns of 9 rows (labels x 1 and 40, values x 17 and 56, 22 wide),
/// metrics on row 10, history on 11, the job's error on 12–13, the file list's title on 14, headings on 15 and
/// 7 file rows from 16; the footer on 23.
@Suite struct DetailScreenTests {
    private static let jobID = "bjb-7f3a9c21"

    /// A failed job with every field present, some metrics and a short history.
    private static func fullJob(errorMessage: String = "2 of 4 files failed") -> TrackedJob {
        TrackedJob(
            job: Job(
                id: jobID, type: .parse, projectID: "prj-42", status: .failed, totalItems: 4, processedItems: 4,
                failedItems: 2, skippedItems: 1, createdAt: Fixtures.ago(3600), startedAt: Fixtures.ago(3590),
                updatedAt: Fixtures.ago(600), completedAt: Fixtures.ago(600), effectiveAt: Fixtures.ago(3600),
                directoryID: "dir-invoices", errorMessage: errorMessage, jobRecordID: "rec-9", workflowID: "wf-77"),
            fetchedAt: Fixtures.ago(1),
            metrics: JobMetrics(throughput: 2.4, elapsed: 2990, history: [0, 0.25, 0.5, 0.75, 1]))
    }

    private static let failedFiles = [
        FileItem(id: "i1", name: "invoice-0001.pdf", status: "failed", errorMessage: "OCR timeout after 120s"),
        FileItem(id: "i2", name: "scan 17.tiff", status: "failed", errorMessage: "unsupported compression"),
    ]
    private static let otherFiles = [
        FileItem(id: "i3", name: "empty.pdf", status: "skipped", skipReason: "zero bytes"),
        FileItem(id: "i4", name: "report.docx", status: "completed"),
    ]

    /// The detail of the only job in the snapshot, opened through the reducer.
    private static func opened(_ tracked: TrackedJob) -> AppState {
        var state = Fixtures.state(width: 80, height: 24, snapshot: Fixtures.snapshot([tracked]))
        Fixtures.press(.enter, on: &state)
        return state
    }

    /// The full job with its files loaded: failed first, then the rest of the listing (failed ones not repeated).
    private static func withFiles(errorMessage: String = "2 of 4 files failed") -> AppState {
        var state = opened(fullJob(errorMessage: errorMessage))
        let failed = Fixtures.itemRequest(jobID: jobID, status: "failed", offset: 0, generation: 1)
        let rest = Fixtures.itemRequest(jobID: jobID, status: nil, offset: 0, generation: 1)
        #expect(Reducer.reduce(&state, Fixtures.loaded(failed, failedFiles, total: 2)) == [.loadItems(rest)])
        #expect(Reducer.reduce(&state, Fixtures.loaded(rest, failedFiles + otherFiles, total: 4)) == [])
        return state
    }

    private static func cells(_ buffer: Buffer, x: Int, y: Int, width: Int) -> String {
        var text = (x..<(x + width)).map { buffer[$0, y].text }.joined()
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    @Test func aJobWithFiles() {
        let buffer = Fixtures.render(Self.withFiles())
        #expect(
            buffer.lines == [
                " bjb-7f3a9c21 · parse · ✘ failed",
                " id              bjb-7f3a9c21           started_at      2025-06-15 14:06:50",
                " job_type        parse                  updated_at      2025-06-15 14:56:40",
                " project_id      prj-42                 completed_at    2025-06-15 14:56:40",
                " status          failed                 effective_at    2025-06-15 14:06:40",
                " total_items     4                      directory_id    dir-invoices",
                " processed_items 4                      job_record_id   rec-9",
                " failed_items    2                      workflow_id     wf-77",
                " skipped_items   1                      error_message   see below",
                " created_at      2025-06-15 14:06:40",
                " progress 100%  ·  rate 2.4/s  ·  ETA —  ·  took 49m50s  ·  last progress —",
                " history " + String(repeating: " ", count: 55) + "▁▃▅▆█",
                " error: 2 of 4 files failed",
                "",
                " Files (all, failed first): 4 loaded of 4, 2 failed",
                " STATUS       FILE                      ERROR / SKIP REASON",
                " ✘ failed     invoice-0001.pdf          OCR timeout after 120s",
                " ✘ failed     scan 17.tiff              unsupported compression",
                " ↷ skipped    empty.pdf                 skipped: zero bytes",
                " ✔ completed  report.docx",
                "",
                "",
                "",
                " ↑↓/jk move  f file status filter  c cancel job  ? help  Esc/q back",
            ])
    }

    /// A job the poller first saw finished has no history: the row says so; a running job without one stays blank.
    @Test func aJobFirstSeenFinishedSaysItWasNotSeenRunning() {
        var finished = Self.fullJob()
        finished.metrics = JobMetrics(throughput: 2.4, elapsed: 2990)
        let buffer = Fixtures.render(Self.opened(finished))
        #expect(Self.cells(buffer, x: 0, y: 11, width: 80) == " history — not seen running")
        #expect(buffer[9, 11].style == Theme.defaultDark.textDim)

        var running = finished
        running.job.status = .running
        #expect(Self.cells(Fixtures.render(Self.opened(running)), x: 0, y: 11, width: 80) == " history")
    }

    @Test func theSelectedFileIsReversedAndFailuresAreRed() {
        var state = Self.withFiles()
        Fixtures.press(.down, on: &state)
        let buffer = Fixtures.render(state)
        let theme = Theme.defaultDark
        for x in 0..<80 {
            #expect(buffer[x, 17].style.attributes.contains(.reverse), "x \(x)")
            #expect(!buffer[x, 16].style.attributes.contains(.reverse), "x \(x)")
        }
        #expect(buffer[1, 16] == Cell("✘", style: theme.statusFailed))
        #expect(buffer[40, 16] == Cell("O", style: theme.statusFailed))
        #expect(buffer[40, 18] == Cell("s", style: theme.textDim))
        #expect(buffer[1, 12] == Cell("e", style: theme.alert))
        #expect(buffer[8, 12] == Cell("2", style: theme.statusFailed))
    }

    /// All 17 fields of the API's job, in its order, read back from the grid.
    @Test func everyAPIFieldIsListed() {
        let buffer = Fixtures.render(Self.withFiles())
        var fields: [String] = []
        for column in [(label: 1, value: 17), (label: 40, value: 56)] {
            for y in 1...9 {
                let label = Self.cells(buffer, x: column.label, y: y, width: 16)
                if label.isEmpty { continue }
                fields.append(label + "=" + Self.cells(buffer, x: column.value, y: y, width: 22))
            }
        }
        #expect(
            fields == [
                "id=bjb-7f3a9c21", "job_type=parse", "project_id=prj-42", "status=failed", "total_items=4",
                "processed_items=4", "failed_items=2", "skipped_items=1", "created_at=2025-06-15 14:06:40",
                "started_at=2025-06-15 14:06:50", "updated_at=2025-06-15 14:56:40", "completed_at=2025-06-15 14:56:40",
                "effective_at=2025-06-15 14:06:40", "directory_id=dir-invoices", "job_record_id=rec-9",
                "workflow_id=wf-77", "error_message=see below",
            ])
        #expect(fields.count == DetailLayout.fieldCount)
    }

    /// A listed job carries no record IDs (the poller does not keep them from list pages): the detail view asks for
    /// them when it opens and shows what the job's status call brought, ahead of any the job holds; an answer for
    /// another job, or a failed call, changes nothing; the IDs stay when the file filter changes.
    @Test func recordIDsAreFetchedWhenTheDetailOpens() {
        var listed = Self.fullJob()
        listed.job.jobRecordID = nil
        listed.job.workflowID = "wf-stale"
        var state = Fixtures.state(width: 80, height: 24, snapshot: Fixtures.snapshot([listed]))
        #expect(Fixtures.press(.enter, on: &state).first == .loadRecordIDs(jobID: Self.jobID))
        func shown(_ state: AppState) -> [String] {
            let buffer = Fixtures.render(state)
            return buffer.lines.filter { $0.contains("job_record_id") || $0.contains("workflow_id") }
        }
        #expect(shown(state).joined().contains("job_record_id   — absent"))
        #expect(shown(state).joined().contains("workflow_id     wf-stale"))
        let fresh = JobRecordIDs(jobRecordID: "rec-fresh", workflowID: "wf-fresh")
        #expect(Reducer.reduce(&state, .recordIDsLoaded(jobID: "bjb-other", fresh)) == [])
        #expect(Reducer.reduce(&state, .recordIDsLoaded(jobID: Self.jobID, nil)) == [])
        #expect(state.detail?.recordIDs == nil)
        #expect(Reducer.reduce(&state, .recordIDsLoaded(jobID: Self.jobID, fresh)) == [])
        #expect(state.detail?.recordIDs == fresh)
        #expect(shown(state).joined().contains("job_record_id   rec-fresh"))
        #expect(shown(state).joined().contains("workflow_id     wf-fresh"))
        _ = Fixtures.press(.character("f"), on: &state)
        #expect(state.detail?.filter == .only("failed"))
        #expect(shown(state).joined().contains("job_record_id   rec-fresh"))
    }

    /// A job with only the required fields: the 13 optional ones say `— absent`.
    @Test func absentFieldsAreShownAsAbsent() {
        let bare = TrackedJob(job: Job(id: "bjb-bare-01", type: .extract, status: .pending, totalItems: 0), fetchedAt: Fixtures.ago(1))
        let buffer = Fixtures.render(Self.opened(bare))
        #expect(
            Array(buffer.lines[0...13]) == [
                " bjb-bare-01 · extract · ◌ pending",
                " id              bjb-bare-01            started_at      — absent",
                " job_type        extract                updated_at      — absent",
                " project_id      — absent               completed_at    — absent",
                " status          pending                effective_at    — absent",
                " total_items     0                      directory_id    — absent",
                " processed_items — absent               job_record_id   — absent",
                " failed_items    — absent               workflow_id     — absent",
                " skipped_items   — absent               error_message   — absent",
                " created_at      — absent",
                " progress 0%  ·  rate —  ·  ETA —  ·  elapsed —  ·  last progress —",
                " history",
                " error_message  — none",
                "",
            ])
        #expect(Fixtures.text(buffer).components(separatedBy: "— absent").count - 1 == 13)
        #expect(buffer[17, 3].style == Theme.defaultDark.textDim)
    }

    /// A long error wraps onto the second row and is cut there with an ellipsis (71 columns after `error: `).
    @Test func aLongErrorMessageWrapsAndIsCut() {
        let message = "Extraction stopped: 2 of 4 files failed (OCR timeout after 90s on page "
            + "3 of invoice-0001.pdf, unsupported compression in scan 17.tiff); retry with a smaller batch"
        let buffer = Fixtures.render(Self.withFiles(errorMessage: message))
        #expect(buffer.lines[12] == " error: Extraction stopped: 2 of 4 files failed (OCR timeout after 90s on page")
        #expect(buffer.lines[13] == "        3 of invoice-0001.pdf, unsupported compression in scan 17.tiff); retry…")
        #expect(buffer.lines[14] == " Files (all, failed first): 4 loaded of 4, 2 failed")
    }

    @Test func whileTheFirstPageLoads() {
        let buffer = Fixtures.render(Self.opened(Self.fullJob()))
        #expect(
            Array(buffer.lines[14...17]) == [
                " Files (all, failed first): 0 loaded of 4, 2 failed  loading…",
                " STATUS       FILE                      ERROR / SKIP REASON",
                " loading files…",
                "",
            ])
    }

    @Test func whenNoFileMatches() {
        var state = Self.opened(Self.fullJob())
        let failed = Fixtures.itemRequest(jobID: Self.jobID, status: "failed", offset: 0, generation: 1)
        Fixtures.press(.character("f"), .character("f"), on: &state)
        let skipped = Fixtures.itemRequest(jobID: Self.jobID, status: "skipped", offset: 0, generation: 3)
        #expect(state.detail?.pending == skipped)
        _ = Reducer.reduce(&state, Fixtures.loaded(failed, Self.failedFiles, total: 2))
        #expect(Reducer.reduce(&state, Fixtures.loaded(skipped, [], total: 0)) == [])
        let buffer = Fixtures.render(state)
        #expect(
            Array(buffer.lines[14...17]) == [
                " Files (only skipped): 0 loaded of 0",
                " STATUS       FILE                      ERROR / SKIP REASON",
                " no files match this filter (f changes it)",
                "",
            ])
    }

    @Test func whenTheFilesCannotBeLoaded() {
        var state = Self.opened(Self.fullJob())
        let failed = Fixtures.itemRequest(jobID: Self.jobID, status: "failed", offset: 0, generation: 1)
        _ = Reducer.reduce(&state, .itemsLoaded(failed, .failure(ActionFailure(message: "HTTP 503: unavailable"))))
        let buffer = Fixtures.render(state)
        #expect(
            Array(buffer.lines[14...17]) == [
                " Files (all, failed first): 0 loaded of 4, 2 failed",
                " STATUS       FILE                      ERROR / SKIP REASON",
                " could not load files: HTTP 503: unavailable",
                "",
            ])
        #expect(buffer[1, 16].style == Theme.defaultDark.alert)
    }

    /// Files already shown stay; the error goes on the last file row.
    @Test func whenAFurtherPageCannotBeLoaded() {
        var state = Self.opened(Self.fullJob())
        let failed = Fixtures.itemRequest(jobID: Self.jobID, status: "failed", offset: 0, generation: 1)
        let rest = Fixtures.itemRequest(jobID: Self.jobID, status: nil, offset: 0, generation: 1)
        _ = Reducer.reduce(&state, Fixtures.loaded(failed, Self.failedFiles, total: 2))
        _ = Reducer.reduce(&state, .itemsLoaded(rest, .failure(ActionFailure(message: "timed out"))))
        let buffer = Fixtures.render(state)
        #expect(buffer.lines[14] == " Files (all, failed first): 2 loaded of 4, 2 failed")
        #expect(buffer.lines[16] == " ✘ failed     invoice-0001.pdf          OCR timeout after 120s")
        #expect(buffer.lines[17] == " ✘ failed     scan 17.tiff              unsupported compression")
        #expect(buffer.lines[22] == " more files could not be loaded: timed out")
    }

    /// The job's title and fields come from the newest snapshot while the detail is open.
    @Test func aNewSnapshotUpdatesTheOpenDetail() {
        var state = Self.withFiles()
        var tracked = Self.fullJob()
        tracked.job.status = .cancelled
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot([tracked])))
        let buffer = Fixtures.render(state)
        #expect(buffer.lines[0] == " bjb-7f3a9c21 · parse · ⊘ cancelled")
        #expect(buffer.lines[4].hasPrefix(" status          cancelled "))
        #expect(buffer.lines[16] == " ✘ failed     invoice-0001.pdf          OCR timeout after 120s")
    }
}
