import Dashboard
import Foundation
import JobMonitor
import TerminalUI
import Testing

/// Numbers a server (or arithmetic on its numbers) can produce never trap a conversion on the way to the screen.
@Suite struct ExtremeNumberTests {
    static let extremes: [Double] = [
        0, -1, 1e15, 9.3e18, 1e300, .greatestFiniteMagnitude, .infinity, -.infinity, .nan, -.greatestFiniteMagnitude,
    ]

    @Test("durations, ages and rates of extreme values are short texts", arguments: extremes)
    func formatting(_ value: Double) {
        #expect(Formatting.duration(value).count <= 20)
        #expect(Formatting.age(value).count <= 20)
        #expect(Formatting.rate(value).count <= 6)
        #expect(Formatting.percent(value).count <= 4)
        #expect(Formatting.clockTime(Date(timeIntervalSince1970: value), secondsFromGMT: 3600).count == 8)
    }

    @Test("known values keep their text")
    func knownValues() {
        #expect(Formatting.duration(1e300) == "11574074074d1h")
        #expect(Formatting.duration(.infinity) == "11574074074d1h")
        #expect(Formatting.duration(-.infinity) == "0s")
        #expect(Formatting.age(.nan) == "0s")
        #expect(Formatting.rate(1e300) == "999k/s")
        #expect(Formatting.clockTime(Date(timeIntervalSince1970: 3_661), secondsFromGMT: 0) == "01:01:01")
        #expect(Formatting.clockTime(Date(timeIntervalSince1970: 10), secondsFromGMT: -3600) == "23:00:10")
    }

    @Test("a running job with Int.max items and a crawling rate renders its row", arguments: [Int.max, Int.max - 1, 1 << 62])
    func hugeJob(_ total: Int) {
        let job = TrackedJob(
            job: Job(
                id: "bjb-huge-0001", type: .parse, status: .running, totalItems: total, processedItems: 1,
                failedItems: total, skippedItems: total, createdAt: Fixtures.ago(60)),
            fetchedAt: Fixtures.ago(1),
            metrics: JobMetrics(throughput: 1e-300, eta: 1e300, elapsed: 1e300, sinceLastProgress: .infinity))
        let buffer = Fixtures.render(Fixtures.state(width: 120, height: 10, snapshot: Fixtures.snapshot([job])))
        let row = buffer.lines.first { $0.hasPrefix(" bjb-huge-000") }
        #expect(row != nil, "\(buffer.lines)")
        #expect(row?.contains("running") == true)
    }
}

/// Counts that contradict each other are drawn as the server sent them, flagged with `?` in the alert style.
@Suite struct InconsistentCountsTests {
    private func render(_ job: Job, highestProcessed: Int? = nil, detail: Bool = false) -> Buffer {
        var tracked = TrackedJob(job: job, fetchedAt: Fixtures.ago(1))
        tracked.highestProcessed = highestProcessed
        var state = Fixtures.state(width: 140, height: 30, snapshot: Fixtures.snapshot([tracked]))
        if detail { _ = Fixtures.press(.enter, on: &state) }
        return Fixtures.render(state)
    }

    @Test("processed above total: the row shows 120/100 flagged, the gauge full, nothing clamped in the text")
    func processedAboveTotal() throws {
        let job = Job(id: "bjb-odd-0001", type: .parse, status: .running, totalItems: 100, processedItems: 120)
        let buffer = render(job)
        let rowIndex = try #require(buffer.lines.firstIndex { $0.hasPrefix(" bjb-odd-0001") })
        let row = buffer.lines[rowIndex]
        #expect(row.contains("?120/100"), "\(row)")
        #expect(row.contains("100%"))
        let column = try #require(row.range(of: "?120/100").map { row.distance(from: row.startIndex, to: $0.lowerBound) })
        #expect(buffer[column, rowIndex].style.foreground == Theme.defaultDark.alert.foreground)
    }

    @Test("consistent counts carry no flag")
    func consistentCounts() throws {
        let job = Job(id: "bjb-ok-00001", type: .parse, status: .running, totalItems: 100, processedItems: 20)
        let row = try #require(render(job).lines.first { $0.hasPrefix(" bjb-ok-00001") })
        #expect(row.contains(" 20/100"))
        #expect(!row.contains("?"))
    }

    @Test("counts that went backward are flagged in the row and explained in the detail view")
    func wentBackward() throws {
        let job = Job(id: "bjb-back-001", type: .parse, status: .running, totalItems: 100, processedItems: 30)
        let row = try #require(render(job, highestProcessed: 50).lines.first { $0.hasPrefix(" bjb-back-001") })
        #expect(row.contains("?30/100"))
        let detail = render(job, highestProcessed: 50, detail: true).lines.joined(separator: "\n")
        #expect(detail.contains("counts inconsistent: processed_items went down"), "\(detail)")
    }
}
