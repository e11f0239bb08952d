import FoundationEssentials

/// One simulated v2 batch over its own directory of files, as a pure function of time (seconds since the start).
/// Throttled periods pause it: its mapping and jobs advance in "effective" time, which stands still while throttled.
struct BatchPlan: Sendable {
    /// A stretch of real time during which the batch is THROTTLED.
    struct Throttle: Sendable {
        /// Start (seconds since the start).
        let start: TimeInterval
        /// Length in seconds.
        let duration: TimeInterval
    }

    /// Short hex key shared by the batch's ids (`bat-<key>`, `dir-<key>`, `dfl-<key>-<n>`, `pjb-<key>-<n>`).
    let key: String
    /// Seed of the per-file outcomes.
    let seed: UInt64
    /// True for `extract_v2` jobs, false for `parse_v2`.
    let isExtract: Bool
    /// Number of files in the directory.
    let fileCount: Int
    /// When the batch was created.
    let appearsAt: TimeInterval
    /// Seconds spent PENDING.
    let pending: TimeInterval
    /// Files mapped to jobs per effective second.
    let mappingRate: Double
    /// THROTTLED periods, in order, after the batch started running.
    var throttles: [Throttle] = []
    /// True when `results` stays null while the batch is not finished.
    var hidesResults = false
    /// The orchestration breaks after mapping this many files (the batch turns FAILED).
    var failsAfterFiles: Int?
    /// A cancel requested before the start (seconds since the start).
    var cancelledAt: TimeInterval?
    /// Share of files that get a mapping error instead of a job.
    var mappingErrorRate = 0.0
    /// Share of jobs that fail.
    var jobFailureRate = 0.06
    /// Share of jobs that end CANCELLED on their own.
    var jobCancelRate = 0.02
    /// True for localised and hostile file names.
    var international = false
    /// The name of the batch's directory.
    var directoryName = "inbox"

    /// Seconds a cancel takes to stop the batch.
    static let cancelDelay: TimeInterval = 1.5
    /// Longest life of one job (pending plus running), so a batch ends this long after its last file is mapped.
    static let longestJob: TimeInterval = 16

    /// Project of every batch.
    static let projectID = "prj-mock-v2"

    /// `bat-<key>`.
    var id: String { "bat-\(key)" }
    /// `dir-<key>`.
    var directoryID: String { "dir-\(key)" }
    /// `parse_v2` or `extract_v2`.
    var jobType: String { isExtract ? "extract_v2" : "parse_v2" }
    /// The configuration id of the batch's jobs.
    var configurationID: String { isExtract ? "cfg-EXTRACT_INVOICE" : "cfg-PARSE_AGENTIC" }
    /// When the batch starts running.
    var runStart: TimeInterval { appearsAt + pending }
    /// Files that get mapped unless cancelled.
    var mappableFiles: Int { min(fileCount, failsAfterFiles ?? fileCount) }

    /// Effective time at real time `time`: real time minus the throttled time before it.
    func effective(_ time: TimeInterval) -> TimeInterval {
        throttles.reduce(time) { result, throttle in result - min(max(time - throttle.start, 0), throttle.duration) }
    }

    /// The earliest real time whose effective time is `effective`.
    func real(_ effective: TimeInterval) -> TimeInterval {
        throttles.reduce(effective) { result, throttle in result > throttle.start ? result + throttle.duration : result }
    }

    /// True while `time` lies in a throttled period.
    func isThrottled(at time: TimeInterval) -> Bool {
        throttles.contains { time >= $0.start && time < $0.start + $0.duration }
    }

    /// Effective time at which file `index` is mapped.
    func mappedAt(_ index: Int) -> TimeInterval {
        runStart + (Double(index) + 0.5) / mappingRate
    }

    /// Effective time the batch completes (all files mapped, all jobs finished).
    var completesAt: TimeInterval { runStart + Double(fileCount) / mappingRate + Self.longestJob }

    /// Effective time the orchestration breaks, if it does.
    var failsAt: TimeInterval? { failsAfterFiles.map { runStart + Double($0) / mappingRate + 2 } }

    /// The batch at `time`, or nil before it exists; `cancel` is a cancel requested while it ran (real time).
    func state(at time: TimeInterval, cancel: TimeInterval?) -> BatchState? {
        guard time >= appearsAt else { return nil }
        let cancel = cancelledAt ?? cancel
        let now = effective(time)
        var mapLimit = now
        if let cancel { mapLimit = min(mapLimit, effective(cancel)) }
        let mapped = time < runStart ? 0 : min(mappableFiles, max(0, Int(((mapLimit - runStart) * mappingRate).rounded())))
        let status: String
        let changed: TimeInterval
        if let cancel, time >= cancel + Self.cancelDelay {
            (status, changed) = ("CANCELLED", cancel + Self.cancelDelay)
        } else if time < runStart {
            (status, changed) = ("PENDING", appearsAt)
        } else if let failsAt, now >= failsAt {
            (status, changed) = ("FAILED", real(failsAt))
        } else if now >= completesAt {
            (status, changed) = ("COMPLETED", real(completesAt))
        } else if isThrottled(at: time) {
            (status, changed) = ("THROTTLED", throttles.last { $0.start <= time }?.start ?? time)
        } else {
            (status, changed) = ("RUNNING", time)
        }
        return BatchState(plan: self, time: time, cancel: cancel, status: status, changedAt: changed, mappedFiles: mapped)
    }

    /// A deterministic hash of file `index` and a salt.
    func hash(_ index: Int, _ salt: UInt64) -> UInt64 {
        SplitMix64.mix(SplitMix64.mix(seed, UInt64(index)), salt)
    }

    /// A deterministic value in 0..<1 for file `index` and a salt.
    func unit(_ index: Int, _ salt: UInt64) -> Double {
        Double(hash(index, salt) >> 11) * 0x1p-53
    }

    /// True when file `index` gets a mapping error instead of a job.
    func hasMappingError(_ index: Int) -> Bool {
        unit(index, 1) < mappingErrorRate
    }
}
