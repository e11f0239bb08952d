import BenchmarkFixtures
import Dashboard
import Foundation
import JobMonitor
import LlamaCloud
import TerminalUI

// `batchtop-callgrind frame JOBS`, `batchtop-callgrind decode JOBS` or
// `batchtop-callgrind poll JOBS CYCLES [RUNNING_EVERY [FULL_SCAN_EVERY]]`: does exactly the piece that
// `scripts/callgrind.sh` counts under `valgrind --tool=callgrind`, after a set-up it does not count.
//
// frame: two snapshots of JOBS jobs (every running job changed between them) are reduced into 200×50 states and the
//   first frame is rendered during set-up; `measuredFrame` then renders the second frame and diffs it against the
//   first. The script counts it with `--toggle-collect` on that function.
// decode: the list pages of a full scan of JOBS jobs are encoded during set-up (as `decode-pages/N`);
//   `measuredDecode` decodes them all through `JobPageDecoder` and drops them (`--toggle-collect` on it).
// poll: a poller over an in-memory API of JOBS running jobs runs two warm-up cycles, then CYCLES more (each after
//   every job changed). A cycle runs in async partial functions on the cooperative pool, which `--toggle-collect`
//   cannot bracket, so the script counts a run with 1 cycle and one with 0 and subtracts.

/// Renders `state` into a new 200×50 buffer and diffs it against `previous`: one steady-state frame.
@inline(never)
func measuredFrame(_ state: AppState, previous: Buffer) -> Int {
    var buffer = Buffer(width: Fixtures.frameSize.width, height: Fixtures.frameSize.height)
    DashboardView.render(state, theme: .defaultDark, into: &buffer)
    var changed = 0
    for change in buffer.changes(since: previous) { changed += change.cells.count }
    return changed
}

/// Decodes every page body and drops the pages: what the HTTP client does with a full scan's responses.
@inline(never)
func measuredDecode(_ bodies: [Data]) -> Int {
    var decoded = 0
    for body in bodies { decoded += (try? JobPageDecoder.decode(body))?.items.count ?? 0 }
    return decoded
}

/// The `poll` and `time-poll` modes: a poller over an in-memory API of `arguments[1]` jobs (every RUNNING_EVERY-th
/// running and changing, `arguments[3]`, default 1: all; a full listing every FULL_SCAN_EVERY cycles, `arguments[4]`,
/// default 10), two warm-up cycles, then `body` with CYCLES (`arguments[2]`). Not top-level `await`: its dispatch_main
/// ending crashes valgrind 3.19. The main thread waits instead.
func runPoller(_ arguments: [String], _ body: @escaping @Sendable (Poller, FakeBatchAPI, Int) async -> Void) {
    let jobs = Int(arguments[1]) ?? 0
    let cycles = arguments.count > 2 ? Int(arguments[2]) ?? 0 : 0
    let runningEvery = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
    let fullScanEvery = arguments.count > 4 ? Int(arguments[4]) ?? 10 : 10
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        let api = FakeBatchAPI(jobs: jobs, runningEvery: runningEvery)
        let poller = Fixtures.poller(over: api, fullScanEvery: fullScanEvery)
        for _ in 0..<2 {
            await poller.pollOnce()
            api.advance()
        }
        await body(poller, api, cycles)
        done.signal()
    }
    done.wait()
}

let arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first ?? ""
let jobs = arguments.count > 1 ? Int(arguments[1]) ?? 0 : 0
switch (mode, jobs) {
case ("frame", 1...):
    let first = Fixtures.state(after: Fixtures.snapshot(jobs: jobs, generation: 0))
    let second = Fixtures.state(after: Fixtures.snapshot(jobs: jobs, generation: 1))
    let previous = Fixtures.frame(of: first)
    let changed = measuredFrame(second, previous: previous)
    print("frame jobs=\(jobs) changed_cells=\(changed)")
case ("decode", 1...):
    let bodies = Fixtures.listPageBodies(jobs: jobs)
    print("decode jobs=\(jobs) decoded=\(measuredDecode(bodies))")
case ("poll", 1...):
    runPoller(arguments) { poller, api, cycles in
        var shown = 0
        for _ in 0..<max(0, cycles) {
            shown = await poller.pollOnce().jobs.count
            api.advance()
        }
        print("poll jobs=\(jobs) cycles=\(cycles) last_snapshot_jobs=\(shown)")
    }
case ("time-poll", 1...):
    // Not for callgrind: the wall clock of each of CYCLES measured cycles alone (the API's advance between them is
    // not timed), as `poll` runs them; prints the fastest and the median in milliseconds. For A/B runs of two builds.
    runPoller(arguments) { poller, api, cycles in
        var times: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<max(1, cycles) {
            let start = clock.now
            let snapshot = await poller.pollOnce()
            let elapsed = start.duration(to: clock.now)
            withExtendedLifetime(snapshot) {}
            times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
            api.advance()
        }
        times.sort()
        let line = String(
            format: "time-poll jobs=%d cycles=%d min=%.1f ms median=%.1f ms", jobs, times.count, times[0],
            times[times.count / 2])
        print(line)
    }
case ("time-reduce", 1...):
    // Not for callgrind: the wall clock of CYCLES reduces of a snapshot into a 200×50 state (`reduce/N`: two
    // snapshots in which every running job changed, taken in turn); prints the fastest and the median in ms.
    // An optional SORT (`arguments[3]`, a sort column's name: progress, throughput, …) sorts by that column, as `s`
    // would; by default the table's own order (status, then newest).
    var snapshots = [0, 1].map { Fixtures.snapshot(jobs: jobs, generation: $0) }
    var state = Fixtures.state(after: snapshots[0])
    if arguments.count > 3, let key = SortKey(rawValue: arguments[3]) {
        state.sort = SortOrder(key: key)
        _ = Reducer.reduce(&state, .snapshot(snapshots[1]))
    }
    // `alerts` as a fourth argument: finished jobs announced, as `reduce-alerts/N` (`JobAlerts.finished` compares the
    // two snapshots).
    if arguments.count > 4, arguments[4] == "alerts" { state.alerts = AlertSettings(statusLine: true, notify: true) }
    // `filter=TEXT` as a fourth argument: the table filtered (`/TEXT`), as `reduce-filter/N`, and the snapshots
    // without their row order version (as when a status changed): every snapshot matches every job and sorts the ones
    // that match.
    if arguments.count > 4, arguments[4].hasPrefix("filter=") {
        state.filter = String(arguments[4].dropFirst("filter=".count))
        for index in snapshots.indices { snapshots[index].rowOrderVersion = nil }
        _ = Reducer.reduce(&state, .snapshot(snapshots[1]))
    }
    let cycles = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
    var times: [Double] = []
    let clock = ContinuousClock()
    for turn in 0..<max(1, cycles) {
        let start = clock.now
        _ = Reducer.reduce(&state, .snapshot(snapshots[(turn + 1) % 2]))
        let elapsed = start.duration(to: clock.now)
        times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
    }
    times.sort()
    print(String(format: "time-reduce jobs=%d cycles=%d min=%.2f ms median=%.2f ms", jobs, times.count, times[0], times[times.count / 2]))
default:
    FileHandle.standardError.write(Data("usage: batchtop-callgrind frame JOBS | decode JOBS | poll JOBS CYCLES | time-poll JOBS CYCLES | time-reduce JOBS CYCLES [SORT [alerts | filter=TEXT]]\n".utf8))
    exit(2)
}
