#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock of a set of history boxes: a pthread reader-writer lock used the other way round. Whoever reads a history
/// or changes the store's table takes it alone (`lock()`); the recorders (`HistoryRecorder`), which write histories
/// but each its own boxes, take it together (`lockForRecording()`), so that two threads record at once while a reader
/// on the UI thread still never sees a history half written. Writers (the readers here) are preferred where the C
/// library allows it, so that the two recorders taking turns do not keep a frame waiting for the whole cycle.
///
/// Shared by reference: a history box holds its store's lock, and its identity tells the store (see `HistoryStore`).
final class HistoryLock: @unchecked Sendable {
    /// The lock, at a fixed address (a pthread lock must not move once initialised).
    private let rwlock: UnsafeMutablePointer<pthread_rwlock_t>

    /// An unlocked lock.
    init() {
        rwlock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
        rwlock.initialize(to: pthread_rwlock_t())
        var attributes = pthread_rwlockattr_t()
        pthread_rwlockattr_init(&attributes)
        #if canImport(Glibc)
        pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
        #endif
        pthread_rwlock_init(rwlock, &attributes)
        pthread_rwlockattr_destroy(&attributes)
    }

    deinit {
        pthread_rwlock_destroy(rwlock)
        rwlock.deinitialize(count: 1)
        rwlock.deallocate()
    }

    /// Waits until no one else holds the lock and takes it alone (to read a history, or change the store's table).
    func lock() {
        pthread_rwlock_wrlock(rwlock)
    }

    /// Gives back the lock taken by `lock()`.
    func unlock() {
        pthread_rwlock_unlock(rwlock)
    }

    /// Takes the lock together with other recorders (each writes only histories no other recorder touches).
    func lockForRecording() {
        pthread_rwlock_rdlock(rwlock)
    }

    /// Gives back the lock taken by `lockForRecording()`.
    func unlockForRecording() {
        pthread_rwlock_unlock(rwlock)
    }
}
