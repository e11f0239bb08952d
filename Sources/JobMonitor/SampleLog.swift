import FoundationEssentials

/// A job's progress samples, oldest first, packed into about 2 bytes each.
///
/// A dashboard of 100,000 running jobs keeps a minute or two of samples for every one of them, so samples are
/// stored as differences from the one before, each a variable-length integer: the time in whole milliseconds, as
/// its difference from the time between the two samples before (polls come at a steady interval, so that is a few
/// milliseconds of jitter: one byte where the plain difference of 2,000 ms took two), the processed count, and the
/// failed and total counts only when they changed. The oldest sample is the first record, stored as a difference from
/// zero (about 10 bytes instead of 32 decoded: the log sits in every running job's history box).
/// Times are kept to the millisecond (a sample reads back within 0.5 ms of the time it was stored with); counts
/// read back exactly, extreme values included. Reads are sequential (`makeIterator`), which is all that rate and
/// history need; `last` is kept decoded.
///
/// A log of one sample holds no records (the sample is `tail`), so it allocates nothing; its first array is sized
/// when the second sample comes, for the samples it will hold once its retained span is covered at the pace so far
/// (`append(_:retaining:beyond:maxSamples:)`), and grows only when a record does not fit. Growing a little at a time
/// left a trail of freed arrays of every size on the way (16 bytes apart) that nothing else reuses: 100,000 running
/// jobs growing in step left 13 MB free in small holes of the heap after two minutes.
struct SampleLog: Sequence, Sendable, Equatable {
    /// The newest sample, as stored.
    private var tail: Packed
    /// The samples, each encoded against the one before it (the oldest against `Packed.zero`); empty when `tail`
    /// is the only sample.
    private var records: [UInt8] = []
    /// The time from the sample before the newest to the newest, as the next record is predicted from (0 with one
    /// sample; see `Packed.predicted`). In the 4 bytes that the newest record's offset took: only `replaceLast`, which
    /// is rare, needed it, and it now finds the record by reading.
    private var tailStep: Int32 = 0
    /// Samples held, in 4 bytes.
    private var storedCount: Int32 = 1
    /// Samples held.
    var count: Int { Int(storedCount) }

    /// A log holding one sample (no records yet: nothing allocated).
    init(first: ProgressSample) {
        tail = Packed(first)
    }

    /// The oldest sample.
    var first: ProgressSample? { count == 1 ? tail.sample() : Self.decode(records, through: 0).sample.sample() }
    /// The newest sample.
    var last: ProgressSample? { tail.sample() }
    /// Bytes the encoded samples take, the oldest's included (beyond the decoded newest); with one sample, what its
    /// record will take.
    var encodedBytes: Int { count == 1 ? tail.encodedLength(after: .zero, step: 0) : records.count }
    /// Bytes allocated for the records (tests: how the log grows).
    var capacity: Int { records.capacity }
    /// Where the records are allocated (tests: an array replaced, grown or copied, moves).
    var recordsAddress: UInt? { records.withUnsafeBufferPointer { $0.baseAddress.map { UInt(bitPattern: $0) } } }

    /// What one pass from the oldest sample finds (`scan(countingThrough:newestAtOrBefore:)`).
    struct Scan {
        /// How many samples after the oldest are at or before the horizon, counted up to the first that is not.
        let counted: Int
        /// The oldest sample.
        let oldest: ProgressSample
        /// The newest sample at or before the instant, read up to the first that is not (nil when even the oldest is
        /// later).
        let newest: ProgressSample?
    }

    /// In one pass from the oldest sample, stopping at the first sample after both `horizon` and `instant`: how many
    /// samples after the oldest are at or before `horizon` (0 without one), and the newest at or before `instant`.
    /// What `ProgressHistory.observe` asks for every changed job each cycle: the samples the retained span lets go,
    /// and the rate's anchor. Reading the samples as `ProgressSample`s through the iterator cost ~2,900 instructions a
    /// job with a full history (60 samples, the anchor about halfway); this compares whole milliseconds, which is the
    /// same as comparing `at <= instant` (see `latestMilliseconds(atOrBefore:)`).
    func scan(countingThrough horizon: Date?, newestAtOrBefore instant: Date) -> Scan {
        scan(through: ScanLimits(countingThrough: horizon, newestAtOrBefore: instant))
    }

    /// The two instants of `scan(countingThrough:newestAtOrBefore:)` as the stored times they are compared with.
    struct ScanLimits: Sendable, Equatable {
        /// `latestMilliseconds(atOrBefore:)` of the instant the newest sample at or before is asked for.
        let newest: Int64
        /// `latestMilliseconds(atOrBefore:)` of the horizon; `Int64.min` without one (nothing counts: stored times
        /// are clamped to ±2^52 ms).
        let counted: Int64

        /// The limits of a scan counting through `horizon` (none: nothing counted) for the newest at or before
        /// `instant`.
        init(countingThrough horizon: Date?, newestAtOrBefore instant: Date) {
            newest = SampleLog.latestMilliseconds(atOrBefore: instant)
            counted = horizon.map { SampleLog.latestMilliseconds(atOrBefore: $0) } ?? .min
        }

        /// These limits without the horizon.
        var uncounted: ScanLimits { ScanLimits(newest: newest, counted: .min) }

        /// Limits as given, already in stored milliseconds.
        private init(newest: Int64, counted: Int64) {
            self.newest = newest
            self.counted = counted
        }
    }

    /// `scan(countingThrough:newestAtOrBefore:)` with its instants worked out (`ProgressHistory.observe` is given
    /// them: each job of a listing is observed at one instant, so they are the same for all).
    func scan(through limits: ScanLimits) -> Scan {
        let limit = limits.newest
        let count = count
        guard count > 1 else {
            return Scan(counted: 0, oldest: tail.sample(), newest: tail.milliseconds <= limit ? tail.sample() : nil)
        }
        let countLimit = limits.counted
        let (counted, oldest, newest) = records.withUnsafeBufferPointer { bytes -> (Int, Packed, Packed?) in
            var reader = Reader(bytes: bytes)
            let oldest = reader.next(after: .zero)
            // Two tight loops, not one loop with a flag for each: first while a sample is within both limits (it
            // counts and is the newest so far), then on to the later limit alone.
            let both = Swift.min(limit, countLimit)
            var newest = oldest
            var counted = 0
            var remaining = count - 1
            var next: Packed?
            while remaining > 0 {
                remaining -= 1
                let read = reader.next(after: newest)
                guard read.milliseconds <= both else {
                    next = read
                    break
                }
                newest = read
                counted += 1
            }
            let anchored = oldest.milliseconds <= limit
            // Past `both`: on to whichever limit is later, from the sample that passed `both`.
            guard var current = next else { return (counted, oldest, anchored ? newest : nil) }
            if limit > countLimit {
                // Counting stopped (at or before the oldest when nothing counted); the anchor goes on.
                while current.milliseconds <= limit {
                    newest = current
                    guard remaining > 0 else { break }
                    remaining -= 1
                    current = reader.next(after: current)
                }
                return (counted, oldest, anchored ? newest : nil)
            }
            // The anchor stopped; counting goes on.
            while current.milliseconds <= countLimit {
                counted += 1
                guard remaining > 0 else { break }
                remaining -= 1
                current = reader.next(after: current)
            }
            return (counted, oldest, anchored ? newest : nil)
        }
        return Scan(counted: counted, oldest: oldest.sample(), newest: newest?.sample())
    }

    /// The largest stored time (whole milliseconds) that reads back at or before `instant`, so that comparing stored
    /// times with it is comparing their `Date`s with `instant` (a stored time reads back as `milliseconds / 1000`,
    /// which never decreases as the milliseconds grow). `Int64.max` for +infinity and for NaN: `Date`'s `<=` is
    /// "not after", and no date is after NaN. `Int64.min` for -infinity.
    static func latestMilliseconds(atOrBefore instant: Date) -> Int64 {
        let seconds = instant.timeIntervalSinceReferenceDate
        guard !seconds.isNaN else { return .max }
        // Stored times are clamped to ±2^52 ms (see `Packed.init`): a bound one beyond covers every one of them.
        let bound: Int64 = 4_503_599_627_370_497
        guard seconds.isFinite else { return seconds > 0 ? .max : .min }
        // The product is within a millisecond of exact, so each correction below is needed at most once or twice.
        // Bounded loops: written as `while`, the optimiser vectorised the second (it could run 2^53 times), and the
        // vector path's setup made this ~250 instructions a call, once per changed job a cycle (callgrind).
        let estimate = seconds * 1_000
        var candidate = estimate >= Double(bound) ? bound : estimate <= -Double(bound) ? -bound : Int64(estimate)
        for _ in 0..<Self.millisecondCorrections {
            guard candidate < bound, Double(candidate + 1) / 1_000 <= seconds else { break }
            candidate += 1
        }
        for _ in 0..<Self.millisecondCorrections {
            guard candidate > -bound, Double(candidate) / 1_000 > seconds else { break }
            candidate -= 1
        }
        return candidate
    }

    /// The most steps `latestMilliseconds(atOrBefore:)` moves its estimate either way (it needs one, rarely two).
    static let millisecondCorrections = 3

    /// Adds a sample after the newest. `span` (seconds) is how far back the caller keeps samples (its retained
    /// span, nil when it keeps them by count only), `beyond` how many older ones it may keep besides, and
    /// `maxSamples` the most it keeps: with the pace of the samples so far they size the records' array when it must
    /// grow.
    mutating func append(
        _ sample: ProgressSample, retaining span: TimeInterval? = nil, beyond: Int = 0, maxSamples: Int = 120
    ) {
        let packed = Packed(sample)
        // Encoded on the stack first, so that the array grows only when the record does not fit, and then to the
        // planned size (`Array` left to itself would double it).
        let isFirstRecord = records.isEmpty
        Self.onStack({ write in
            if isFirstRecord { tail.encode(after: .zero, step: 0, write) }
            packed.encode(after: tail, step: tailStep, write)
        }) { encoded in
            if records.capacity - records.count < encoded.count {
                let used = records.count + encoded.count
                records.reserveCapacity(
                    plannedCapacity(used: used, adding: packed, span: span, beyond: beyond, maxSamples: maxSamples))
            }
            records.append(contentsOf: encoded)
        }
        tailStep = Packed.step(from: tail, to: packed)
        tail = packed
        storedCount += 1
    }

    /// Runs `encode` (at most two records) into a buffer on the stack, then `use` on what it wrote: `append` and
    /// `removeFirst` change the array once with the finished bytes, and only `append` decides first whether it grows.
    private static func onStack(
        _ encode: (_ write: (UInt8) -> Void) -> Void, _ use: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * Packed.maximumRecordLength) { buffer in
            var length = 0
            encode { byte in
                buffer[length] = byte
                length += 1
            }
            use(UnsafeBufferPointer(rebasing: buffer[0..<length]))
        }
    }

    /// The capacity to grow the records to before `packed` is appended: what the log will hold once it covers
    /// `span` at the pace of its samples so far, and `beyond` more (at most `maxSamples` in all), plus an eighth.
    /// A log that covers its span already (its size then moves only with the size of its records) grows by a quarter.
    /// `used` is the bytes the records will take with `packed`'s.
    private func plannedCapacity(used: Int, adding packed: Packed, span: TimeInterval?, beyond: Int, maxSamples: Int)
        -> Int
    {
        let oldest = count == 1 ? tail : Self.decode(records, through: 0).sample
        let oldestLength = oldest.encodedLength(after: .zero, step: 0)
        let minimum = used + 16
        let covered = Double(packed.milliseconds) - Double(oldest.milliseconds)
        let spanMilliseconds = (span ?? 0) * 1_000
        guard covered > 0, spanMilliseconds.isFinite, spanMilliseconds > covered else {
            return Swift.max(minimum, used + used / 4 + 16)
        }
        // Records after the oldest's, `packed`'s included; the ones to come before the span is covered.
        let records = Double(count)
        let coming = Swift.min(
            Double(Swift.max(0, maxSamples - count - 1)),
            (spanMilliseconds / covered - 1) * records + 1 + Double(Swift.max(0, beyond)))
        // A record at a steady pace: a byte for the time (its difference from the step before), the count's rise;
        // half a byte more for jitter while there are too few records to tell (the first ones, with no step to be
        // predicted from, are longer than the ones after), else their average, within two bytes of that.
        let rise = SampleLog.zigzag(Int64(packed.processed) &- Int64(tail.processed))
        let steady = Double(1 + SampleLog.varintLength(rise))
        let average = Double(used - oldestLength) / records
        let perRecord = count < 4 ? steady + 0.5 : Swift.min(Swift.max(average, steady), steady + 2)
        let planned = (Double(used) + coming.rounded(.up) * perRecord) * 9 / 8
        return Swift.max(minimum, planned < 1e9 ? Int(planned.rounded(.up)) : minimum)
    }

    /// Replaces the newest sample (rare: two observations at one instant), decoding the one before it.
    mutating func replaceLast(_ sample: ProgressSample) {
        let packed = Packed(sample)
        guard count > 1 else {
            tail = packed
            return
        }
        let beforeLast = Self.decode(records, through: count - 2)
        records.removeSubrange(beforeLast.end...)
        packed.encode(after: beforeLast.sample, step: beforeLast.step, into: &records)
        tailStep = Packed.step(from: beforeLast.sample, to: packed)
        tail = packed
    }

    /// Drops the `dropped` oldest samples (at most all but one).
    mutating func removeFirst(_ dropped: Int) {
        let removing = Swift.min(Swift.max(0, dropped), count - 1)
        guard removing > 0 else { return }
        guard removing < count - 1 else {
            // Only the newest is left: it is the tail, and the records go.
            records = []
            storedCount = 1
            tailStep = 0
            return
        }
        // The new oldest is rewritten against zero, and the record after it against the new oldest with no step
        // before it (it was predicted from the step into the new oldest, which is gone). Everything before the end of
        // those two records is replaced, in place, by the two rewritten ones (written on the stack first: this runs
        // for every running job a cycle).
        let (head, second, end) = Self.decodeNewHead(records, dropping: removing, count: count)
        Self.onStack({ write in
            head.encode(after: .zero, step: 0, write)
            second?.encode(after: head, step: 0, write)
        }) { encoded in
            records.replaceSubrange(0..<end, with: encoded)
        }
        storedCount -= Int32(removing)
        if count == 1 { tailStep = 0 }
        // An array that shrank a lot keeps its capacity: give the room back.
        if records.capacity > 64, records.capacity > 4 * records.count { shrinkToFit() }
    }

    /// Gives back the records' room beyond what they take, when that is at least `shrinkSlack` bytes: a finished
    /// job's log grows no more (`ProgressHistory.observe`), and a job that ran for less than the retained span keeps
    /// a log sized for all of it. A new array of exactly the records' size: `Array(records)` (what this did before)
    /// hands back the same storage, capacity and all.
    mutating func shrinkToFit() {
        guard records.capacity - records.count >= Self.shrinkSlack else { return }
        let kept = records
        records = [UInt8](unsafeUninitializedCapacity: kept.count) { buffer, initialized in
            initialized = kept.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
        }
    }

    /// Unused bytes worth a new array (malloc hands out chunks 16 bytes apart).
    static let shrinkSlack = 16

    /// The sample at `index` (0: the oldest), the offset where its record ends, and the step into it (what the next
    /// record is predicted from). A function of its own so that the reader's reference to `records` ends before the
    /// caller changes them in place.
    private static func decode(_ records: [UInt8], through index: Int) -> (sample: Packed, end: Int, step: Int32) {
        var reader = Reader(bytes: records)
        var current = Packed.zero
        for _ in 0...index { current = reader.next(after: current) }
        return (current, reader.offset, reader.step)
    }

    /// The sample at `index` `dropped` (the new oldest), the one after it if any, and where the latter's record ends
    /// (the former's when it is the newest). Static for the same reason as `decode(_:through:)`.
    private static func decodeNewHead(_ records: [UInt8], dropping dropped: Int, count: Int)
        -> (head: Packed, second: Packed?, end: Int)
    {
        var reader = Reader(bytes: records)
        var head = Packed.zero
        for _ in 0...dropped { head = reader.next(after: head) }
        guard dropped + 1 < count else { return (head, nil, reader.offset) }
        let second = reader.next(after: head)
        return (head, second, reader.offset)
    }

    /// Iterates the samples, oldest first.
    func makeIterator() -> Iterator {
        Iterator(log: self)
    }

    /// Equal when they hold the same samples.
    static func == (lhs: SampleLog, rhs: SampleLog) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    /// Decodes the samples one after another.
    struct Iterator: IteratorProtocol {
        private var reader: Reader<[UInt8]>
        /// The sample read last (the oldest's record is encoded against zero).
        private var current = Packed.zero
        private var remaining: Int

        /// The only sample of a log of one (which has no records).
        private var lone: Packed?

        init(log: SampleLog) {
            reader = Reader(bytes: log.records)
            remaining = log.count
            if log.count == 1 { lone = log.tail }
        }

        mutating func next() -> ProgressSample? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            if let lone { return lone.sample() }
            current = reader.next(after: current)
            return current.sample()
        }
    }

    /// A sample as stored: whole milliseconds since the reference date (a log keeps no origin of its own: 8 bytes
    /// per job; an `Int64` holds 142,000 years of them) and the counts.
    struct Packed: Sendable, Equatable {
        /// The sample the oldest record is encoded against.
        static let zero = Packed(milliseconds: 0, processed: 0, failed: 0, total: 0)

        var milliseconds: Int64
        var processed: Int
        var failed: Int
        var total: Int

        init(milliseconds: Int64, processed: Int, failed: Int, total: Int) {
            self.milliseconds = milliseconds
            self.processed = processed
            self.failed = failed
            self.total = total
        }

        init(_ sample: ProgressSample) {
            let offset = (sample.at.timeIntervalSinceReferenceDate * 1_000).rounded()
            // Times come from the local clock; anything beyond ±2^52 ms (142,000 years) is clamped, never trapped.
            let bound = 4_503_599_627_370_496.0
            milliseconds = offset.isFinite ? Int64(Swift.min(bound, Swift.max(-bound, offset))) : 0
            processed = sample.processed
            failed = sample.failed
            total = sample.total
        }

        func sample() -> ProgressSample {
            ProgressSample(
                at: Date(timeIntervalSinceReferenceDate: Double(milliseconds) / 1_000), processed: processed,
                failed: failed, total: total)
        }

        /// The longest record: four varints of at most 10 bytes each.
        static let maximumRecordLength = 40

        /// The time from `previous` to `next` as the record after `next` is predicted from: clamped to 32 bits (a
        /// step beyond ±24 days is predicted from the clamped value, and encoded in more bytes, never trapped).
        static func step(from previous: Packed, to next: Packed) -> Int32 {
            Int32(clamping: next.milliseconds &- previous.milliseconds)
        }

        /// The bytes this sample's record after `previous` takes (see `encode(after:step:_:)`).
        func encodedLength(after previous: Packed, step: Int32) -> Int {
            var length = 0
            encode(after: previous, step: step) { _ in length += 1 }
            return length
        }

        /// Appends this sample's record after `previous`, whose own step (from the sample before it) was `step`.
        func encode(after previous: Packed, step: Int32, into bytes: inout [UInt8]) {
            encode(after: previous, step: step) { bytes.append($0) }
        }

        /// This sample's record, one byte at a time: the time's difference from `previous` minus `step` (with a
        /// flag for changed failed/total counts), the processed difference, then the failed and total counts if the
        /// flag is set.
        @inline(__always)
        func encode(after previous: Packed, step: Int32, _ write: (UInt8) -> Void) {
            let countsChanged = failed != previous.failed || total != previous.total
            let time = SampleLog.zigzag(milliseconds &- previous.milliseconds &- Int64(step))
            SampleLog.writeVarint(time << 1 | (countsChanged ? 1 : 0), write)
            SampleLog.writeVarint(SampleLog.zigzag(Int64(processed) &- Int64(previous.processed)), write)
            if countsChanged {
                // As bit patterns: a negative count (which no server should send) reads back, never traps.
                SampleLog.writeVarint(UInt64(bitPattern: Int64(failed)), write)
                SampleLog.writeVarint(UInt64(bitPattern: Int64(total)), write)
            }
        }
    }

    /// Reads records from bytes: the log's array, or a buffer pointer into it where a scan must be tight
    /// (`scan(countingThrough:newestAtOrBefore:)`: no bounds check per byte in a release build).
    struct Reader<Bytes: RandomAccessCollection<UInt8>> where Bytes.Index == Int {
        let bytes: Bytes
        private(set) var offset = 0
        /// The step into the sample read last (0 before the second), which the next record's time is predicted from.
        private(set) var step: Int32 = 0
        /// False until the oldest record (encoded against zero, not against a sample) is read.
        private var pastOldest = false

        init(bytes: Bytes) {
            self.bytes = bytes
            offset = bytes.startIndex
        }

        /// The sample whose record starts at `offset`, decoded against `previous` (the sample read last).
        mutating func next(after previous: Packed) -> Packed {
            let time = readVarint()
            let processed = SampleLog.unzigzag(readVarint())
            var packed = Packed(
                milliseconds: previous.milliseconds &+ Int64(step) &+ SampleLog.unzigzag(time >> 1),
                processed: Int(truncatingIfNeeded: Int64(previous.processed) &+ processed), failed: previous.failed,
                total: previous.total)
            if time & 1 == 1 {
                packed.failed = Int(truncatingIfNeeded: readVarint())
                packed.total = Int(truncatingIfNeeded: readVarint())
            }
            // The oldest record is read against zero, not against a sample: no step into it.
            step = pastOldest ? Packed.step(from: previous, to: packed) : 0
            pastOldest = true
            return packed
        }

        private mutating func readVarint() -> UInt64 {
            // Most values take one byte (a few milliseconds of jitter, a few items a poll).
            if offset < bytes.endIndex, bytes[offset] < 0x80 {
                offset += 1
                return UInt64(bytes[offset - 1])
            }
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.endIndex {
                let byte = bytes[offset]
                offset += 1
                if shift < 64 { value |= UInt64(byte & 0x7F) << shift }
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            return value
        }
    }

    /// Signed to unsigned, small magnitudes to small numbers.
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    /// The inverse of `zigzag`.
    static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    /// The bytes `writeVarint` takes for `value`.
    static func varintLength(_ value: UInt64) -> Int {
        Swift.max(1, (64 - value.leadingZeroBitCount + 6) / 7)
    }

    /// Writes `value` in 7-bit groups, low first, the high bit set on all but the last.
    @inline(__always)
    static func writeVarint(_ value: UInt64, _ write: (UInt8) -> Void) {
        var rest = value
        while rest >= 0x80 {
            write(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        write(UInt8(truncatingIfNeeded: rest))
    }
}
