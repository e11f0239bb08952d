#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread mutex as an object, with `lock()` and `unlock()`: what `NSLock` was, without linking Foundation (the
/// dashboard links `FoundationEssentials` only). Not `Synchronization.Mutex`, for the reason given on `Locked`.
/// Shared by reference: a history box holds its store's lock, and its identity tells the store (see `HistoryStore`).
public final class ThreadLock: @unchecked Sendable {
    /// The mutex, at a fixed address (a pthread mutex must not move once initialised).
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    /// An unlocked, non-recursive mutex.
    public init() {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Waits for the mutex and takes it.
    public func lock() {
        pthread_mutex_lock(mutex)
    }

    /// Gives the mutex back (the caller holds it).
    public func unlock() {
        pthread_mutex_unlock(mutex)
    }

    /// Runs `body` holding the mutex and returns its result.
    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }
}
