import FoundationEssentials

/// An item of a simulated job with a fixed outcome: a failed item with its error, or a skipped item with its reason.
struct ItemMark: Sendable, Equatable {
    /// Position of the item in the job (items are processed in index order).
    let index: Int
    /// The error message (failed items) or skip reason (skipped items).
    let text: String
}

/// A job-level failure: the worker crashes when `atProcessed` items are done; the items in flight fail with it.
struct JobCrash: Sendable, Equatable {
    /// Number of items processed when the crash happens.
    let atProcessed: Int
    /// The job's `error_message` (also each in-flight item's error).
    let message: String
}

/// How a simulated job's files are named.
enum FileScheme: Int, Sendable, CaseIterable {
    case contracts, invoices, receipts, research, resumes, international

    /// Localised and accented file names: the first items of an `international` job carry exactly these names.
    static let internationalNames = [
        "報告書-2026-Q3.pdf", "café-menu.docx", "Zürich-Übersicht.pptx", "résumé-josé-garcía.pdf",
        "Отчёт-продажи-2026.xlsx", "계약서-초안.pdf", "naïve-bayes-notes.pdf", "façade-inspection-photos.pdf",
    ]

    /// The file name of the item at `index`; `base` shifts the numbering so jobs over one directory differ.
    func fileName(index: Int, base: Int, month: Int) -> String {
        let number = base + index + 1
        switch self {
        case .contracts: return "contracts/2026-\(Self.pad(month, 2))/msa-\(Self.pad(number, 4)).pdf"
        case .invoices: return "invoices/inv-\(Self.pad(number, 5)).pdf"
        case .receipts: return "receipts/2026/rcpt-\(Self.pad(number, 5)).jpg"
        case .research: return "research/papers/paper-\(Self.pad(number, 4)).pdf"
        case .resumes: return "hr/resumes/candidate-\(Self.pad(number, 4)).docx"
        case .international:
            let names = Self.internationalNames
            let name = names[index % names.count]
            let round = index / names.count
            guard round > 0 else { return "shared/international/" + name }
            let (stem, ext) = Self.split(name)
            return "shared/international/\(stem)-\(round + 1)\(ext)"
        }
    }

    /// Zero-pads a non-negative number to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Splits `name.ext` into `("name", ".ext")`; the extension is empty when there is none.
    static func split(_ name: String) -> (String, String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), String(name[dot...]))
    }
}

/// The deterministic plan of one simulated job: everything needed to compute its state at any time.
/// Times are offsets in seconds from the server's start (negative = before the server started).
struct JobPlan: Sendable {
    /// The job's `id`.
    let id: String
    /// `parse`, `extract` or `classify`.
    let jobType: String
    /// The project the job belongs to.
    let projectID: String
    /// The directory the job processes.
    let directoryID: String
    /// How the job's files are named.
    let scheme: FileScheme
    /// Offset of the file numbering.
    let nameBase: Int
    /// Month used in contract file names.
    let nameMonth: Int
    /// Item names that replace the scheme's name at these indices.
    let nameOverrides: [Int: String]
    /// Salt for item and underlying-job identifiers.
    let salt: UInt64
    /// Number of items.
    let totalItems: Int
    /// When the job is created (and becomes visible).
    let appearsAt: TimeInterval
    /// Time spent `pending`.
    let pendingDuration: TimeInterval
    /// Time spent `dispatched` after pending (0 for most jobs).
    let dispatchedDuration: TimeInterval
    /// Processing speed, items per second.
    let itemsPerSecond: Double
    /// How many items are `processing` at once.
    let concurrency: Int
    /// Items that fail, sorted by index (includes the in-flight items of a crash).
    let failedMarks: [ItemMark]
    /// Items that are skipped, sorted by index, disjoint from `failedMarks`.
    let skippedMarks: [ItemMark]
    /// The job-level failure, if the job fails.
    let crash: JobCrash?
    /// When the job is cancelled by script (the demo's pre-cancelled job).
    let cancelAt: TimeInterval?
    /// When the job leaves the project (the listing no longer shows it, its status call answers 404); nil: never.
    let vanishesAt: TimeInterval?
    /// The job's `job_record_id` and `workflow_id`: the API reference's example job carries both, so the mock sends
    /// them for every job (each a string the client decodes and keeps, per job and per poll).
    let jobRecordID: String
    let workflowID: String

    /// Creates a plan; per-item marks beyond a crash point are dropped and the crash's in-flight items added.
    init(
        id: String, jobType: String, projectID: String, directoryID: String, scheme: FileScheme,
        nameBase: Int = 0, nameMonth: Int = 10, nameOverrides: [Int: String] = [:], salt: UInt64,
        totalItems: Int, appearsAt: TimeInterval, pendingDuration: TimeInterval,
        dispatchedDuration: TimeInterval = 0, itemsPerSecond: Double, concurrency: Int,
        failedMarks: [ItemMark] = [], skippedMarks: [ItemMark] = [], crash: JobCrash? = nil,
        cancelAt: TimeInterval? = nil, vanishesAt: TimeInterval? = nil
    ) {
        self.id = id
        let suffix = id.hasPrefix("bjb-") ? String(id.dropFirst(4)) : id
        jobRecordID = "rec-" + suffix
        workflowID = "wf-" + suffix
        self.jobType = jobType
        self.projectID = projectID
        self.directoryID = directoryID
        self.scheme = scheme
        self.nameBase = nameBase
        self.nameMonth = nameMonth
        self.nameOverrides = nameOverrides
        self.salt = salt
        self.totalItems = max(0, totalItems)
        self.appearsAt = appearsAt
        self.pendingDuration = max(0, pendingDuration)
        self.dispatchedDuration = max(0, dispatchedDuration)
        self.itemsPerSecond = itemsPerSecond > 0 && itemsPerSecond.isFinite ? itemsPerSecond : 1
        self.concurrency = max(1, concurrency)
        self.cancelAt = cancelAt
        self.vanishesAt = vanishesAt

        let total = self.totalItems
        let crashPoint = crash.map { min(max(0, $0.atProcessed), total) }
        let limit = crashPoint ?? total
        var failed = failedMarks.filter { $0.index >= 0 && $0.index < limit }
        let failedIndices = Set(failed.map(\.index))
        var skipped = skippedMarks.filter { $0.index >= 0 && $0.index < limit && !failedIndices.contains($0.index) }
        if let crash, let crashPoint, crashPoint < total {
            let inFlight = crashPoint..<min(total, crashPoint + self.concurrency)
            failed += inFlight.map { ItemMark(index: $0, text: crash.message) }
            self.crash = JobCrash(atProcessed: crashPoint, message: crash.message)
        } else {
            // A crash at or after the last item cannot happen: the job simply completes.
            self.crash = nil
        }
        failed = Self.deduplicatedAndSorted(failed)
        skipped = Self.deduplicatedAndSorted(skipped)
        self.failedMarks = failed
        self.skippedMarks = skipped
    }

    /// When processing starts.
    var runStart: TimeInterval { appearsAt + pendingDuration + dispatchedDuration }

    /// When the item at `index` finishes (items complete one after another at `itemsPerSecond`).
    func itemEnd(_ index: Int) -> TimeInterval {
        runStart + Double(index + 1) / itemsPerSecond
    }

    /// When the item at `index` starts: `concurrency` items are in flight at once.
    func itemStart(_ index: Int) -> TimeInterval {
        runStart + Double(max(0, index + 1 - concurrency)) / itemsPerSecond
    }

    /// The failure message of the item at `index`, if it fails.
    func failure(at index: Int) -> String? { Self.mark(in: failedMarks, at: index) }

    /// The skip reason of the item at `index`, if it is skipped.
    func skipReason(at index: Int) -> String? { Self.mark(in: skippedMarks, at: index) }

    /// The file name of the item at `index`; an item failing as an unsupported type gets that type's extension.
    func itemName(at index: Int) -> String {
        if let override = nameOverrides[index] { return override }
        let name = scheme.fileName(index: index, base: nameBase, month: nameMonth)
        if let failure = failure(at: index), failure.hasPrefix("Unsupported file type: ") {
            let ext = String(failure.dropFirst("Unsupported file type: ".count))
            return FileScheme.split(name).0 + ext
        }
        return name
    }

    /// Number of marks with an index below `bound` (binary search).
    static func count(_ marks: [ItemMark], below bound: Int) -> Int {
        var low = 0
        var high = marks.count
        while low < high {
            let middle = (low + high) / 2
            if marks[middle].index < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func mark(in marks: [ItemMark], at index: Int) -> String? {
        let position = count(marks, below: index)
        guard position < marks.count, marks[position].index == index else { return nil }
        return marks[position].text
    }

    private static func deduplicatedAndSorted(_ marks: [ItemMark]) -> [ItemMark] {
        var seen = Set<Int>()
        return marks.sorted { $0.index < $1.index }.filter { seen.insert($0.index).inserted }
    }
}

extension JobPlan {
    /// True when the job is listed at `time`: it appeared and has not left the listing (as `JobSnapshot` decides).
    func exists(at time: TimeInterval) -> Bool {
        time >= appearsAt && (vanishesAt.map { time < $0 } ?? true)
    }
}
