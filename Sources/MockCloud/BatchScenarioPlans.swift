import FoundationEssentials

/// Builds the deterministic v2 batch plans of the `demo` and `batches:N:F` scenarios.
enum BatchScenarioPlans {
    /// A unique id key for batch `index` of a seed: six hex digits of a hash, then the index in base 36.
    static func key(seed: UInt64, index: Int) -> String {
        let hex = String(SplitMix64.mix(seed, UInt64(index)) & 0xFF_FFFF, radix: 16)
        return String(repeating: "0", count: 6 - hex.count) + hex + String(index, radix: 36)
    }

    /// The demo's eight batches: every case within the first 30 s (see each plan's comment).
    static func demo(seed: UInt64) -> [BatchPlan] {
        func plan(_ index: Int, extract: Bool, files: Int, appears: TimeInterval, pending: TimeInterval, rate: Double)
            -> BatchPlan
        {
            BatchPlan(
                key: key(seed: seed ^ 0xBA7C4, index: index), seed: SplitMix64.mix(seed, UInt64(100 + index)),
                isExtract: extract, fileCount: files, appearsAt: appears, pending: pending, mappingRate: rate)
        }
        // Completed long before the start, a few mapping errors and failed files.
        var completed = plan(0, extract: false, files: 40, appears: -900, pending: 3, rate: 0.5)
        completed.mappingErrorRate = 0.05
        completed.directoryName = "contracts-2026"
        // Running, THROTTLED from 6 s to 36 s and again for 30 s at 70, 150 and 230 s (its extract jobs show THROTTLED
        // meanwhile).
        var throttled = plan(1, extract: true, files: 120, appears: -60, pending: 2, rate: 1)
        throttled.throttles = [6, 70, 150, 230].map { .init(start: $0, duration: 30) }
        throttled.jobFailureRate = 0.08
        throttled.directoryName = "invoices-march"
        // Running with many mapping errors and hostile names (CJK, accents, a terminal escape).
        var mappingErrors = plan(2, extract: false, files: 200, appears: -30, pending: 2, rate: 1.5)
        mappingErrors.mappingErrorRate = 0.15
        mappingErrors.international = true
        mappingErrors.directoryName = "scans-international"
        // Running, but its results stay null until it ends.
        var hidden = plan(3, extract: false, files: 60, appears: -20, pending: 1, rate: 0.5)
        hidden.hidesResults = true
        hidden.directoryName = "research-papers"
        // Orchestration breaks at about 24 s after mapping 60 of 80 files.
        var failed = plan(4, extract: true, files: 80, appears: -40, pending: 2, rate: 1)
        failed.failsAfterFiles = 60
        failed.directoryName = "receipts-2026"
        // Pending for the first 8 s, then done at about 40 s.
        var late = plan(5, extract: false, files: 30, appears: -2, pending: 10, rate: 2)
        late.directoryName = "hr-resumes"
        // Cancelled by a user before the start.
        var cancelled = plan(6, extract: false, files: 50, appears: -1200, pending: 5, rate: 0.2)
        cancelled.cancelledAt = -1100
        cancelled.directoryName = "old-archive"
        // A long extract batch (about 8 minutes), throttled again later.
        var long = plan(7, extract: true, files: 150, appears: -10, pending: 1, rate: 0.3)
        long.throttles = [.init(start: 120, duration: 20)]
        long.directoryName = "claims-backlog"
        return [completed, throttled, mappingErrors, hidden, failed, late, cancelled, long]
    }

    /// `count` batches of `files` files each, one created every 15 s before the start (the newest are running,
    /// older ones done); every 10th is an extract batch, and a few throttle, hide results, fail or have mapping errors.
    static func scale(batches count: Int, files: Int, seed: UInt64) -> [BatchPlan] {
        (0..<max(0, count)).map { index in
            var plan = BatchPlan(
                key: key(seed: seed, index: index), seed: SplitMix64.mix(seed, UInt64(index)),
                isExtract: index % 10 == 9, fileCount: files, appearsAt: -Double(index) * 15, pending: 3,
                mappingRate: max(1, Double(files) / 300))
            if index % 17 == 1 { plan.throttles = [.init(start: plan.runStart + 30, duration: 10)] }
            if index % 13 == 2 { plan.mappingErrorRate = 0.05 }
            if index % 50 == 7 { plan.failsAfterFiles = files / 2 }
            if index % 40 == 3 { plan.hidesResults = true }
            plan.directoryName = "bulk-\(index)"
            return plan
        }
    }
}
