import Foundation

/// A job's progress samples, oldest first, stored so that a snapshot and the tracker share nearly all of them.
///
/// Samples live in chunks of 16. A snapshot's metrics keep the log as it was (`HistorySource`); when the tracker
/// then appends, only the last chunk is copied, not every sample, so a running job does not hold its samples twice.
/// Within a chunk each sample takes 16 bytes (time and processed count); the failed and total counts, which rarely
/// change, are stored once per chunk while they stay the same. Reads give back the exact `ProgressSample`s.
struct SampleLog: RandomAccessCollection, Sendable, Equatable {
    /// Samples per chunk.
    static let chunkCapacity = 16

    /// Every chunk but the last is full.
    private var chunks: [SampleChunk]
    /// Samples dropped from the front of the first chunk.
    private var head = 0
    /// Samples held.
    private(set) var count: Int

    /// A log holding one sample.
    init(first: ProgressSample) {
        chunks = [SampleChunk(first: first)]
        count = 1
    }

    /// The first position.
    var startIndex: Int { 0 }
    /// One past the last position.
    var endIndex: Int { count }

    /// The sample at `position` (0 is the oldest).
    subscript(position: Int) -> ProgressSample {
        let absolute = position + head
        return chunks[absolute / Self.chunkCapacity].sample(at: absolute % Self.chunkCapacity)
    }

    /// Adds a sample after the newest.
    mutating func append(_ sample: ProgressSample) {
        if chunks[chunks.count - 1].isFull {
            chunks.append(SampleChunk(first: sample))
        } else {
            chunks[chunks.count - 1].append(sample)
        }
        count += 1
    }

    /// Replaces the newest sample.
    mutating func replaceLast(_ sample: ProgressSample) {
        let absolute = count - 1 + head
        chunks[absolute / Self.chunkCapacity].replace(at: absolute % Self.chunkCapacity, with: sample)
    }

    /// Drops the `dropped` oldest samples (at most all but one); whole chunks are released once passed.
    mutating func removeFirst(_ dropped: Int) {
        let removing = Swift.min(Swift.max(0, dropped), count - 1)
        head += removing
        count -= removing
        while head >= Self.chunkCapacity, chunks.count > 1 {
            chunks.removeFirst()
            head -= Self.chunkCapacity
        }
    }

    /// Equal when they hold the same samples, however they are chunked.
    static func == (lhs: SampleLog, rhs: SampleLog) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}

/// Up to `SampleLog.chunkCapacity` samples: times and processed counts per sample, failed and total counts once
/// while they stay the same (else per sample).
struct SampleChunk: Sendable {
    /// A sample's time and processed count.
    struct Point: Sendable {
        let at: TimeInterval
        let processed: Int
    }

    /// A sample's failed and total counts.
    struct Counts: Sendable, Equatable {
        let failed: Int
        let total: Int
    }

    private var points: [Point]
    /// One entry while every sample has the same counts, else one per sample.
    private var counts: [Counts]

    /// A chunk holding one sample, with room for a full chunk.
    init(first: ProgressSample) {
        points = []
        points.reserveCapacity(SampleLog.chunkCapacity)
        points.append(Point(at: first.at.timeIntervalSinceReferenceDate, processed: first.processed))
        counts = [Counts(failed: first.failed, total: first.total)]
    }

    /// True when no sample more fits.
    var isFull: Bool { points.count >= SampleLog.chunkCapacity }

    /// The sample at `offset` within the chunk.
    func sample(at offset: Int) -> ProgressSample {
        let point = points[offset]
        let shared = counts.count == 1 ? counts[0] : counts[offset]
        return ProgressSample(
            at: Date(timeIntervalSinceReferenceDate: point.at), processed: point.processed, failed: shared.failed,
            total: shared.total)
    }

    /// Adds a sample at the end.
    mutating func append(_ sample: ProgressSample) {
        points.append(Point(at: sample.at.timeIntervalSinceReferenceDate, processed: sample.processed))
        let new = Counts(failed: sample.failed, total: sample.total)
        if counts.count == 1, points.count > 1 {
            if counts[0] == new { return }
            counts = Array(repeating: counts[0], count: points.count - 1)
        }
        counts.append(new)
    }

    /// Replaces the sample at `offset`.
    mutating func replace(at offset: Int, with sample: ProgressSample) {
        points[offset] = Point(at: sample.at.timeIntervalSinceReferenceDate, processed: sample.processed)
        let new = Counts(failed: sample.failed, total: sample.total)
        if counts.count == 1 {
            if counts[0] == new { return }
            if points.count == 1 {
                counts[0] = new
                return
            }
            counts = Array(repeating: counts[0], count: points.count)
        }
        counts[offset] = new
    }
}
