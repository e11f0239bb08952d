/// When a job that finishes is announced: in the status line (jobs watched by ID, or every job with `--notify`), and
/// with `--notify` also by the bell and a desktop notification (OSC 9 and OSC 777).
public struct AlertSettings: Sendable, Equatable {
    /// Announce finished jobs in the status line.
    public var statusLine: Bool
    /// Also ring the bell and send a desktop notification.
    public var notify: Bool

    /// Creates settings; by default nothing is announced.
    public init(statusLine: Bool = false, notify: Bool = false) {
        self.statusLine = statusLine
        self.notify = notify
    }
}
