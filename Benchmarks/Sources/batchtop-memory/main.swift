import BenchmarkFixtures
import CHeapInfo
import Dashboard
import Foundation
import JobMonitor

// `batchtop-memory [JOBS=100000] [CYCLES=45]`: the heap a poller and the screen's state hold at JOBS running jobs that
// all change every cycle, cycle after cycle (45 cycles of 2 s: the 90 s the issue's RSS runs last), in this process
// and without a network: a deterministic yardstick for the memory work, read in seconds instead of a 90 s run of the
// real binary whose RSS moves by a megabyte or two from run to run.
//
// After each cycle it reads glibc's `mallinfo2` twice: when the poller has published (the state still holds the last
// snapshot: two versions of every changed job) and when the state has taken the new one. The state takes only the
// cycle's own snapshot, not those a listing publishes while it pages in once a tenth of the jobs changed (the real
// screen takes them as they come and lets go of old versions a tenth at a time: `progressivePublishShare`), so the
// first figure is the high point of a screen that never takes those: an upper bound (`scripts/peak-rss.sh` measures the
// real binary).
// Figures are the bytes in use above a baseline taken after the fake API built its pages. One arena, as `batchtop`
// runs (`MallocTuning`), so that `mallinfo2` sees every allocation. (Not the arena's size: the fake API rebuilds all
// its pages every cycle, which moves that by tens of megabytes.)
//
// Not counted: the job IDs. The fake API's jobs and the poller share their strings, where the real client decodes
// its own (40 characters: an 80-byte allocation per job, 8 MB at 100,000).

/// Bytes malloc has handed out and not had back, in MB.
func heapInUse() -> Double {
    Double(batchtop_heap_in_use()) / 1_048_576
}

guard batchtop_heap_one_arena() == 1, batchtop_heap_in_use() > 0 else {
    FileHandle.standardError.write(Data("batchtop-memory reads glibc's mallinfo2: Linux with glibc only\n".utf8))
    exit(1)
}
let arguments = Array(CommandLine.arguments.dropFirst())
let jobs = arguments.first.flatMap { Int($0) } ?? 100_000
let cycles = arguments.count > 1 ? Int(arguments[1]) ?? 45 : 45
guard jobs > 0, cycles > 0 else {
    FileHandle.standardError.write(Data("usage: batchtop-memory [JOBS=100000] [CYCLES=45]\n".utf8))
    exit(2)
}
// Not top-level `await` (its dispatch_main ending does not return): the main thread waits.
let done = DispatchSemaphore(value: 0)
Task.detached {
    let api = FakeBatchAPI(jobs: jobs, runningEvery: 1)
    let baseline = heapInUse()
    let poller = Fixtures.poller(over: api)
    var state = AppState(
        size: Fixtures.frameSize, now: api.now, interval: Fixtures.secondsPerGeneration, source: "memory",
        glyphs: .unicode)
    print("jobs=\(jobs) all running and changing, 2 s a cycle; MB above the baseline (\(String(format: "%.1f", baseline)) MB in use after the fake API's pages)")
    print("cycle  published (2 versions)  on screen (1)  bytes/job at publication")
    var highest = 0.0
    for cycle in 1...cycles {
        let snapshot = await poller.pollOnce()
        let published = heapInUse() - baseline
        state.now = snapshot.takenAt
        _ = Reducer.reduce(&state, .snapshot(snapshot))
        let shown = heapInUse() - baseline
        highest = max(highest, published)
        if cycle == 1 || cycle % 5 == 0 || cycle == cycles {
            print(
                String(format: "%5d  %22.1f  %13.1f  %24.0f", cycle, published, shown, published * 1_048_576 / Double(jobs)))
        }
        api.advance()
    }
    print(String(format: "highest at publication: %.1f MB above the baseline", highest))
    done.signal()
}
done.wait()
