import Dashboard

/// One wake-up of the run loop: everything that can happen while it sleeps arrives as one of these, on one stream.
enum RuntimeEvent: Sendable {
    /// The terminal has input waiting (keys, a resize, the end of input).
    case input
    /// A newer snapshot waits in the `SnapshotSlot`.
    case snapshot
    /// An effect finished with this answer.
    case message(Msg)
    /// The wake timer fired: text on screen that depends on the clock has changed, or `--until-done` timed out.
    case clock
}
