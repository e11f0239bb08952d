import FoundationEssentials
import LlamaCloud

/// A batch job as the dashboard understands it, independent of the API version that delivered it.
public struct Job: Sendable, Equatable, Identifiable {
    /// Unique identifier (built from `jobID`: compare and hash `jobID` where many jobs are read).
    public var id: String {
        get { identity.id.description }
        set { changeIdentity { $0.id = JobID(newValue) } }
    }
    /// The ID, as kept (no `String` is built to read it).
    public var jobID: JobID { identity.id }
    /// Kind of processing.
    public var type: JobType {
        get { identity.context.type }
        set { changeIdentity { $0.type = newValue } }
    }
    /// Owning project.
    public var projectID: String {
        get { identity.context.projectID }
        set { changeIdentity { $0.projectID = newValue } }
    }
    /// Lifecycle state.
    public var status: JobStatus {
        // Inlinable, like `TrackedJob.job`: the dashboard reads the status of every job per snapshot (sort, filter,
        // header counts), and through an opaque getter `reduce/100k` took ~15 % longer than with the stored status.
        @inlinable get { JobStatus(code: statusCode) ?? otherStatus() }
        set {
            let code = newValue.code
            if code == JobStatus.otherCode, case .other(let word) = newValue {
                changeExtras { $0.otherStatus = word }
            } else if statusCode == JobStatus.otherCode {
                changeExtras { $0.otherStatus = nil }
            }
            statusCode = code
        }
    }
    /// Items in the job.
    public var totalItems: Int
    /// Items done so far (including failed and skipped ones), when the server said.
    public var processedItems: Int? {
        get { present.value(processedValue, Field.processed) }
        set { processedValue = present.store(newValue, Field.processed, absent: 0) }
    }
    /// Items that failed.
    public var failedItems: Int? {
        get { present.value(failedValue, Field.failed) }
        set { failedValue = present.store(newValue, Field.failed, absent: 0) }
    }
    /// Items skipped.
    public var skippedItems: Int? {
        get { present.value(skippedValue, Field.skipped) }
        set { skippedValue = present.store(newValue, Field.skipped, absent: 0) }
    }
    /// Percentage done as the server sent it (derived from the counts when it sent none); may lie outside 0…100 or
    /// be NaN: draw it through `JobFigures`, which clamps and flags it.
    public var progressPercent: Double
    /// Creation time.
    public var createdAt: Date? {
        get { identity.createdAt }
        set { changeIdentity { $0.createdAt = newValue } }
    }
    /// Start of processing.
    public var startedAt: Date? {
        get { present.date(startedSeconds, Field.started) }
        set { startedSeconds = present.store(newValue, Field.started) }
    }
    /// Last update.
    public var updatedAt: Date? {
        get { present.date(updatedSeconds, Field.updated) }
        set { updatedSeconds = present.store(newValue, Field.updated) }
    }
    /// End of processing.
    public var completedAt: Date? {
        get { present.date(completedSeconds, Field.completed) }
        set { completedSeconds = present.store(newValue, Field.completed) }
    }
    /// The server's `effective_at`.
    public var effectiveAt: Date? {
        get { present.date(effectiveSeconds, Field.effective) }
        set { effectiveSeconds = present.store(newValue, Field.effective) }
    }
    /// Directory being processed.
    public var directoryID: String? {
        get { identity.context.directoryID }
        set { changeIdentity { $0.directoryID = newValue } }
    }
    /// Error of the latest attempt.
    public var errorMessage: String? {
        get { extras?.fields.errorMessage }
        set { changeExtras { $0.errorMessage = newValue } }
    }
    /// Associated job record.
    public var jobRecordID: String? {
        get { extras?.fields.jobRecordID }
        set { changeExtras { $0.jobRecordID = newValue } }
    }
    /// Async tracking ID.
    public var workflowID: String? {
        get { extras?.fields.workflowID }
        set { changeExtras { $0.workflowID = newValue } }
    }
    /// The API the job came from.
    public var api: JobAPI {
        get { identity.context.api }
        set { changeIdentity { $0.api = newValue } }
    }
    /// A v2 batch's configuration and derived file counts; nil for beta jobs.
    public var batch: BatchFacts? {
        get { extras?.fields.batch }
        set { changeExtras { $0.batch = newValue } }
    }
    /// The fields that stay the same from one poll to the next (ID, type, project, directory, API, creation time)
    /// behind one reference, shared by every version of the job: a version made because the counts moved copies one
    /// reference for them instead of four strings (see `JobIdentity`).
    private var identity: JobIdentity
    /// Where a `Job` keeps its identity's reference (`JobList.prefetchIdentity(at:)` reads it as bits).
    static let identityOffset = MemoryLayout<Job>.offset(of: \Job.identity)
    /// The fields most jobs leave empty (error, record and workflow IDs, a v2 batch's facts) behind one reference:
    /// nil when all are, so that a job carries one word for them instead of four fields inline.
    private var extras: JobExtras?

    // The optional counts and times unwrapped, which are present one bit each (see `PresenceBits`).
    private var processedValue = 0
    private var failedValue = 0
    private var skippedValue = 0
    private var startedSeconds: TimeInterval = 0
    private var updatedSeconds: TimeInterval = 0
    private var completedSeconds: TimeInterval = 0
    private var effectiveSeconds: TimeInterval = 0
    /// `status` in one byte (`JobStatus.code`); the word of an `other` status is in `extras`. Declared last but one,
    /// beside `present`: `Job` is then 88 bytes of 8-byte fields and these two (90 in all; 105 with the status
    /// inline), and `TrackedJobStorage.Fields` puts its own one-byte fields right after them.
    @usableFromInline var statusCode: UInt8 = 0
    private var present = PresenceBits()

    /// The bit of each optional count and time in `present`.
    private enum Field {
        static let processed = 0
        static let failed = 1
        static let skipped = 2
        static let started = 3
        static let updated = 4
        static let completed = 5
        static let effective = 6
    }

    /// Changes the fields that rarely change (a new `JobIdentity`: others may share the current one).
    private mutating func changeIdentity(_ change: (inout JobIdentity.Fields) -> Void) {
        var fields = identity.fields
        change(&fields)
        identity = JobIdentity(fields)
    }

    /// Shares `other`'s identity (ID, type, project, directory, API, creation time) when it holds the same values, so
    /// that consecutive versions of one job hold those fields once; true when it did.
    /// Inlined, with the comparison of values out of line: `Poller.store` calls it for every job it stores, nearly
    /// always with the very identity, and a call that was not inlined copied the whole other `Job` to pass it
    /// (+5 % instructions in `absorb` at 10,000 changed jobs).
    @inline(__always) @discardableResult
    mutating func shareIdentity(with other: Job) -> Bool {
        identity === other.identity || adoptIdentity(ifEqual: other.identity)
    }

    /// Shares `other`'s extras (error, record and workflow IDs, a v2 batch's facts, an unknown status word) when they
    /// hold the same values: a server that sends `job_record_id` and `workflow_id` for every job would otherwise
    /// leave each version of a running job with extras and two ID strings of its own (~370 bytes), held twice while
    /// a cycle in which every job changed is published.
    @inline(__always)
    mutating func shareExtras(with other: Job) {
        if extras !== other.extras { adoptExtras(ifEqual: other.extras) }
    }

    /// Takes `other` when it holds the same values as this job's extras.
    private mutating func adoptExtras(ifEqual other: JobExtras?) {
        guard let other, let extras, extras == other else { return }
        self.extras = other
    }

    /// True when both share one extras object, or neither has any (see `shareExtras(with:)`).
    func sharesExtras(with other: Job) -> Bool { extras === other.extras }

    /// True when the table filter reads the same of both beyond their status and identity: a v2 batch's configuration
    /// type and whether a cancel was accepted (extras shared, or those two equal; no batch on either side counts as
    /// equal).
    func hasSameFilterFacts(as other: Job) -> Bool {
        if extras === other.extras { return true }
        let mine = extras?.fields.batch
        let theirs = other.extras?.fields.batch
        return mine?.cancelRequested == theirs?.cancelRequested && mine?.configurationType == theirs?.configurationType
    }

    /// `hasSameStatus(as:)`, `sharesIdentity(with:)` and `hasSameFilterFacts(as:)` together, for two jobs where they
    /// are stored, each field read in place (`TrackedJob.hasSameRowKeys(as:)`, for every job stored). Called on the
    /// jobs themselves, each was copied out of its storage first and destroyed after (two `Job` copies, ~330 of the
    /// ~380 instructions a call: callgrind, `poll 10000 4`).
    static func haveSameRowKeys(_ lhs: UnsafePointer<Job>, _ rhs: UnsafePointer<Job>) -> Bool {
        let code = lhs.pointee.statusCode
        guard code == rhs.pointee.statusCode, lhs.pointee.identity === rhs.pointee.identity else { return false }
        if code == JobStatus.otherCode || lhs.pointee.extras !== rhs.pointee.extras {
            return haveSameRareRowKeys(lhs, rhs)
        }
        return true
    }

    /// The rest of `haveSameRowKeys` when either job has an unknown status word or their extras differ (rare).
    @inline(never)
    private static func haveSameRareRowKeys(_ lhs: UnsafePointer<Job>, _ rhs: UnsafePointer<Job>) -> Bool {
        lhs.pointee.hasSameStatus(as: rhs.pointee) && lhs.pointee.hasSameFilterFacts(as: rhs.pointee)
    }

    /// Takes `other` when it holds the same values as this job's identity; true when it did.
    private mutating func adoptIdentity(ifEqual other: JobIdentity) -> Bool {
        guard identity == other else { return false }
        identity = other
        return true
    }

    /// Replaces the ID with an equal one the caller already holds (`knownID`, when given: a text ID then shares its
    /// string) and the type, project, directory and API with an equal `JobContext` the caller keeps for many jobs
    /// (`intern`), in one new identity.
    mutating func adoptShared(knownID: JobID?, intern: (JobContext) -> JobContext) {
        identity = JobIdentity(
            id: knownID ?? identity.id, createdAt: identity.createdAt, context: intern(identity.context))
    }

    /// The status whose word is kept in `extras` (`statusCode` is `JobStatus.otherCode`).
    @usableFromInline func otherStatus() -> JobStatus { .other(extras?.fields.otherStatus ?? "") }

    /// True when the status is completed, failed or cancelled, read from its one-byte code: through `status`, each
    /// read built a `JobStatus` and destroyed it (a word inside for `other`), ~100 instructions for every job a poll
    /// stores (callgrind, `poll 10000 4`).
    var hasTerminalStatus: Bool { JobStatus.isTerminal(code: statusCode) }

    /// The status when it is one of the known ones (nil for `other`), from its one-byte code: nothing to destroy.
    var knownStatus: JobStatus? { JobStatus(code: statusCode) }

    /// True when both have the same status, compared by its one-byte code (the word only for `other` statuses):
    /// `JobTable` asks for every write, and building two `JobStatus` values to compare took ~500 instructions.
    func hasSameStatus(as other: Job) -> Bool {
        statusCode == other.statusCode && (statusCode != JobStatus.otherCode || status == other.status)
    }

    /// True when both share one identity object (see `shareIdentity(with:)`).
    func sharesIdentity(with other: Job) -> Bool { identity === other.identity }

    /// True when both hold one context object (type, project, directory, API: see `JobContextInterner`).
    func sharesContext(with other: Job) -> Bool { identity.context === other.identity.context }

    /// The identity object, to measure its allocation (`StorageLayoutTests`).
    var identityObject: AnyObject { identity }

    /// Where a `Job` keeps its identity's and its extras' references (nil if ever not one word each): read as bits by
    /// `VersionRecycler` to ask for the objects a reused version releases, without retaining them.
    static var referenceOffsets: (identity: Int?, extras: Int?) {
        (
            MemoryLayout<JobIdentity>.size == MemoryLayout<UInt>.size ? MemoryLayout<Job>.offset(of: \.identity) : nil,
            MemoryLayout<JobExtras?>.size == MemoryLayout<UInt>.size ? MemoryLayout<Job>.offset(of: \.extras) : nil
        )
    }

    /// Changes the usually empty fields (a new `JobExtras`, or none when all are empty).
    private mutating func changeExtras(_ change: (inout JobExtras.Fields) -> Void) {
        var fields = extras?.fields ?? JobExtras.Fields()
        change(&fields)
        extras = JobExtras.holding(fields)
    }

    /// True when the progress is known: always for beta jobs; for a v2 batch once its results and files were counted.
    public var isProgressKnown: Bool { batch.map { $0.progressPercent != nil } ?? true }

    /// Creates a job value.
    public init(
        id: String, type: JobType, projectID: String = "", status: JobStatus, totalItems: Int,
        processedItems: Int? = nil, failedItems: Int? = nil, skippedItems: Int? = nil, progressPercent: Double? = nil,
        createdAt: Date? = nil, startedAt: Date? = nil, updatedAt: Date? = nil, completedAt: Date? = nil,
        effectiveAt: Date? = nil, directoryID: String? = nil, errorMessage: String? = nil, jobRecordID: String? = nil,
        workflowID: String? = nil
    ) {
        self.init(
            identity: JobIdentity(
                JobIdentity.Fields(
                    id: JobID(id), type: type, projectID: projectID, directoryID: directoryID, api: .v1,
                    createdAt: createdAt)),
            status: status, totalItems: totalItems, processedItems: processedItems, failedItems: failedItems,
            skippedItems: skippedItems, progressPercent: progressPercent, startedAt: startedAt, updatedAt: updatedAt,
            completedAt: completedAt, effectiveAt: effectiveAt, errorMessage: errorMessage, jobRecordID: jobRecordID,
            workflowID: workflowID)
    }

    /// Creates a job value with the given identity.
    private init(
        identity: JobIdentity, status: JobStatus, totalItems: Int, processedItems: Int?, failedItems: Int?,
        skippedItems: Int?, progressPercent: Double?, startedAt: Date?, updatedAt: Date?, completedAt: Date?,
        effectiveAt: Date?, errorMessage: String?, jobRecordID: String?, workflowID: String?,
        knownExtras: JobExtras? = nil
    ) {
        self.identity = identity
        statusCode = status.code
        self.totalItems = totalItems
        // A derived percentage is ours, not the server's: clamped here; a sent one is kept as sent.
        self.progressPercent =
            progressPercent ?? (totalItems > 0 ? min(100, max(0, Double(processedItems ?? 0) / Double(totalItems) * 100)) : 0)
        // Decided before building the fields: building, checking and dropping them (with their optional
        // `BatchFacts`) took ~500 instructions per decoded job.
        var otherStatus: String?
        if case .other(let word) = status { otherStatus = word }
        let empty = errorMessage == nil && jobRecordID == nil && workflowID == nil && otherStatus == nil
        extras =
            empty
            ? nil
            : knownExtras?.holds(
                errorMessage: errorMessage, jobRecordID: jobRecordID, workflowID: workflowID, otherStatus: otherStatus)
                == true
            ? knownExtras
            : JobExtras.holding(
                JobExtras.Fields(
                    errorMessage: errorMessage, jobRecordID: jobRecordID, workflowID: workflowID,
                    otherStatus: otherStatus))
        self.processedItems = processedItems
        self.failedItems = failedItems
        self.skippedItems = skippedItems
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
        self.effectiveAt = effectiveAt
    }

    /// Converts a beta batch-processing job; without a server percentage, progress is derived from the counts.
    public init(wire: borrowing BatchJob, progressPercentage: Double? = nil) {
        let recordIDs = JobRecordIDs(jobRecordID: wire.jobRecordID, workflowID: wire.workflowID)
        self = withUnsafePointer(to: wire) { wire in
            Job.fromWire(wire, progressPercentage: progressPercentage, known: nil, recordIDs: recordIDs)
        }
    }

    /// A job from a list page, sharing `known`'s identity and extras where they hold the same values (see below).
    /// The record and workflow IDs are not taken from the page: the known job's are kept (nil for a job never
    /// fetched by its status call). Only the detail view shows them, and it fetches them (see `JobRecordIDs`).
    init(wire: borrowing BatchJob, known: Job?) {
        self.init(wire: wire, sharing: known?.sharedParts)
    }

    /// `init(wire:known:)` from what it takes of the known job: the poller passes these two references, read where the
    /// job is stored, instead of a copy of the whole known `Job` (two copies a listed job, ~270 instructions).
    init(wire: borrowing BatchJob, sharing known: SharedParts?) {
        self = withUnsafePointer(to: wire) { wire in Job.listed(wire, sharing: known) }
    }

    /// `init(wire:sharing:)` for a job where a list page holds it (the poller's path, once per listed job that
    /// changed). Each field is read where it is: a `BatchJob` passed borrowed out of the page's storage was copied
    /// whole first (its strings and IDs retained, then released), ~400 instructions a job (callgrind, `poll 10000 4`).
    /// A function, not an initialiser: through initialisers each delegating to the next, it took ~30 reference-count
    /// changes more for every listed job that changed (`swift_release` 4.81M → 4.54M instructions a cycle).
    static func listed(_ wire: UnsafePointer<BatchJob>, sharing known: SharedParts?) -> Job {
        fromWire(
            wire, progressPercentage: nil, known: known,
            recordIDs: JobRecordIDs(
                jobRecordID: known?.extras?.fields.jobRecordID, workflowID: known?.extras?.fields.workflowID))
    }

    /// What a new version of a job from a list page may share with the known one (see `init(wire:sharing:)`).
    struct SharedParts {
        let identity: JobIdentity
        let extras: JobExtras?
        /// The known job's status code (`JobStatus.code`): a page's status word that spells it is not parsed again.
        var statusCode = JobStatus.otherCode
    }

    /// The parts a new version from a list page may share with this job.
    var sharedParts: SharedParts { SharedParts(identity: identity, extras: extras, statusCode: statusCode) }

    /// True when `Job(wire: wire, known: self)` would equal this job, decided without building it: a full scan lists
    /// every finished job again, nearly always unchanged, and building each one to compare it took ~1,200
    /// instructions (callgrind). The ID is not compared: the caller found this job under the wire's ID; nor are the
    /// record and workflow IDs, which a listed job does not take from the page.
    func holdsSameData(as wire: borrowing BatchJob) -> Bool {
        withUnsafePointer(to: wire) { holdsSameData(as: $0) }
    }

    /// `holdsSameData(as:)` for a job where a list page holds it, each field read where it is (see
    /// `init(wire:sharing:)` with a pointer).
    func holdsSameData(as wire: UnsafePointer<BatchJob>) -> Bool {
        let total = wire.pointee.totalItems
        let processed = wire.pointee.processedItems
        guard api == .v1, extras?.fields.hasBatch != true, total == totalItems, processed == processedItems,
            wire.pointee.failedItems == failedItems, wire.pointee.skippedItems == skippedItems,
            wire.pointee.updatedAt == updatedAt, wire.pointee.completedAt == completedAt,
            wire.pointee.startedAt == startedAt, wire.pointee.effectiveAt == effectiveAt,
            wire.pointee.createdAt == createdAt,
            JobStatusResponse.derivedPercentage(totalItems: total, processedItems: processed) == progressPercent,
            Self.sameStatus(wire.pointee.status, status), Self.sameType(wire.pointee.jobType, type),
            wire.pointee.projectID == projectID, wire.pointee.directoryID == directoryID,
            wire.pointee.errorMessage == errorMessage
        else { return false }
        return true
    }

    /// True when the server's status word names `status`: a known status is first compared with its own word (two
    /// short strings compared as they are stored, where parsing the word took ~180 instructions a job in a full
    /// scan), and only a word that differs is parsed.
    private static func sameStatus(_ word: String, _ status: JobStatus) -> Bool {
        spells(word, status) || JobStatus(raw: word) == status
    }

    /// True when `word` is a known status's own word, as the server sends it (compared as stored, not parsed).
    @inline(__always)
    private static func spells(_ word: String, _ status: JobStatus) -> Bool {
        status.code != JobStatus.otherCode && word == status.description
    }

    /// True when `word` is a known type's own word, as the server sends it (compared as stored, not parsed).
    @inline(__always)
    private static func spells(_ word: String, _ type: JobType) -> Bool {
        switch type {
        case .parse, .extract, .classify: return word == type.description
        case .other: return false
        }
    }

    /// `sameStatus` for a job type.
    private static func sameType(_ word: String, _ type: JobType) -> Bool {
        spells(word, type) || JobType(raw: word) == type
    }

    /// A job from the wire with the given record IDs, sharing `known`'s identity when the wire's ID, type, project,
    /// directory and creation time equal it: a poll of an unchanged job allocates no identity only to drop it.
    /// `known` is the job the caller found under the wire's ID, so its ID string is taken (and compared with itself,
    /// without reading the bytes: at 100,000 jobs the second comparison of each ID was a cache miss).
    /// Inlined into its two callers: called, it cost ~40 instructions a job more (48.3M → 46.0M, the same run with
    /// `--toggle-collect` on `listed`).
    @inline(__always)
    private static func fromWire(
        _ wire: UnsafePointer<BatchJob>, progressPercentage: Double?, known: SharedParts?, recordIDs: JobRecordIDs
    ) -> Job {
        // The known job's type and status when the page spells them as they are spelled (two short strings compared
        // as stored), else parsed: parsing both words was ~130 instructions a listed job, of which this takes ~45 off
        // (callgrind, `poll 10000 4`, `--toggle-collect` on this function: 50.9M → 48.3M over 60,000 calls).
        let type: JobType
        if let knownType = known?.identity.context.type, Self.spells(wire.pointee.jobType, knownType) {
            type = knownType
        } else {
            type = JobType(raw: wire.pointee.jobType)
        }
        let status: JobStatus
        if let code = known?.statusCode, let knownStatus = JobStatus(code: code),
            Self.spells(wire.pointee.status, knownStatus)
        {
            status = knownStatus
        } else {
            status = JobStatus(raw: wire.pointee.status)
        }
        // Compared field by field before building anything: building the fields to compare them copied (retained
        // and released) their strings, ~300 instructions per listed job.
        let identity: JobIdentity
        if let knownIdentity = known?.identity, knownIdentity.createdAt == wire.pointee.createdAt,
            knownIdentity.context.holds(
                type: type, api: .v1, projectID: wire.pointee.projectID, directoryID: wire.pointee.directoryID)
        {
            identity = knownIdentity
        } else {
            identity = JobIdentity(
                JobIdentity.Fields(
                    id: known?.identity.id ?? wire.pointee.jobID, type: type, projectID: wire.pointee.projectID,
                    directoryID: wire.pointee.directoryID, api: .v1, createdAt: wire.pointee.createdAt))
        }
        let total = wire.pointee.totalItems
        let processed = wire.pointee.processedItems
        return Job(
            identity: identity, status: status, totalItems: total,
            processedItems: processed, failedItems: wire.pointee.failedItems, skippedItems: wire.pointee.skippedItems,
            progressPercent: progressPercentage
                ?? JobStatusResponse.derivedPercentage(totalItems: total, processedItems: processed),
            startedAt: wire.pointee.startedAt, updatedAt: wire.pointee.updatedAt, completedAt: wire.pointee.completedAt,
            effectiveAt: wire.pointee.effectiveAt, errorMessage: wire.pointee.errorMessage,
            jobRecordID: recordIDs.jobRecordID, workflowID: recordIDs.workflowID, knownExtras: known?.extras)
    }
}

/// The fields of a `Job` that stay the same while it runs, held by reference (immutable: a change stores a new one).
///
/// At 100,000 running jobs every poll makes a new version of every job; with these four strings inline each copy of
/// a `Job` retained and released each of them (a `Job` is copied about a dozen times per job in a cycle). The type,
/// project, directory and API are one `JobContext` further, which the poller keeps one of for all the jobs that
/// share it. The ID is a `JobID` inline, 20 bytes for the API's `bjb-`+UUID form instead of a `String` and its own
/// 96-byte allocation, and the creation time its raw seconds (`Date?` took one byte more, which with the ID's made the
/// object 57 bytes, an 80-byte allocation): an identity is a 64-byte allocation, one per job, and nothing else
/// (`StorageLayoutTests`).
final class JobIdentity: Sendable, Equatable, CustomDebugStringConvertible {
    /// The fields as one value (to build an identity from, or to change one field of).
    struct Fields: Sendable, Equatable {
        var id: JobID
        var type: JobType
        var projectID: String
        var directoryID: String?
        var api: JobAPI
        var createdAt: Date?
    }

    /// The job's ID.
    let id: JobID
    /// The type, project, directory and API, shared with other jobs.
    let context: JobContext
    /// The creation time's seconds since the reference date; `absentCreation`'s bits when there is none.
    private let createdSeconds: Double

    /// A NaN with a payload of its own, which no stored time has (a NaN time is stored as the plain NaN).
    private static let absentCreation = Double(nan: 0x5C_A1AB, signaling: false)

    /// An identity holding `fields` (with a context of its own).
    convenience init(_ fields: Fields) {
        self.init(
            id: fields.id, createdAt: fields.createdAt,
            context: JobContext(
                type: fields.type, projectID: fields.projectID, directoryID: fields.directoryID, api: fields.api))
    }

    /// An identity with the given ID and creation time in `context`.
    init(id: JobID, createdAt: Date?, context: JobContext) {
        self.id = id
        if let seconds = createdAt?.timeIntervalSinceReferenceDate {
            createdSeconds = seconds.isNaN ? .nan : seconds
        } else {
            createdSeconds = Self.absentCreation
        }
        self.context = context
    }

    /// The creation time.
    var createdAt: Date? {
        createdSeconds.bitPattern == Self.absentCreation.bitPattern
            ? nil : Date(timeIntervalSinceReferenceDate: createdSeconds)
    }

    /// The fields as one value.
    var fields: Fields {
        Fields(
            id: id, type: context.type, projectID: context.projectID, directoryID: context.directoryID,
            api: context.api, createdAt: createdAt)
    }

    static func == (lhs: JobIdentity, rhs: JobIdentity) -> Bool {
        lhs === rhs || (lhs.id == rhs.id && lhs.createdAt == rhs.createdAt && lhs.context == rhs.context)
    }

    /// The fields, so that a `Job` printed by a failed test expectation shows them rather than the class name.
    var debugDescription: String { String(reflecting: fields) }
}

/// The fields of a `Job` that are usually empty, held by reference (immutable: a change stores a new one).
final class JobExtras: Sendable, Equatable {
    /// The fields themselves.
    struct Fields: Sendable, Equatable {
        var errorMessage: String?
        var jobRecordID: String?
        var workflowID: String?
        /// The word of an `other` status (see `Job.status`).
        var otherStatus: String?
        /// A v2 batch's facts, one reference further (`BatchFactsBox`): inline they took ~100 bytes in the extras of
        /// every beta job that has any (a server that sends record and workflow IDs gives every job extras), and a
        /// beta job never has them. Extras are a 96-byte allocation this way; they were 192.
        var batch: BatchFacts? {
            get { batchBox?.facts }
            set { batchBox = newValue.map(BatchFactsBox.init) }
        }
        private var batchBox: BatchFactsBox?

        init(errorMessage: String? = nil, jobRecordID: String? = nil, workflowID: String? = nil, otherStatus: String? = nil) {
            self.errorMessage = errorMessage
            self.jobRecordID = jobRecordID
            self.workflowID = workflowID
            self.otherStatus = otherStatus
        }

        var isEmpty: Bool {
            errorMessage == nil && jobRecordID == nil && workflowID == nil && batchBox == nil && otherStatus == nil
        }

        /// True when a batch is present (read without copying its facts out).
        var hasBatch: Bool { batchBox != nil }

        static func == (lhs: Fields, rhs: Fields) -> Bool {
            lhs.errorMessage == rhs.errorMessage && lhs.jobRecordID == rhs.jobRecordID
                && lhs.workflowID == rhs.workflowID && lhs.otherStatus == rhs.otherStatus
                && (lhs.batchBox === rhs.batchBox || lhs.batch == rhs.batch)
        }
    }

    let fields: Fields

    private init(_ fields: Fields) {
        self.fields = fields
    }

    /// Extras holding `fields`; nil when every one is empty (checked before allocating: a failable class
    /// initializer would allocate first and free on failure, once for every job decoded).
    static func holding(_ fields: Fields) -> JobExtras? {
        fields.isEmpty ? nil : JobExtras(fields)
    }

    static func == (lhs: JobExtras, rhs: JobExtras) -> Bool { lhs === rhs || lhs.fields == rhs.fields }

    /// True when these extras hold exactly the given beta-job fields (and no batch facts), compared in place.
    func holds(errorMessage: String?, jobRecordID: String?, workflowID: String?, otherStatus: String?) -> Bool {
        !fields.hasBatch && fields.errorMessage == errorMessage && fields.jobRecordID == jobRecordID
            && fields.workflowID == workflowID && fields.otherStatus == otherStatus
    }
}

/// A v2 batch's facts behind a reference, so that `JobExtras` keeps one word for them (immutable: a change stores a
/// new box).
final class BatchFactsBox: Sendable {
    let facts: BatchFacts

    init(_ facts: BatchFacts) {
        self.facts = facts
    }
}
