import FoundationEssentials

/// Records a listing's observations into the jobs' history boxes on a second thread while the poller goes on merging
/// the next jobs: recording a sample (`ProgressHistory.observe`: decoding the log to the rate's anchor, appending)
/// is a quarter of the poller's work for a changed job, and touches nothing but that job's box.
///
/// The poller hands each observation over (`add`); every `batchSize` of them go to the recording thread as a batch (a
/// `SharedLoop`). `finish()` is the join: the batch still filling is handed over too, the calling thread records
/// whatever part of the handed-over batches no thread took yet (blocks of `blockSize`), and it returns once every
/// observation is recorded. The poller calls it before anything reads a history (a snapshot's
/// metrics, the samples of a job) and before it records one itself. Fewer than `sharedMinimum` observations are
/// recorded by the caller alone, so a small dashboard never wakes the thread.
///
/// A history is written by one thread at a time: each observation is recorded once, and the poller adds at most one
/// per job between two joins (a listing stores a job once). Recording holds the boxes' lock shared
/// (`HistoryLock.lockForRecording()`), so the two recorders run together while a reader (the UI drawing a trend)
/// still takes it alone.
///
/// `@unchecked Sendable`: `pending` and `handedOver` are touched only by the one caller that records (the poller, on
/// its actor); a batch keeps its own state under its lock.
final class HistoryRecorder: @unchecked Sendable {
    /// One observation to record: the job's box, its sample and status, and the limits of the pass over its samples.
    struct Observation: Sendable {
        let box: HistoryBox
        let sample: ProgressSample
        let status: JobStatus
        let limits: SampleLog.ScanLimits
    }

    /// Observations handed over together (at least; see `handOverAt`).
    static let batchSize = 1_024
    /// Observations a thread claims at a time.
    static let blockSize = 64

    /// How every observation is recorded.
    private let configuration: MetricsConfiguration
    /// The lock of the boxes recorded into.
    private let lock: HistoryLock
    /// Observations added since the last hand-over.
    ///
    /// `@exclusivity(unchecked)`, like the poller's table: touched only by the one caller that records, by synchronous
    /// code that takes no closure reaching it; the dynamic check of each `add` was ~120 instructions (callgrind).
    @exclusivity(unchecked) private var pending: [Observation] = []
    /// Batches handed to the recording thread since the last join.
    private var handedOver: [SharedLoop] = []

    /// A join with fewer observations than this, and none handed over, records them on the calling thread alone.
    private let sharedMinimum: Int
    /// Pending observations handed over as a batch once there are this many.
    private let handOverAt: Int

    /// A recorder for boxes under `lock`, recording with `configuration`, sharing the work from `sharedMinimum`
    /// observations on (`Int.max`: never).
    init(configuration: MetricsConfiguration, lock: HistoryLock, sharedMinimum: Int) {
        self.configuration = configuration
        self.lock = lock
        self.sharedMinimum = max(1, sharedMinimum)
        handOverAt = max(Self.batchSize, sharedMinimum)
    }

    /// Adds an observation to record; hands a full batch over.
    func add(_ observation: consuming Observation) {
        if pending.isEmpty { pending.reserveCapacity(Self.batchSize) }
        pending.append(observation)
        if pending.count >= handOverAt { handOver() }
    }

    /// Records everything added so far, with the recording thread's help, and returns when it is recorded.
    func finish() {
        if !pending.isEmpty {
            if handedOver.isEmpty, pending.count < sharedMinimum {
                Self.recording(pending, configuration: configuration, lock: lock).run()
                pending = []
                return
            }
            handOver()
        }
        for batch in handedOver {
            batch.run()
            batch.wait()
        }
        handedOver = []
    }

    /// Hands the pending observations to the recording thread as one batch.
    private func handOver() {
        let batch = Self.recording(pending, configuration: configuration, lock: lock)
        pending = []
        handedOver.append(batch)
        batch.start()
    }

    /// The loop that records `observations` (see `SharedLoop`), each under its own shared hold of the boxes' lock.
    /// Not one hold a block: holding the boxes' lock across more than one record is what once hung the
    /// ThreadSanitizer run (its deadlock detector recorded an edge for every lock taken inside; see the performance
    /// log), and taken shared, uncontended, it costs the recording thread little.
    private static func recording(
        _ observations: [Observation], configuration: MetricsConfiguration, lock: HistoryLock
    ) -> SharedLoop {
        SharedLoop(count: observations.count, blockSize: blockSize) { block in
            observations.withUnsafeBufferPointer { observations in
                for index in block {
                    lock.lockForRecording()
                    observations[index].box.history.observe(
                        observations[index].sample, status: observations[index].status, configuration: configuration,
                        limits: observations[index].limits)
                    lock.unlockForRecording()
                }
            }
        }
    }
}
