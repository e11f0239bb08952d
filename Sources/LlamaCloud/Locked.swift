
/// A value behind a lock, for state shared across tasks where an actor does not fit (synchronous access).
///
/// Used instead of `Synchronization.Mutex` because ThreadSanitizer cannot see Mutex's futex-based locking on Linux
/// (Swift 6.3.1): every Mutex-guarded access is reported as a race, which would drown real ones in CI's
/// ThreadSanitizer run. `ThreadLock` is a pthread mutex, which ThreadSanitizer understands.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = ThreadLock()
    private var value: Value

    /// Wraps `value`.
    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
