import JobMonitor

/// Which of a job's files the detail screen lists.
public enum ItemFilter: Sendable, Hashable {
    /// Every file, failed ones first.
    case failedFirst
    /// Only files with this status.
    case only(String)

    /// The `f` cycle of a beta job's files: failed first, then each status alone.
    public var next: ItemFilter { next(for: .v1) }

    /// The `f` cycle for a job of `api`: the file statuses that API reports, each alone, after "all, failed first".
    public func next(for api: JobAPI) -> ItemFilter {
        let cycle = Self.cycle(for: api)
        let index = cycle.firstIndex(of: self) ?? 0
        return cycle[(index + 1) % cycle.count]
    }

    /// Every filter of the `f` cycle for a job of `api`. A v2 batch's files carry their job's status (`running`,
    /// `throttled`, …; `failed` also for a mapping error) or `waiting` when the batch has not reached them yet.
    public static func cycle(for api: JobAPI) -> [ItemFilter] {
        switch api {
        case .v1:
            return [
                .failedFirst, .only("failed"), .only("skipped"), .only("processing"), .only("pending"),
                .only("completed"), .only("cancelled"),
            ]
        case .v2:
            return [
                .failedFirst, .only("failed"), .only("completed"), .only("cancelled"), .only("running"),
                .only("pending"), .only("throttled"), .only("waiting"),
            ]
        }
    }

    /// How the filter is named on screen.
    public var label: String {
        switch self {
        case .failedFirst: return "all, failed first"
        case .only(let status): return "only \(status)"
        }
    }
}

/// One request for a page of files, tagged with the detail view's generation so stale answers are dropped.
public struct ItemRequest: Sendable, Hashable {
    /// The job.
    public var jobID: String
    /// Status filter sent to the server (nil: all).
    public var status: String?
    /// Offset of the page.
    public var offset: Int
    /// Page size.
    public var limit: Int
    /// Incremented whenever the detail view's filter or job changes.
    public var generation: Int
}

/// The job detail screen's state: which job, which files are loaded, where the cursor is.
public struct DetailState: Sendable, Equatable {
    /// The job shown.
    public var jobID: String
    /// Which files are listed.
    public var filter: ItemFilter
    /// Files loaded so far, in display order.
    public var items: [FileItem]
    /// For `failedFirst`: true once every failed file is loaded and the rest are being listed.
    public var pastFailed: Bool
    /// Offset of the next page in the current listing.
    public var nextOffset: Int
    /// Total of the current listing as the server reported it (nil until the first page).
    public var listingTotal: Int?
    /// Files the server reported across all listings shown (for "12 of 40").
    public var failedTotal: Int
    /// The request in flight, if any.
    public var pending: ItemRequest?
    /// The last load error.
    public var loadError: String?
    /// Selected file index.
    public var selected: Int
    /// First visible file.
    public var scrollOffset: Int
    /// Bumped on every reset, to ignore answers to older requests.
    public var generation: Int

    /// The job's record and workflow IDs from its status call (asked for when the view opens; the listed job does
    /// not carry them: see `JobRecordIDs`); nil until that answer, or when it failed.
    public var recordIDs: JobRecordIDs?

    /// The job as the last snapshot that still held it showed it: the view keeps showing it after the job was
    /// pruned from the listing (a job that left the project is dropped five minutes later).
    public var lastSeen: TrackedJob?

    /// Page size of file listings.
    public static let pageSize = 50
    /// Most files one detail view keeps (a job may claim any number): paging stops there, and the title says so.
    public static let maximumLoadedFiles = 20_000

    /// A fresh detail view of a job.
    public init(jobID: String, filter: ItemFilter = .failedFirst, generation: Int = 0) {
        self.jobID = jobID
        self.filter = filter
        self.items = []
        self.pastFailed = false
        self.nextOffset = 0
        self.listingTotal = nil
        self.failedTotal = 0
        self.pending = nil
        self.loadError = nil
        self.selected = 0
        self.scrollOffset = 0
        self.generation = generation
    }

    /// True when every file of the current filter is loaded.
    public var isComplete: Bool {
        guard let listingTotal else { return false }
        switch filter {
        case .failedFirst: return pastFailed && nextOffset >= listingTotal
        case .only: return nextOffset >= listingTotal
        }
    }

    /// True when `maximumLoadedFiles` are loaded and more are not fetched.
    public var isAtLimit: Bool { items.count >= Self.maximumLoadedFiles }

    /// The next page to fetch, or nil when everything is loaded or a request is already in flight.
    public var nextRequest: ItemRequest? {
        guard pending == nil, !isComplete, !isAtLimit else { return nil }
        let status: String?
        switch filter {
        case .failedFirst: status = pastFailed ? nil : "failed"
        case .only(let value): status = value
        }
        return ItemRequest(jobID: jobID, status: status, offset: nextOffset, limit: Self.pageSize, generation: generation)
    }

    /// Applies a loaded page (failed-first listings skip failed files in their second pass).
    public mutating func apply(_ page: FileItemPage, for request: ItemRequest) {
        pending = nil
        loadError = nil
        listingTotal = page.totalSize
        nextOffset = request.offset + page.items.count
        if case .failedFirst = filter, !pastFailed {
            failedTotal = page.totalSize
            items += page.items
            if nextOffset >= page.totalSize || page.items.isEmpty {
                pastFailed = true
                nextOffset = 0
                listingTotal = nil
            }
        } else if case .failedFirst = filter {
            items += page.items.filter { $0.status != "failed" }
            if page.items.isEmpty { listingTotal = nextOffset }
        } else {
            items += page.items
            if page.items.isEmpty { listingTotal = nextOffset }
        }
    }
}
