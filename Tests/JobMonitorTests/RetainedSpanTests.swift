import Foundation
import Testing

@testable import JobMonitor

/// A history trimmed to its retained span reads exactly what one that keeps every sample reads: the trim drops only
/// samples that neither the rate's window nor the history's instants can reach.
@Suite("ProgressHistory: the retained-span trim changes no read")
struct RetainedSpanTests {
    @Test(
        "rate, kept rate, history points and times are those of a history that keeps every sample",
        arguments: [(1.0, 21), (2.0, 22), (5.0, 23), (0.7, 24), (2.0, 25), (10.0, 26)] as [(Double, UInt64)])
    func trimChangesNoRead(interval: TimeInterval, seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        var trimmed = MetricsConfiguration(maxSamples: 100_000)
        trimmed.retainedSpan = trimmed.readSpan(pollInterval: interval)
        let untrimmed = MetricsConfiguration(maxSamples: 100_000)
        let step = trimmed.historyStep(pollInterval: interval)
        let start = Date(timeIntervalSinceReferenceDate: 800_000_000)
        let first = ProgressSample(at: start, processed: 0, total: 5_000)
        var short = ProgressHistory(first: first, status: .running)
        var full = short
        // Keeps less than the rate's window: its trim may drop the anchor, so its rate is read again after the trim.
        var narrowConfiguration = trimmed
        narrowConfiguration.retainedSpan = trimmed.rateWindow / 3
        var narrow = short
        var clock = 0.0
        var processed = 0
        var status = JobStatus.running
        for poll in 0..<600 {
            // Polls at the interval with up to ±20 % of jitter, now and then a long gap or two at one instant; the
            // count rises, stays (then only a refresh is stored) or jumps; the status changes now and then.
            switch generator.next(20) {
            case 0: clock += interval * Double(2 + generator.next(40))
            case 1: break
            default: clock += interval * (0.8 + Double(generator.next(400)) / 1_000)
            }
            switch generator.next(6) {
            case 0: break
            case 1: processed += generator.next(500)
            default: processed += generator.next(4)
            }
            if generator.next(50) == 0 { status = status == .running ? .pending : .running }
            let sample = ProgressSample(
                at: start.addingTimeInterval(clock), processed: processed, failed: processed / 100, total: 5_000)
            short.observe(sample, status: status, configuration: trimmed)
            full.observe(sample, status: status, configuration: untrimmed)
            narrow.observe(sample, status: status, configuration: narrowConfiguration)
            // Read as a snapshot would, at the last observation or up to a poll later.
            let end = short.lastObservedAt.addingTimeInterval(interval * Double(generator.next(4)) / 4)
            let window = trimmed.rateWindow
            #expect(
                short.rate(window: window, minimumSpan: trimmed.minimumRateSpan)
                    == full.rate(window: window, minimumSpan: trimmed.minimumRateSpan), "poll \(poll)")
            #expect(
                short.fractions(endingAt: end, step: step, count: trimmed.historyLength)
                    == full.fractions(endingAt: end, step: step, count: trimmed.historyLength), "poll \(poll)")
            #expect(short.lastMovedAt == full.lastMovedAt && short.lastSampleAt == full.lastSampleAt, "poll \(poll)")
            // The rate `observe` keeps is the one worked out from the samples, to a `Float`'s precision.
            let expected = full.rate(window: window, minimumSpan: trimmed.minimumRateSpan).map { Double(Float($0)) }
            #expect(short.cachedRate == expected && full.cachedRate == expected, "poll \(poll)")
            #expect(
                narrow.cachedRate
                    == narrow.rate(window: window, minimumSpan: trimmed.minimumRateSpan).map { Double(Float($0)) },
                "poll \(poll)")
        }
        // The trim did trim: the short history holds about a span of samples, the full one all of them.
        #expect(short.samples.count < full.samples.count / 2)
        #expect(narrow.samples.count < short.samples.count)
    }
}
