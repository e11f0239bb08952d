import Foundation
import JobMonitor
import LlamaCloud
import PollerStress
import Testing

@Suite("Concurrent fan-out", .timeLimit(.minutes(2)))
struct FanOutTests {
    @Test("boundedMap returns one output per input, in input order, with more inputs than its limit")
    func order() async {
        let inputs = (0..<500).map { "job-\($0)" }
        let outputs = await boundedMap(inputs, limit: 4) { id in
            for _ in 0..<(id.count % 3) { await Task.yield() }
            let text = "status of " + id
            return text
        }
        #expect(outputs == inputs.map { "status of " + $0 })
    }

    @Test("boundedMap never runs more than its limit at once", arguments: [1, 3, 8])
    func limit(_ limit: Int) async {
        let gauge = Locked((now: 0, most: 0))
        _ = await boundedMap(Array(0..<200), limit: limit) { value in
            gauge.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            await Task.yield()
            await Task.yield()
            gauge.withLock { $0.now -= 1 }
            return value
        }
        let most = gauge.withLock { $0.most }
        #expect(most <= limit)
        #expect(most >= min(limit, 2))
    }

    @Test("boundedMap with no inputs, or a limit above the input count or below one, still maps everything")
    func edges() async {
        #expect(await boundedMap([Int](), limit: 8) { $0 }.isEmpty)
        #expect(await boundedMap([1, 2, 3], limit: 100) { $0 * 2 } == [2, 4, 6])
        #expect(await boundedMap([1, 2, 3], limit: 0) { $0 * 2 } == [2, 4, 6])
    }

    @Test("boundedMap cancelled midway starts nothing more and keeps the finished outputs in their slots")
    func cancellation() async {
        let report = await StressScenarios.fanOutStopsOnCancellation(.small)
        #expect(report.problems == [])
    }

    @Test("a cancelled task starts no operation at all")
    func cancelledBeforeStart() async {
        let started = Locked(0)
        let task = Task {
            try? await Task.sleep(for: .seconds(10))
            return await boundedMap(Array(0..<100), limit: 4) { value in
                started.withLock { $0 += 1 }
                return value
            }
        }
        task.cancel()
        let outputs = await task.value
        #expect(outputs.count == 100)
        #expect(outputs.allSatisfy { $0 == nil })
        #expect(started.withLock { $0 } == 0)
    }

    @Test("the poller's status fan-out pairs every answer with its own job under churn and faults (small scale)")
    func statusFanOut() async {
        let discovery = await StressScenarios.discoveryUnderChurn(.small)
        #expect(discovery.problems == [])
        let watchList = await StressScenarios.watchListUnderChurn(.small)
        #expect(watchList.problems == [])
    }

    @Test("the stress check itself catches a job filed under another job's ID")
    func corruptionIsDetected() {
        let id = ChurningBatchAPI.id(serial: 5)
        let other = ChurningBatchAPI.id(serial: 6)
        let wrong = Job(
            id: id, type: JobType(raw: ChurningBatchAPI.expectedType(for: other)), status: .running,
            totalItems: ChurningBatchAPI.expectedTotal(for: other))
        let snapshot = Snapshot(
            jobs: [TrackedJob(job: wrong, fetchedAt: Date())], health: APIHealth(), takenAt: Date(), interval: 1)
        #expect(StressScenarios.corruption(in: snapshot, label: "test").count == 2)
    }

    @Test("Poller.run() cancelled mid-cycle ends and finishes its snapshot stream")
    func pollerCancellation() async {
        let report = await StressScenarios.pollerStopsOnCancellation(.small)
        #expect(report.problems == [])
    }
}
