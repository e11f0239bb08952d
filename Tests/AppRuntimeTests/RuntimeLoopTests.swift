import AppRuntime
import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

@Suite("The event-driven run loop, with a fake terminal")
@MainActor
struct RuntimeLoopTests {
    let start = RuntimeHarness.start

    @Test("a snapshot that changes nothing draws nothing; one that changes a figure draws one frame")
    func unchangedSnapshotDrawsNothing() async throws {
        let harness = RuntimeHarness()
        try await harness.start()
        let first = RuntimeFixtures.snapshot([RuntimeFixtures.completed("bjb-done-1", fetchedAt: start)], at: start)
        try await harness.publish(first)
        #expect(harness.terminal.frames.count == 2)
        try await harness.publish(first)
        #expect(harness.terminal.frames.count == 2, "an equal snapshot must not draw")
        var changed = first
        changed.jobs = [RuntimeFixtures.completed("bjb-done-2", fetchedAt: start)]
        try await harness.publish(changed)
        #expect(harness.terminal.frames.count == 3)
        #expect(harness.terminal.lastScreen.contains { $0.contains("bjb-done-2") })
    }

    @Test("a resize storm of 200 events is read in one turn and draws one frame, at the last size")
    func resizeStormDrawsOnce() async throws {
        let harness = RuntimeHarness()
        try await harness.start()
        let turns = harness.runtime.turns
        let storm = (0..<200).map { index in
            TerminalEvent.resize(TerminalSize(width: 80 + index % 40, height: 24 + index % 16))
        }
        harness.terminal.type(storm + [.resize(TerminalSize(width: 120, height: 40))])
        try await harness.waitUntil("the storm's turn") { harness.runtime.turns > turns }
        #expect(harness.runtime.turns == turns + 1)
        #expect(harness.terminal.frames.count == 2)
        #expect(harness.terminal.frames.last?.width == 120)
        #expect(harness.terminal.frames.last?.height == 40)
        harness.terminal.type(Array(repeating: .resize(TerminalSize(width: 120, height: 40)), count: 200))
        try await harness.waitUntil("the second storm's turn") { harness.runtime.turns > turns + 1 }
        #expect(harness.terminal.frames.count == 2, "resizing to the size on screen changes nothing")
        #expect(harness.terminal.blockingReads == 0, "the loop never waits on the terminal")
    }

    @Test("q while a cancel is in flight exits at once, and the cancel's task is cancelled")
    func quitDuringCancel() async throws {
        let harness = RuntimeHarness(backend: ScriptedBackend(holdsCancel: true))
        try await harness.start()
        try await harness.publish(RuntimeFixtures.snapshot([RuntimeFixtures.running("bjb-run-1", processed: 10, fetchedAt: start)], at: start))
        harness.terminal.press(.character("c"))
        try await harness.waitUntil("the confirmation") { harness.terminal.lastScreen.joined().contains("Cancel") }
        harness.terminal.press(.character("y"))
        try await harness.waitUntil("the cancel call") { harness.backend.recorded.contains("cancel bjb-run-1") }
        harness.terminal.press(.character("q"))
        #expect(try await harness.exit() == .quit)
        try await harness.waitUntil("the abandoned cancel") { harness.backend.abandonedCancels.withLock { $0 } == 1 }
        #expect(harness.terminal.watchStopped)
    }

    @Test("keys reach the reducer and its effects reach the backend")
    func keysBecomeEffects() async throws {
        let harness = RuntimeHarness()
        try await harness.start()
        harness.terminal.press(.character("r"), .character("p"))
        try await harness.waitUntil("refresh and pause") { harness.backend.recorded == ["refresh", "paused true"] }
        #expect(harness.terminal.lastScreen.joined().contains("PAUSED"))
    }

    @Test("with nothing on screen that depends on the clock, no timer is armed")
    func idleArmsNoTimer() async throws {
        let harness = RuntimeHarness()
        try await harness.start()
        let done = (1...30).map { RuntimeFixtures.completed("bjb-done-\($0)", fetchedAt: start) }
        try await harness.publish(RuntimeFixtures.snapshot(done, at: start))
        #expect(harness.runtime.wakeDeadline == nil)
        #expect(harness.scheduler.deadline == nil)
    }

    @Test("a running row wakes the loop exactly when it turns stale, then at each step of its age; early wakes draw nothing")
    func staleRowDrivesTheTimer() async throws {
        let harness = RuntimeHarness()
        try await harness.start()
        try await harness.publish(RuntimeFixtures.snapshot([RuntimeFixtures.running("bjb-run-1", processed: 10, fetchedAt: start)], at: start))
        // Interval 2 s: stale once older than 4 s.
        let staleAt = try #require(harness.scheduler.deadline)
        #expect(abs(staleAt.timeIntervalSince(start) - 4) < 0.01)
        let frames = harness.terminal.frames.count
        harness.clock.advance(2)
        var turns = harness.runtime.turns
        harness.scheduler.fireNow()
        try await harness.waitUntil("the early wake's turn") { harness.runtime.turns > turns }
        #expect(harness.terminal.frames.count == frames, "nothing changed on screen yet")
        harness.clock.advance(2.5)
        turns = harness.runtime.turns
        harness.scheduler.fireNow()
        try await harness.waitUntil("the stale turn") { harness.runtime.turns > turns }
        #expect(harness.terminal.frames.count == frames + 1)
        #expect(harness.terminal.lastScreen.joined().contains("⚠ 4s"))
        let next = try #require(harness.scheduler.deadline)
        #expect(abs(next.timeIntervalSince(start) - 5) < 0.01)
    }

    @Test("the end of input ends the loop")
    func inputEnd() async throws {
        let harness = RuntimeHarness()
        try await harness.start()
        harness.terminal.type([.closed])
        #expect(try await harness.exit() == .inputClosed)
    }

    @Test("--until-done's timeout arms the timer and ends the loop with code 3")
    func untilDoneTimeout() async throws {
        let harness = RuntimeHarness(untilDone: UntilDonePolicy(timeoutTotal: 10))
        try await harness.start()
        let deadline = try #require(harness.scheduler.deadline)
        #expect(abs(deadline.timeIntervalSince(start) - 10) < 0.01)
        harness.clock.advance(10)
        harness.scheduler.fireNow()
        #expect(try await harness.exit() == .untilDone(3))
    }

    @Test("--until-done ends the loop with 0 as soon as a snapshot shows every job completed")
    func untilDoneCompleted() async throws {
        let harness = RuntimeHarness(untilDone: UntilDonePolicy())
        try await harness.start()
        harness.feed.yield(RuntimeFixtures.snapshot([RuntimeFixtures.completed("bjb-done-1", fetchedAt: start)], at: start))
        #expect(try await harness.exit() == .untilDone(0))
    }
}
