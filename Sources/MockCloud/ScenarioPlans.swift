import FoundationEssentials

/// Builds the deterministic job plans of the `demo` and `steady` scenarios.
enum ScenarioPlans {
    /// The job types the API knows.
    static let jobTypes = ["parse", "extract", "classify"]

    /// Per-item errors of ordinary failed items.
    static let itemErrors = [
        "Unsupported file type: .heic", "PDF is password-protected", "Timed out after 300 s",
        "File is empty (0 bytes)", "Corrupted PDF: startxref not found",
    ]

    /// Job-level errors of failing jobs (the demo's four failing jobs use them in this order).
    static let crashMessages = [
        "Worker crashed: out of memory while parsing page 212",
        "Upstream model provider returned 503 Service Unavailable after 5 retries",
        "Lost connection to storage bucket: read timed out after 120 s",
        "Extraction schema rejected: field 'total_amount' has no type",
    ]

    /// Why items are skipped.
    static let skipReasons = ["already_processed", "size_limit_exceeded"]

    /// The demo's single item name containing a terminal escape sequence, so that the dashboard's sanitising
    /// of server strings is exercised. No other name or message of the demo contains a control character.
    static let escapeItemName = "inbox/\u{1B}[31mURGENT\u{1B}[0m-scan-0003.pdf"

    /// How many jobs arrive after the start, at most (one about every 45 s: about two and a half hours).
    static let maximumArrivals = 200

    /// The demo: 24 jobs at the start in every state, then new jobs about every 45 s.
    static func demo(seed: UInt64) -> [JobPlan] {
        var builder = Builder(seed: seed)
        var drafts: [Draft] = []
        var types = builder.rng.shuffled(Array(repeating: jobTypes, count: 8).flatMap { $0 })

        // Completed before the start.
        for _ in 0..<7 {
            var draft = builder.draft(type: types.removeLast())
            let duration = builder.duration(for: draft.total)
            draft.speed = Double(draft.total) / duration
            let finishedAgo = builder.rng.double(in: 90...(4 * 3600))
            draft.appearsAt = -(finishedAgo + duration + draft.pending)
            drafts.append(draft)
        }
        drafts[1].scheme = .international

        // Failed before the start.
        for message in crashMessages[0..<2] {
            var draft = builder.draft(type: types.removeLast(), minimumSize: 40)
            let duration = builder.duration(for: draft.total)
            draft.speed = Double(draft.total) / duration
            let crashAt = max(1, Int(Double(draft.total) * builder.rng.double(in: 0.25...0.85)))
            draft.crash = JobCrash(atProcessed: crashAt, message: message)
            let crashedAgo = builder.rng.double(in: 120...(2 * 3600))
            draft.appearsAt = -(crashedAgo + Double(crashAt) / draft.speed + draft.pending)
            drafts.append(draft)
        }

        // Running at the start, failing within the first few minutes.
        for message in crashMessages[2..<4] {
            var draft = builder.draft(type: types.removeLast(), minimumSize: 60)
            let runningFor = builder.rng.double(in: 20...240)
            let failsIn = builder.rng.double(in: 45...300)
            let crashAt = max(2, Int(Double(draft.total) * builder.rng.double(in: 0.35...0.8)))
            draft.speed = Double(crashAt) / (runningFor + failsIn)
            draft.crash = JobCrash(atProcessed: crashAt, message: message)
            draft.appearsAt = -(runningFor + draft.pending)
            drafts.append(draft)
        }

        // Cancelled by a user before the start.
        do {
            var draft = builder.draft(type: types.removeLast(), minimumSize: 100)
            let duration = 900.0
            draft.speed = Double(draft.total) / duration
            draft.appearsAt = -(2400 + draft.pending)
            draft.cancelAt = draft.appearsAt + draft.pending + duration * builder.rng.double(in: 0.2...0.6)
            drafts.append(draft)
        }

        // Running at the start, finishing between ~20 s and ~15 min after it.
        for index in 0..<6 {
            var draft = builder.draft(type: types.removeLast(), minimumSize: index == 0 ? 0 : 60)
            let remaining: TimeInterval
            if index == 0 {
                // One small job finishes soon, so a demo shows a completion within the first minute.
                draft.total = builder.rng.int(in: 24...40)
                remaining = builder.rng.double(in: 22...35)
            } else {
                remaining = builder.rng.double(in: 45...900)
            }
            let doneFraction = builder.rng.double(in: 0.05...0.8)
            let duration = remaining / (1 - doneFraction)
            draft.speed = Double(draft.total) / duration
            draft.appearsAt = -(duration * doneFraction + draft.pending)
            if index == 1 {
                draft.overrides = [2: escapeItemName]
            }
            if index == 2 { draft.scheme = .international }
            drafts.append(draft)
        }

        // Long-running jobs (over an hour).
        for _ in 0..<2 {
            var draft = builder.draft(type: types.removeLast())
            draft.total = builder.rng.int(in: 1800...2000)
            draft.speed = builder.rng.double(in: 0.3...0.45)
            draft.appearsAt = -(builder.rng.double(in: 300...1200) + draft.pending)
            drafts.append(draft)
        }

        // Pending at the start; two of them pass through `dispatched`.
        for index in 0..<4 {
            var draft = builder.draft(type: types.removeLast())
            let duration = builder.duration(for: draft.total)
            draft.speed = Double(draft.total) / duration
            draft.appearsAt = -builder.rng.double(in: 3...45)
            let dispatchedIn = builder.rng.double(in: 8...90)
            draft.pending = -draft.appearsAt + dispatchedIn
            if index < 2 {
                draft.dispatched = builder.rng.double(in: 4...10)
            }
            drafts.append(draft)
        }

        // New jobs arriving after the start.
        var arrival = builder.rng.double(in: 30...50)
        for _ in 0..<maximumArrivals {
            var draft = builder.draft(type: builder.rng.pick(jobTypes))
            let duration = builder.duration(for: draft.total)
            draft.speed = Double(draft.total) / duration
            draft.appearsAt = arrival
            if builder.rng.chance(0.3) { draft.dispatched = builder.rng.double(in: 2...8) }
            if builder.rng.chance(0.06), draft.total >= 20 {
                let crashAt = max(1, Int(Double(draft.total) * builder.rng.double(in: 0.2...0.9)))
                draft.crash = JobCrash(atProcessed: crashAt, message: builder.rng.pick(crashMessages))
            }
            drafts.append(draft)
            arrival += builder.rng.double(in: 35...55)
        }

        return drafts.map { builder.plan($0) }
    }

    /// `count` jobs that stay `running` for hours at about one item per second (20,000 items each).
    static func steady(runningJobs count: Int) -> [JobPlan] {
        var builder = Builder(seed: 0x57EA_D1)
        return (0..<max(0, count)).map { index in
            var draft = builder.draft(type: jobTypes[index % jobTypes.count])
            draft.total = 20_000
            draft.speed = 1
            draft.concurrency = 2
            draft.scheme = FileScheme.allCases[index % FileScheme.allCases.count]
            // Staggered so that the jobs show different progress, and all keep running for over five hours.
            draft.appearsAt = -(Double((index * 137) % 1800) + draft.pending)
            return builder.plan(draft, failures: 40, skips: 40)
        }
    }

    /// A job plan in the making.
    struct Draft {
        var id: String
        var type: String
        var directory: Int
        var scheme: FileScheme
        var nameBase: Int
        var nameMonth: Int
        var overrides: [Int: String] = [:]
        var salt: UInt64
        var total: Int
        var appearsAt: TimeInterval = 0
        var pending: TimeInterval
        var dispatched: TimeInterval = 0
        var speed: Double = 1
        var concurrency: Int
        var crash: JobCrash?
        var cancelAt: TimeInterval?
        var vanishesAt: TimeInterval?
    }

    /// Draws the random parts of plans from one seeded generator.
    struct Builder {
        var rng: SplitMix64
        let projectID: String
        let directories: [(id: String, scheme: FileScheme)]

        init(seed: UInt64) {
            var rng = SplitMix64(seed: seed)
            projectID = "proj-" + rng.uuidString()
            directories = FileScheme.allCases.map { ("dir-" + rng.uuidString(), $0) }
            self.rng = rng
        }

        /// A job size: mostly small and medium, some large (12 … 2,000 items).
        mutating func size() -> Int {
            let roll = rng.double(in: 0...1)
            switch roll {
            case ..<0.25: return rng.int(in: 12...40)
            case ..<0.6: return rng.int(in: 41...200)
            case ..<0.88: return rng.int(in: 201...800)
            default: return rng.int(in: 801...2000)
            }
        }

        /// How long a job of `total` items runs: 20 s … 15 min.
        mutating func duration(for total: Int) -> TimeInterval {
            min(900, max(20, Double(total) * rng.double(in: 0.15...1.2)))
        }

        /// A draft with identity, type, directory, size, pending time and concurrency drawn.
        mutating func draft(type: String, minimumSize: Int = 0) -> Draft {
            let directory = rng.int(in: 0...(directories.count - 1))
            return Draft(
                id: "bjb-" + rng.uuidString(), type: type, directory: directory,
                scheme: directories[directory].scheme, nameBase: rng.int(in: 0...40) * 100,
                nameMonth: rng.int(in: 1...12), salt: rng.next(), total: max(minimumSize, size()),
                pending: rng.double(in: 3...45), concurrency: rng.int(in: 1...4))
        }

        /// The finished plan, with a few failed and skipped items drawn (most jobs have some).
        mutating func plan(_ draft: Draft, failures: Int? = nil, skips: Int? = nil) -> JobPlan {
            let total = draft.total
            let failureCount = failures ?? (rng.chance(0.8) ? rng.int(in: 1...max(1, min(6, total / 8))) : 0)
            let skipCount = skips ?? (rng.chance(0.75) ? rng.int(in: 1...max(1, min(10, total / 5))) : 0)
            var used = Set(draft.overrides.keys)
            var failed: [ItemMark] = []
            var skipped: [ItemMark] = []
            for _ in 0..<failureCount {
                guard let index = freeIndex(below: total, used: &used) else { break }
                failed.append(ItemMark(index: index, text: rng.pick(ScenarioPlans.itemErrors)))
            }
            for _ in 0..<skipCount {
                guard let index = freeIndex(below: total, used: &used) else { break }
                skipped.append(ItemMark(index: index, text: rng.pick(ScenarioPlans.skipReasons)))
            }
            // A directory of the job's scheme: the scheme may have been forced after the directory was drawn.
            let directoryID =
                directories[draft.directory].scheme == draft.scheme
                ? directories[draft.directory].id
                : (directories.first { $0.scheme == draft.scheme }?.id ?? directories[draft.directory].id)
            return JobPlan(
                id: draft.id, jobType: draft.type, projectID: projectID, directoryID: directoryID,
                scheme: draft.scheme, nameBase: draft.scheme == .international ? 0 : draft.nameBase,
                nameMonth: draft.nameMonth, nameOverrides: draft.overrides, salt: draft.salt, totalItems: total,
                appearsAt: draft.appearsAt, pendingDuration: draft.pending, dispatchedDuration: draft.dispatched,
                itemsPerSecond: draft.speed, concurrency: draft.concurrency, failedMarks: failed,
                skippedMarks: skipped, crash: draft.crash, cancelAt: draft.cancelAt, vanishesAt: draft.vanishesAt)
        }

        /// A random item index not used yet (a few tries; nil when the job is too crowded).
        private mutating func freeIndex(below total: Int, used: inout Set<Int>) -> Int? {
            guard total > 0 else { return nil }
            for _ in 0..<16 {
                let index = rng.int(in: 0...(total - 1))
                if used.insert(index).inserted { return index }
            }
            return nil
        }
    }
}
