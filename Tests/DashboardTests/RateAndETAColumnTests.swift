import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// The RATE (items/s, 6 wide) and ETA (7 wide: the time left, or `stalled`) columns, both flush right. At 120 columns
/// RATE sits at x 98…103 and ETA at x 105…111; at 80 RATE is dropped (with SKIPPED and TYPE) and ETA moves to x 65…71;
/// at 60 both are dropped.
@Suite struct RateAndETAColumnTests {
    /// Row 3 holds a newer running job (selected, so reverse video stays off the row under test); row 4 the job.
    private static let jobRow = 4

    private static func render(_ tracked: TrackedJob, width: Int = 120) -> Buffer {
        let lead = TrackedJob(
            job: Job(
                id: "bjb-lead-0001", type: .parse, status: .running, totalItems: 10, processedItems: 1,
                createdAt: Fixtures.now),
            fetchedAt: Fixtures.ago(1))
        let buffer = Fixtures.render(
            Fixtures.state(width: width, height: 12, snapshot: Fixtures.snapshot([tracked, lead])))
        #expect(buffer.lines[jobRow].hasPrefix(" bjb-test-001 "))
        return buffer
    }

    private static func job(_ status: JobStatus, metrics: JobMetrics) -> TrackedJob {
        TrackedJob(
            job: Job(
                id: "bjb-test-001", type: .parse, status: status, totalItems: 400, processedItems: 75, failedItems: 0,
                skippedItems: 0, createdAt: Fixtures.ago(600)),
            fetchedAt: Fixtures.ago(1), metrics: metrics)
    }

    private static func cells(_ buffer: Buffer, x: Int, width: Int, y: Int = jobRow) -> String {
        (x..<(x + width)).map { buffer[$0, y].text }.joined()
    }

    /// `"x width"` of a column in the layout, nil when it is dropped.
    private static func placement(_ column: TableColumn, width: Int) -> String? {
        TableLayout(width: width).columns.first { $0.column == column }.map { "\($0.x) \($0.width)" }
    }

    @Test func layoutAt120PutsRateAndETABeforeStale() {
        #expect(Self.placement(.rate, width: 120) == "98 6")
        #expect(Self.placement(.eta, width: 120) == "105 7")
        #expect(Self.placement(.stale, width: 120) == "113 6")
    }

    @Test func runningJobShowsItsRateAndETAFlushRight() {
        let theme = Theme.defaultDark
        let buffer = Self.render(Self.job(.running, metrics: JobMetrics(throughput: 2.5, eta: 130)))
        #expect(Self.cells(buffer, x: 98, width: 6, y: 2) == "  RATE")
        #expect(Self.cells(buffer, x: 105, width: 7, y: 2) == "    ETA")
        #expect(Self.cells(buffer, x: 98, width: 6) == " 2.5/s")
        #expect(Self.cells(buffer, x: 105, width: 7) == "     2m")
        #expect(buffer[99, Self.jobRow] == Cell("2", style: theme.textDim))
        #expect(buffer[110, Self.jobRow] == Cell("2", style: theme.text))
        // Fresh data: the STALE column stays empty, so the row ends with the ETA.
        #expect(buffer.lines[Self.jobRow].hasSuffix("      0       0  2.5/s      2m"))
    }

    @Test func stalledRunningJobShowsStalledInTheAlertStyle() {
        let theme = Theme.defaultDark
        #expect(theme.alert != theme.text)
        // The rate has decayed to 0 over the window, so there is no ETA; the stall is what the column says.
        let metrics = JobMetrics(throughput: 0, eta: nil, sinceLastProgress: 90, isStalled: true)
        let buffer = Self.render(Self.job(.running, metrics: metrics))
        #expect(Self.cells(buffer, x: 105, width: 7) == "stalled")
        for x in 105..<112 {
            #expect(buffer[x, Self.jobRow].style == theme.alert, "x \(x)")
        }
    }

    @Test func stalledWinsOverAKnownETA() {
        let metrics = JobMetrics(throughput: 2.5, eta: 130, isStalled: true)
        let buffer = Self.render(Self.job(.running, metrics: metrics))
        #expect(Self.cells(buffer, x: 105, width: 7) == "stalled")
    }

    @Test func completedJobShowsNoRateOrETA() {
        // A finished job still has its average throughput; the table leaves it out.
        let metrics = JobMetrics(throughput: 1.2, eta: nil, elapsed: 500)
        let buffer = Self.render(Self.job(.completed, metrics: metrics))
        #expect(Self.cells(buffer, x: 98, width: 6) == "      ")
        #expect(Self.cells(buffer, x: 105, width: 7) == "       ")
        #expect(!buffer.lines[Self.jobRow].contains("/s"))
    }

    @Test func at80ColumnsRateIsDroppedButETAStays() {
        let columns = TableLayout(width: 80).columns.map(\.column)
        #expect(!columns.contains(.rate))
        #expect(Self.placement(.eta, width: 80) == "65 7")
        let buffer = Self.render(Self.job(.running, metrics: JobMetrics(throughput: 2.5, eta: 130)), width: 80)
        #expect(Self.cells(buffer, x: 65, width: 7, y: 2) == "    ETA")
        #expect(Self.cells(buffer, x: 65, width: 7) == "     2m")
        #expect(!buffer.lines[2].contains("RATE"))
        #expect(!buffer.lines[Self.jobRow].contains("2.5/s"))
    }

    @Test func at60ColumnsRateAndETAAreBothDropped() {
        let columns = TableLayout(width: 60).columns.map(\.column)
        #expect(!columns.contains(.rate))
        #expect(!columns.contains(.eta))
        let buffer = Self.render(Self.job(.running, metrics: JobMetrics(throughput: 2.5, eta: 130)), width: 60)
        #expect(buffer.lines[2] == " JOB          STATUS       PROGRESS           FAILED  STALE")
        #expect(!buffer.lines[Self.jobRow].contains("2.5/s"))
        #expect(!buffer.lines[Self.jobRow].contains("2m"))
    }
}

/// The rate text always fits the 6-cell RATE column.
@Suite struct RateFormattingTests {
    @Test(arguments: [(0.0, "0.0/s"), (2.44, "2.4/s"), (9.96, "10/s"), (37.4, "37/s"), (9_999.0, "9999/s"), (12_345.0, "12k/s"),
        (5_000_000.0, "999k/s")])
    func rate(value: Double, expected: String) {
        #expect(Formatting.rate(value) == expected)
        #expect(Formatting.rate(value).count <= 6)
    }
}
