import Clocks
import Foundation
import Testing

/// A test clock and a wall clock (`now`) that moves with it, starting at a fixed date.
struct TestTime: Sendable {
    let clock = TestClock()
    let start = Date(timeIntervalSince1970: 1_795_946_400)

    /// Seconds the test clock has advanced.
    var elapsed: TimeInterval {
        let offset = TestClock<Duration>.Instant().duration(to: clock.now)
        return Double(offset.components.seconds) + Double(offset.components.attoseconds) * 1e-18
    }

    /// The wall-clock date matching the test clock.
    var date: Date { start.addingTimeInterval(elapsed) }

    /// A `now` closure for the poller.
    var now: @Sendable () -> Date {
        let time = self
        return { time.date }
    }

    /// Advances the test clock by `seconds`, rounded to the millisecond (so that 1.9 + 0.1 is exactly 2).
    func advance(_ seconds: TimeInterval) async {
        await clock.advance(by: .milliseconds(Int64((seconds * 1000).rounded())))
    }

    /// Yields until some task sleeps on the test clock (bounded; records an issue otherwise).
    func waitForSleeper() async {
        for _ in 0..<2_000 {
            do {
                try await clock.checkSuspension()
            } catch {
                return
            }
        }
        Issue.record("nothing sleeps on the test clock")
    }
}

/// Yields until `condition` holds (bounded; records an issue if it never does). No real time passes.
func eventually(_ what: String, _ condition: () async -> Bool) async {
    for _ in 0..<20_000 {
        if await condition() { return }
        await Task.yield()
    }
    Issue.record("never happened: \(what)")
}

/// Yields a while so that work which should not happen has had every chance to.
func settle() async {
    for _ in 0..<300 { await Task.yield() }
}
