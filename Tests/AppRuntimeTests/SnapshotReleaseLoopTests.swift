import AppRuntime
import Dashboard
import Dispatch
import Foundation
import Testing
import TerminalUI

@testable import JobMonitor

@Suite("The loop lets go of the frame on screen when a later snapshot arrives")
@MainActor
struct SnapshotReleaseLoopTests {
    let start = RuntimeHarness.start

    @Test("when the reducer is done with a later snapshot, nothing holds the last one's jobs (before the frame is drawn)")
    func lastSnapshotFreedBeforeDrawing() async throws {
        // Notifications on: the job finishing rings the bell, which the loop sends after reducing and before drawing.
        let harness = RuntimeHarness(alerts: AlertSettings(notify: true))
        try await harness.start()
        weak var lastStorage: TrackedJobStorage?
        do {
            let running = RuntimeFixtures.running("bjb-run-1", processed: 10, fetchedAt: start)
            lastStorage = running.storage
            try await harness.publish(RuntimeFixtures.snapshot([running], at: start, cycle: 1))
        }
        #expect(lastStorage != nil, "the snapshot on screen holds its jobs")
        var freedAtTheBell: Bool?
        harness.terminal.onSend = { control in
            if case .bell = control { freedAtTheBell = lastStorage == nil }
        }
        let later = start.addingTimeInterval(2)
        try await harness.publish(
            RuntimeFixtures.snapshot([RuntimeFixtures.completed("bjb-run-1", fetchedAt: later)], at: later, cycle: 2))
        #expect(freedAtTheBell == true, "the frame on screen still held the last snapshot's jobs")
        #expect(harness.terminal.lastScreen.contains { $0.contains("completed") })
        harness.terminal.onSend = nil
    }

    @Test("a long snapshot's jobs are let go of on the release queue, not in the turn that replaced them")
    func longSnapshotFreedOnTheReleaseQueue() async throws {
        let harness = RuntimeHarness()
        try await harness.start()
        let count = BackgroundRelease.minimumCount
        var weakStorages: [WeakStorage] = []
        do {
            let jobs = (0..<count).map { RuntimeFixtures.running("bjb-\($0)", processed: 10, fetchedAt: start) }
            weakStorages = jobs.map { WeakStorage(storage: $0.storage) }
            try await harness.publish(RuntimeFixtures.snapshot(jobs, at: start, cycle: 1))
        }
        let gate = DispatchSemaphore(value: 0)
        // 20 s at most: other tests in this process hand lists to the same queue.
        BackgroundRelease.queue.async { _ = gate.wait(timeout: .now() + 20) }
        let later = start.addingTimeInterval(2)
        try await harness.publish(
            RuntimeFixtures.snapshot(
                (0..<count).map { RuntimeFixtures.running("bjb-\($0)", processed: 20, fetchedAt: later) }, at: later,
                cycle: 2))
        #expect(weakStorages.count(where: { $0.storage != nil }) == count, "the release queue holds the replaced jobs")
        gate.signal()
        BackgroundRelease.waitUntilIdle()
        #expect(weakStorages.count(where: { $0.storage != nil }) == 0, "freed once the queue ran")
    }
}

/// A weak reference to a job's storage.
private struct WeakStorage {
    weak var storage: TrackedJobStorage?
}
