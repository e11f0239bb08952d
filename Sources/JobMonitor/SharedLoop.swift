#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import LlamaCloud

/// A loop over `0..<count` that two threads run together: the caller and a thread of `SharedLoop.queue`. Each claims
/// blocks of `blockSize` indices (under the loop's own lock) until none is left, so whichever thread is free does the
/// next block and neither waits for the other longer than one block at the end. Used for the per-job work of a poll
/// cycle that touches nothing but that job (`HistoryRecorder`, `JobTable.refreshAll`): the machines this runs on have
/// two cores, and the poller's actor keeps only one of them busy.
///
/// `@unchecked Sendable`: `body`, `claimed`, `done` and `runners` are read and written under `claims`, whose release
/// after a block orders that block's writes before a `wait()` that sees it done.
final class SharedLoop: @unchecked Sendable {
    /// The thread that takes a share of every loop (serial: loops started together are shared one after the other).
    static let queue = DispatchQueue(label: "batchtop.shared-loop", qos: .userInitiated)

    private let count: Int
    private let blockSize: Int
    /// Let go of by the thread that finishes the last block, so that what it captured is released before `wait()`
    /// returns (a caller that captured a value it writes next would otherwise copy it, as the other thread might still
    /// hold the loop), and on whichever thread is done last.
    private var body: (@Sendable (Range<Int>) -> Void)?
    private let claims = ThreadLock()
    /// Threads inside `run()` holding `body`.
    private var runners = 0
    /// Indices claimed by some thread.
    private var claimed = 0
    /// Indices done.
    private var done = 0

    /// A loop running `body` on blocks of `0..<count`; nothing runs until `start()` or `run()`.
    init(count: Int, blockSize: Int, body: @escaping @Sendable (Range<Int>) -> Void) {
        self.count = count
        self.blockSize = max(1, blockSize)
        self.body = body
    }

    /// Runs `body` over `0..<count` on the calling thread and `queue`'s together and returns once every block is done;
    /// fewer than `minimumShared` indices run on the calling thread alone (waking a thread costs more).
    static func run(
        count: Int, blockSize: Int, minimumShared: Int, _ body: @escaping @Sendable (Range<Int>) -> Void
    ) {
        guard count > 0 else { return }
        guard count >= minimumShared else {
            body(0..<count)
            return
        }
        let loop = SharedLoop(count: count, blockSize: blockSize, body: body)
        loop.start()
        loop.run()
        loop.wait()
    }

    /// Has `queue`'s thread take its share of the blocks.
    func start() {
        Self.queue.async { self.run() }
    }

    /// Runs blocks until none is left to claim (none at all once a `wait()` returned).
    func run() {
        do {
            guard
                let body = claims.withLock({ () -> (@Sendable (Range<Int>) -> Void)? in
                    if self.body != nil { runners += 1 }
                    return self.body
                })
            else { return }
            while let block = claim() {
                body(block)
                // The thread that finishes the last block lets go of the loop's hold on `body` (outside the lock):
                // what it captured is then freed here, or by the other thread as it leaves, not by a caller that
                // keeps the loop (`HistoryRecorder`'s batches: 1,024 references to history boxes each).
                let finished = claims.withLock { () -> (@Sendable (Range<Int>) -> Void)? in
                    done += block.count
                    guard done == count else { return nil }
                    defer { self.body = nil }
                    return self.body
                }
                _ = consume finished
            }
        }
        // Out of the scope that held `body`: a `wait()` that sees no runner knows this thread let go of it.
        claims.withLock { runners -= 1 }
    }

    /// Waits until every block is done and no thread holds `body` any more (the blocks another thread claimed take at
    /// most one block's time). A loop with no blocks never ran one: its `body` goes here.
    func wait() {
        while !claims.withLock({ () -> Bool in
            guard done == count, runners == 0 else { return false }
            body = nil
            return true
        }) { sched_yield() }
    }

    /// The next block no thread has claimed, now claimed by the caller (nil: none is left).
    private func claim() -> Range<Int>? {
        claims.withLock {
            guard claimed < count else { return nil }
            let start = claimed
            claimed = min(count, start + blockSize)
            return start..<claimed
        }
    }
}
