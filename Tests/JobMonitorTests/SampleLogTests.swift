import Foundation
import Testing

@testable import JobMonitor

@Suite("SampleLog: packed samples read back: counts exactly, times to the millisecond")
struct SampleLogTests {
    func sample(_ generator: inout SeededGenerator, at seconds: Double) -> ProgressSample {
        // Counts that mostly stay and sometimes change, fractional times, and now and then extreme values.
        let total = generator.next(10) == 0 ? Int.max : 1_000 + generator.next(3)
        return ProgressSample(
            at: Date(timeIntervalSinceReferenceDate: 800_000_000 + seconds), processed: generator.next(1_000),
            failed: generator.next(4) == 0 ? generator.next(50) : 0, total: total)
    }

    @Test("random appends, replacements and drops read back like a plain array", arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func matchesAnArray(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let first = sample(&generator, at: 0.25)
        var log = SampleLog(first: first)
        var model = [first]
        var clock = 0.25
        var kept: [(SampleLog, [ProgressSample])] = []
        for step in 0..<600 {
            clock += 0.1 + Double(generator.next(2_000)) / 1_000
            switch generator.next(10) {
            case 0..<6:
                let new = sample(&generator, at: clock)
                // With and without a retained span to size the records by (any span: only the room changes).
                let span = generator.next(3) == 0 ? nil : Double(generator.next(300))
                log.append(new, retaining: span, maxSamples: 2 + generator.next(200))
                model.append(new)
            case 6, 7:
                let new = sample(&generator, at: clock)
                log.replaceLast(new)
                model[model.count - 1] = new
            default:
                let dropped = generator.next(20)
                log.removeFirst(dropped)
                model.removeFirst(min(dropped, model.count - 1))
            }
            #expect(log.count == model.count, "step \(step)")
            #expect(matches(Array(log), model), "step \(step)")
            #expect(log.first.map { matches([$0], [model[0]]) } == true, "step \(step)")
            #expect(log.last.map { matches([$0], [model[model.count - 1]]) } == true, "step \(step)")
            if step % 50 == 0 { kept.append((log, model)) }
        }
        // Copies taken earlier (what a snapshot keeps) still read what they held then.
        for (copy, expected) in kept { #expect(matches(Array(copy), expected)) }
    }

    /// Equal counts, and times within half a millisecond.
    func matches(_ read: [ProgressSample], _ stored: [ProgressSample]) -> Bool {
        read.count == stored.count
            && zip(read, stored).allSatisfy { read, stored in
                read.processed == stored.processed && read.failed == stored.failed && read.total == stored.total
                    && abs(read.at.timeIntervalSince(stored.at)) <= 0.0005
            }
    }

    @Test("a running job's two minutes of samples take at most 4 bytes each (up to 60 ms of jitter), the oldest included")
    func compact() {
        let start = Date(timeIntervalSinceReferenceDate: 800_000_000)
        var log = SampleLog(first: ProgressSample(at: start, processed: 0, total: 20_000))
        for poll in 1...60 {
            let at = start.addingTimeInterval(Double(poll) * 2 + Double(poll % 7) / 100)
            log.append(ProgressSample(at: at, processed: poll * 37, total: 20_000))
        }
        #expect(log.count == 61)
        // The oldest sample's record (against zero) included.
        #expect(log.encodedBytes <= 61 * 4)
        #expect(log.last?.processed == 60 * 37)
    }

    @Test(
        "a history of one sample allocates nothing; the second sizes the log for its retained span, and polls at a steady pace never grow it again",
        arguments: [(2.0, 37), (1.0, 5), (5.0, 100_000), (0.5, 1)] as [(Double, Int)])
    func growsOnce(interval: TimeInterval, rise: Int) {
        var configuration = MetricsConfiguration()
        configuration.retainedSpan = configuration.readSpan(pollInterval: interval)
        let start = Date(timeIntervalSinceReferenceDate: 800_000_000)
        var history = ProgressHistory(first: ProgressSample(at: start, processed: 0, total: 1 << 40), status: .running)
        #expect(history.samples.capacity == 0)
        var generator = SeededGenerator(state: 5)
        var capacities: [Int] = []
        var addresses: [UInt] = []
        var peakBytes = 0
        // Ten minutes of polls, up to ±40 ms off the cadence (some steps then take two bytes for the time).
        for poll in 1...Int(600 / interval) {
            let jitter = Double(generator.next(81)) / 1_000 - 0.04
            let at = start.addingTimeInterval(Double(poll) * interval + jitter)
            history.observe(
                ProgressSample(at: at, processed: poll * rise, total: 1 << 40), status: .running,
                configuration: configuration)
            if capacities.last != history.samples.capacity { capacities.append(history.samples.capacity) }
            if let address = history.samples.recordsAddress, addresses.last != address { addresses.append(address) }
            peakBytes = max(peakBytes, history.samples.encodedBytes)
        }
        // Each growth left the old array free in the heap: 100,000 jobs growing in step left a hole of each size.
        #expect(capacities.count == 1, "capacities \(capacities)")
        // Nor was it copied: trimming the oldest samples while an iterator still held the array copied it whole (at
        // each trim of a debug build; the copy's capacity moved with what malloc handed out, which made the
        // capacity check above fail now and then).
        #expect(addresses.count == 1, "the records moved \(addresses.count - 1) times")
        // And the one array is not much bigger than the samples it holds.
        let bytes = history.samples.encodedBytes
        #expect(
            capacities.last.map { $0 <= bytes + bytes / 2 + 16 } == true,
            "\(capacities) for \(bytes) bytes (at most \(peakBytes))")
    }

    @Test("a job that finishes before its log covers the retained span gives the rest of the room back, samples intact")
    func finishingShrinksTheLog() {
        var configuration = MetricsConfiguration()
        configuration.retainedSpan = configuration.readSpan(pollInterval: 2)
        let start = Date(timeIntervalSinceReferenceDate: 800_000_000)
        var history = ProgressHistory(first: ProgressSample(at: start, processed: 0, total: 500), status: .running)
        // 20 s of a 120 s span: the log was sized for the whole span at its second sample.
        for poll in 1...10 {
            history.observe(
                ProgressSample(at: start.addingTimeInterval(Double(poll) * 2), processed: poll * 7, total: 500),
                status: .running, configuration: configuration)
        }
        let sized = history.samples.capacity
        #expect(sized >= history.samples.encodedBytes + 3 * SampleLog.shrinkSlack, "sized \(sized)")
        // Still running, the log keeps its planned room (it is filling it)…
        history.observe(
            ProgressSample(at: start.addingTimeInterval(22), processed: 77, total: 500), status: .running,
            configuration: configuration)
        #expect(history.samples.capacity == sized)
        let running = Array(history.samples)
        // …and finished, it gives back all but the few bytes a malloc chunk rounds to, keeping every sample.
        let last = ProgressSample(at: start.addingTimeInterval(24), processed: 500, total: 500)
        history.observe(last, status: .completed, configuration: configuration)
        let bytes = history.samples.encodedBytes
        #expect(history.samples.capacity < bytes + SampleLog.shrinkSlack, "\(history.samples.capacity) for \(bytes)")
        #expect(Array(history.samples) == running + [last])
        // A log already about its size is left where it is.
        var log = history.samples
        log.shrinkToFit()
        #expect(log.recordsAddress == history.samples.recordsAddress)
    }

    @Test("polls at a steady interval take 2 bytes a sample: the time is stored as its difference from the step before")
    func steadyPollsTakeTwoBytes() {
        let start = Date(timeIntervalSinceReferenceDate: 800_000_000)
        var log = SampleLog(first: ProgressSample(at: start, processed: 0, total: 20_000))
        var generator = SeededGenerator(state: 9)
        var stored = [ProgressSample(at: start, processed: 0, total: 20_000)]
        for poll in 1...60 {
            // Up to ±7 ms from a 2 s cadence: a step differs from the one before by at most 28 ms.
            let jitter = Double(generator.next(15)) / 1_000 - 0.007
            let sample = ProgressSample(at: start.addingTimeInterval(Double(poll) * 2 + jitter), processed: poll * 37, total: 20_000)
            log.append(sample)
            stored.append(sample)
        }
        // The first record after the oldest has no step to be predicted from: 3 bytes.
        let head = SampleLog(first: stored[0]).encodedBytes
        #expect(log.encodedBytes == head + 3 + 59 * 2, "\(log.encodedBytes) bytes")
        #expect(matches(Array(log), stored))
        // Dropping the oldest rewrites the new oldest against zero and the one after it against no step.
        log.removeFirst(30)
        #expect(matches(Array(log), Array(stored.dropFirst(30))))
        #expect(log.encodedBytes <= SampleLog(first: stored[30]).encodedBytes + 3 + 29 * 2)
    }

    @Test(
        "one pass finds the oldest sample, the newest at or before an instant and the count up to a horizon, as reading every sample in order does",
        arguments: [11, 12, 13, 14] as [UInt64])
    func anchorMatchesIteration(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        var clock = 0.0
        var log = SampleLog(first: sample(&generator, at: clock))
        for _ in 0..<80 {
            // Mostly forwards, now and then back (a clock step): the scan stops at the first sample after the instant.
            clock += generator.next(8) == 0 ? -3 : 0.05 + Double(generator.next(3_000)) / 1_000
            log.append(sample(&generator, at: clock))
            if generator.next(6) == 0 { log.removeFirst(generator.next(4)) }
            let stored = Array(log)
            var instants = stored.flatMap { [$0.at, $0.at.addingTimeInterval(0.0004), $0.at.addingTimeInterval(-0.0004)] }
            instants += [
                stored[0].at.addingTimeInterval(-1), Date(timeIntervalSinceReferenceDate: .nan), .distantFuture, .distantPast,
                Date(timeIntervalSinceReferenceDate: .infinity), Date(timeIntervalSinceReferenceDate: -.infinity),
                Date(timeIntervalSinceReferenceDate: 1e300), Date(timeIntervalSinceReferenceDate: -1e300),
            ]
            for instant in instants {
                var expected: ProgressSample?
                for sample in stored {
                    guard sample.at <= instant else { break }
                    expected = sample
                }
                // A horizon of its own from the same instants (earlier, later or none), counted as the trim counts.
                let horizon = generator.next(5) == 0 ? nil : instants[generator.next(instants.count)]
                let expectedCount = horizon.map { horizon in stored.dropFirst().prefix { $0.at <= horizon }.count } ?? 0
                let found = log.scan(countingThrough: horizon, newestAtOrBefore: instant)
                let context = "seed \(seed) at \(instant.timeIntervalSinceReferenceDate), horizon \(horizon?.timeIntervalSinceReferenceDate ?? 0)"
                #expect(found.oldest == stored[0], "\(context)")
                #expect(found.newest == expected, "\(context)")
                #expect(found.counted == expectedCount, "\(context)")
            }
        }
    }

    @Test("a stored time is at or before an instant exactly when it is at or before the instant's latest millisecond")
    func latestMillisecondIsExact() {
        for seconds in [0.0, 0.0005, 0.001, -0.0005, 1.0 / 3, 800_000_000.1234, -800_000_000.9996, 4.5e12, 5e12, -5e12] {
            let instant = Date(timeIntervalSinceReferenceDate: seconds)
            let limit = SampleLog.latestMilliseconds(atOrBefore: instant)
            #expect(Date(timeIntervalSinceReferenceDate: Double(limit) / 1_000) <= instant || limit <= -4_503_599_627_370_496)
            #expect(Date(timeIntervalSinceReferenceDate: Double(limit + 1) / 1_000) > instant || limit >= 4_503_599_627_370_496)
        }
        // Random instants of every magnitude, fractions of a millisecond near the halves and the edges included: the
        // estimate is corrected by at most `millisecondCorrections` steps, so a wrong bound would show here.
        var random = SeededGenerator(state: 0x3117)
        for _ in 0..<20_000 {
            let magnitude = Double(random.next(13))
            let sign: Double = random.next() % 2 == 0 ? 1 : -1
            let fraction = Double(random.next() % 1_000_000) / 1_000_000
            let seconds = sign * (pow(10, magnitude) * fraction + Double(random.next() % 1_000) / 1_000 + 0.0005)
            let instant = Date(timeIntervalSinceReferenceDate: seconds)
            let limit = SampleLog.latestMilliseconds(atOrBefore: instant)
            #expect(Date(timeIntervalSinceReferenceDate: Double(limit) / 1_000) <= instant, "\(seconds)")
            #expect(Date(timeIntervalSinceReferenceDate: Double(limit + 1) / 1_000) > instant, "\(seconds)")
        }
        // `Date`'s `<=` is "not after", and nothing is after NaN.
        #expect(SampleLog.latestMilliseconds(atOrBefore: Date(timeIntervalSinceReferenceDate: .nan)) == .max)
        #expect(SampleLog.latestMilliseconds(atOrBefore: Date(timeIntervalSinceReferenceDate: .infinity)) == .max)
        #expect(SampleLog.latestMilliseconds(atOrBefore: Date(timeIntervalSinceReferenceDate: -.infinity)) == .min)
    }

    @Test("extreme counts and far-apart times read back")
    func extremes() {
        let start = Date(timeIntervalSinceReferenceDate: 0)
        let samples = [
            ProgressSample(at: start, processed: Int.max, failed: Int.max, total: Int.max),
            ProgressSample(at: start.addingTimeInterval(1e9), processed: 0, failed: 0, total: 0),
            ProgressSample(at: start.addingTimeInterval(-1e9), processed: Int.max, failed: 1, total: Int.max),
            ProgressSample(at: start.addingTimeInterval(0.0004), processed: 1, failed: Int.max, total: 2),
        ]
        var log = SampleLog(first: samples[0])
        for sample in samples.dropFirst() { log.append(sample) }
        #expect(matches(Array(log), samples))
        log.replaceLast(samples[1])
        #expect(matches(Array(log), Array(samples[0..<3]) + [samples[1]]))
        log.removeFirst(2)
        #expect(matches(Array(log), [samples[2], samples[1]]))
    }

    @Test("equal samples make equal logs however they were stored")
    func equalityIgnoresChunking() {
        let samples = (0..<40).map {
            ProgressSample(at: Date(timeIntervalSinceReferenceDate: Double($0)), processed: $0, total: 100)
        }
        var long = SampleLog(first: samples[0])
        for sample in samples.dropFirst() { long.append(sample) }
        long.removeFirst(20)
        var short = SampleLog(first: samples[20])
        for sample in samples.dropFirst(21) { short.append(sample) }
        #expect(long == short)
        short.replaceLast(ProgressSample(at: samples[39].at, processed: 99, total: 100))
        #expect(long != short)
    }
}
