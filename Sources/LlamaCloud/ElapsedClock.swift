import FoundationEssentials

/// Reads any `Clock<Duration>` as a duration since the moment it was wrapped, so instants of an existential clock
/// can be stored and compared.
struct ElapsedClock: Sendable {
    /// The wrapped clock, for sleeping.
    let clock: any Clock<Duration>
    private let read: @Sendable () -> Duration

    /// Wraps a clock; its current instant becomes zero.
    init(_ clock: any Clock<Duration>) {
        self.clock = clock
        read = Self.reader(clock)
    }

    /// Time since the wrap, on the wrapped clock.
    var now: Duration { read() }

    /// Sleeps until `deadline` (a value of `now`); returns at once if it has passed. Throws when cancelled.
    func sleep(until deadline: Duration) async throws {
        let remaining = deadline - now
        guard remaining > .zero else { return }
        try await clock.sleep(for: remaining, tolerance: nil)
    }

    private static func reader<C: Clock<Duration>>(_ clock: C) -> @Sendable () -> Duration {
        let origin = clock.now
        return { origin.duration(to: clock.now) }
    }
}
