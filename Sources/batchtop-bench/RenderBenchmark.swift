import Dashboard
import FoundationEssentials
import TextTools
import JobMonitor
import TerminalUI

/// `swift run -c release batchtop-bench [N …]`: the cost of taking a snapshot into the UI state (filter + sort),
/// rendering a 200×50 frame and diffing it, at 10k–100k jobs. A benchmark, not a test: it prints numbers.
@main
enum RenderBenchmark {
    static func main() {
        let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        print("jobs      snapshot→state   render 200x50   diff    frame bytes (changed cells)")
        for count in sizes.isEmpty ? [10_000, 50_000, 100_000] : sizes {
            let now = Date(timeIntervalSince1970: 1_795_946_400)
            let jobs = (0..<count).map { index in
                let status: JobStatus = [.running, .pending, .completed, .failed, .cancelled, .dispatched][index % 6]
                let job = Job(
                    id: String(cFormat: "bjb-%08x-bench", index), type: [.parse, .extract, .classify][index % 3],
                    status: status, totalItems: 1000, processedItems: index % 1000, failedItems: index % 7,
                    skippedItems: index % 5, createdAt: now.addingTimeInterval(-Double(index)))
                return TrackedJob(job: job, fetchedAt: now)
            }
            var state = AppState(
                size: TerminalSize(width: 200, height: 50), now: now, interval: 2, source: "bench", glyphs: .unicode)
            let snapshot = Snapshot(jobs: jobs, health: APIHealth(lastSuccess: now), takenAt: now, interval: 2)
            let reduceTime = measure { _ = Reducer.reduce(&state, .snapshot(snapshot)) }
            var first = Buffer(width: 200, height: 50)
            let renderTime = measure {
                first = Buffer(width: 200, height: 50)
                DashboardView.render(state, theme: .defaultDark, into: &first)
            }
            _ = Reducer.reduce(&state, .key(.down))
            var second = Buffer(width: 200, height: 50)
            DashboardView.render(state, theme: .defaultDark, into: &second)
            var changes: [BufferChange] = []
            let diffTime = measure { changes = second.changes(since: first) }
            let changedCells = changes.reduce(0) { $0 + $1.cells.count }
            print(
                padded(String(count), to: 10)
                    + padded(format(reduceTime), to: 17)
                    + padded(format(renderTime), to: 16)
                    + padded(format(diffTime), to: 8) + "\(changedCells)")
        }
    }

    /// `text` with spaces after it up to `width` characters (cut to `width` when longer).
    static func padded(_ text: String, to width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    /// The median of five runs.
    static func measure(_ body: () -> Void) -> Duration {
        let clock = ContinuousClock()
        let runs = (0..<5).map { _ in clock.measure(body) }.sorted()
        return runs[2]
    }

    static func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(cFormat: "%.2f ms", milliseconds)
    }
}
