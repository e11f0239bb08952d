import Benchmark
import BenchmarkFixtures
import Dashboard
import Foundation
import JobMonitor
import LlamaCloud
import TerminalUI

/// The sizes every benchmark runs at, with the suffix of its name.
private let sizes: [(label: String, jobs: Int)] = [("1k", 1_000), ("10k", 10_000), ("100k", 100_000)]

/// Holds state that the iterations of one benchmark change in turn.
private final class Box<Value> {
    var value: Value
    init(_ value: Value) { self.value = value }
}

/// Everything is built in each benchmark's `setup` (run in that benchmark's own process), never here, so that
/// the peak memory of one benchmark does not include another's fixtures.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds, warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 1_000)

    for (label, count) in sizes {
        // JSON → Page<BatchJob> for every list page of a full scan: count / 100 pages of 100 jobs, through the
        // client's decoder (`JobPageDecoder`: byte by byte, `JSONDecoder` for what it declines).
        Benchmark("decode-pages/\(label)") { benchmark, bodies in
            for body in bodies {
                // The bodies were encoded from valid pages; a failure would only make the run cheaper, never hide.
                blackHole(try? JobPageDecoder.decode(body))
            }
        } setup: { () -> [Data] in
            Fixtures.listPageBodies(jobs: count)
        }

        // One Poller.pollOnce() over an in-memory API with ready pages (built by `advance()`, not measured): list
        // calls (fan-out), merge by ID, metrics, makeSnapshot, change signature and publication.
        //   poll-cycle:             all `count` jobs running, all changed, a full listing;
        //   poll-cycle-1pct:        1 % running and changed, 99 % finished and unchanged, a full listing every cycle;
        //   poll-cycle-1pct-active: the same project, a cycle that lists only the active statuses (most cycles);
        //   poll-cycle-full:        as poll-cycle, after 62 cycles instead of 2: every job's history is full (the
        //                           120 s that rate and history read at 2 s a cycle, ~60 samples), as in a dashboard
        //                           that has been watching for two minutes. The others measure short histories.
        let cycles: [(name: String, runningEvery: Int, fullScanEvery: Int, warmUp: Int)] = [
            ("poll-cycle", 1, 10, 2), ("poll-cycle-1pct", 100, 1, 2), ("poll-cycle-1pct-active", 100, 1_000_000, 2),
            ("poll-cycle-full", 1, 10, 62),
        ]
        for (name, runningEvery, fullScanEvery, warmUp) in cycles {
            Benchmark("\(name)/\(label)") { benchmark, setup in
                let (api, poller) = setup
                api.advance()
                benchmark.startMeasurement()
                blackHole(await poller.pollOnce())
            } setup: { () async -> (FakeBatchAPI, Poller) in
                let api = FakeBatchAPI(jobs: count, runningEvery: runningEvery)
                let poller = Fixtures.poller(over: api, fullScanEvery: fullScanEvery)
                for _ in 0..<warmUp {
                    await poller.pollOnce()
                    api.advance()
                }
                return (api, poller)
            }
        }

        // Reducer.reduce(&state, .snapshot): store, summary, filter + sort, selection; alternating two snapshots
        // in which every running job changed (counts only: one row order version, so the table's own order stands
        // without a sort). `reduce-alerts`: the same with finished jobs announced (`--notify`, or jobs watched by ID),
        // so `JobAlerts.finished` compares the two snapshots' statuses. `reduce-progress`: sorted by progress (`s`), which
        // reads every job's counts: the sort of every snapshot. `reduce-filter`: the table filtered (`/bjb-5`, about one
        // job in 16) and the snapshots without a row order version (as when statuses changed): every job matched, the
        // matches sorted.
        let reduces: [(String, AlertSettings, SortKey, String)] = [
            ("reduce", AlertSettings(), .standard, ""),
            ("reduce-alerts", AlertSettings(statusLine: true, notify: true), .standard, ""),
            ("reduce-progress", AlertSettings(), .progress, ""),
            ("reduce-filter", AlertSettings(), .standard, "bjb-5"),
        ]
        for (name, alerts, key, filter) in reduces {
            Benchmark("\(name)/\(label)") { benchmark, setup in
                let (state, snapshots, turn) = setup
                turn.value += 1
                blackHole(Reducer.reduce(&state.value, .snapshot(snapshots[turn.value % 2])))
            } setup: { () -> (Box<AppState>, [Snapshot], Box<Int>) in
                var snapshots = [0, 1].map { Fixtures.snapshot(jobs: count, generation: $0) }
                if !filter.isEmpty { for index in snapshots.indices { snapshots[index].rowOrderVersion = nil } }
                var state = Fixtures.state(after: snapshots[0])
                state.alerts = alerts
                state.sort = SortOrder(key: key)
                state.filter = filter
                _ = Reducer.reduce(&state, .snapshot(snapshots[1]))
                return (Box(state), snapshots, Box(0))
            }
        }

        // DashboardView.render of a 200×50 frame into a new buffer (as the run loop does each frame).
        Benchmark("render-200x50/\(label)") { benchmark, state in
            var buffer = Buffer(width: Fixtures.frameSize.width, height: Fixtures.frameSize.height)
            DashboardView.render(state, theme: .defaultDark, into: &buffer)
            blackHole(buffer)
        } setup: { () -> AppState in
            Fixtures.state(after: Fixtures.snapshot(jobs: count, generation: 0))
        }

        // Buffer.changes(since:) between two consecutive 200×50 frames (every running job's counts changed).
        Benchmark("diff-200x50/\(label)") { benchmark, frames in
            blackHole(frames.1.changes(since: frames.0))
        } setup: { () -> (Buffer, Buffer) in
            let frames = [0, 1].map { Fixtures.frame(of: Fixtures.state(after: Fixtures.snapshot(jobs: count, generation: $0))) }
            return (frames[0], frames[1])
        }
    }
}
