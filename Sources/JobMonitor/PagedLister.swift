import FoundationEssentials
import LlamaCloud

/// What listing one query produced: how many jobs arrived (the jobs themselves were handed over as their pages
/// arrived, the receiver dropping any it already had), and whether that is the whole listing.
struct Listing: Sendable {
    /// The jobs of every page that arrived, duplicates included.
    var count = 0
    /// The first error of the query's pages; the pages after it were not used.
    var failure: BatchAPIError?
    /// True when paging stopped at the page ceiling before the listing's end.
    var isTruncated = false

    /// True when every page arrived: a job the listing does not contain is not in it.
    var isComplete: Bool { failure == nil && !isTruncated }
}

/// Lists every page of several queries with bounded concurrency: the first pages of all queries together, then the
/// next pages in waves of `waveFactor` times the concurrency limit, spread over the queries.
///
/// A server's `total_size` is a hint, never a plan: a query stops at its first short or empty page, when its offset
/// reaches the newest `total_size`, or at `maximumPages` pages (then the listing is marked truncated). A `total_size`
/// that lies costs at most one wave of empty pages, and memory never depends on it.
struct PagedLister: Sendable {
    /// Most pages listed for one query in one cycle: 500,000 jobs at 100 a page.
    static let maximumPages = 5_000
    /// Pages per wave, in multiples of the concurrency limit: bigger waves wait less on a slow page, smaller ones
    /// waste fewer requests past the end of a listing whose `total_size` lies.
    static let waveFactor = 4
    /// The outcome of a call never made because the poll cycle was cancelled.
    static let notRun = BatchAPIError.transport("cancelled")

    /// The API to list through.
    let api: any BatchAPI
    /// Most list calls in flight at once.
    let limit: Int
    /// Most pages per query (`maximumPages` unless a test says otherwise).
    var maximumPages = PagedLister.maximumPages

    /// Where paging stands for one query.
    private struct Cursor {
        let query: JobListQuery
        var listing = Listing()
        /// Pages of jobs taken since the last delivery (whole pages: a job is not copied out of its page).
        var arrived: [[BatchJob]] = []
        /// Items per full page, as the first page came (the server may cap the page size below the one asked).
        var step = 0
        var next = 0
        var total = 0
        var pages = 0
        var isDone = false

        /// Takes one page; the cursor is done when the page failed, was empty or was short.
        mutating func take(_ result: Result<JobListPage, BatchAPIError>) {
            pages += 1
            switch result {
            case .failure(let error):
                listing.failure = error
                isDone = true
            case .success(let page):
                // Duplicates (a job on two pages as the listing shifts) are the receiver's to drop: it keeps the
                // first, so this side holds no set of IDs for the length of the listing.
                listing.count += page.items.count
                arrived.append(page.items)
                let count = page.items.count + page.undecodableCount
                total = max(0, page.totalSize)
                if step == 0 { step = count }
                if count == 0 || count < step { isDone = true }
            }
        }
    }

    /// Pages that arrived since the last delivery, each with the position of its query in the queries listed (pages
    /// of one query in listing order).
    typealias Arrived = [(query: Int, jobs: [BatchJob])]

    /// Hands over the jobs that arrived since the last call, with how far the listing has come: jobs arrived so far,
    /// how many the server says there are, and whether more pages are coming.
    typealias Delivery = @Sendable (_ arrived: Arrived, _ progress: LoadingProgress, _ more: Bool) async -> Void

    /// One listing per query, in the order of `queries`. The jobs go to `deliver` as their pages arrive (before each
    /// wave and once at the end), so a 100,000-job listing is never held in wire form all at once.
    func list(_ queries: [JobListQuery], deliver: Delivery) async -> [Listing] {
        let api = self.api
        var cursors = queries.map { Cursor(query: $0) }
        let firstPages = await boundedMap(queries, limit: limit) { query in await Self.page(api, query) }
        for index in cursors.indices {
            cursors[index].take(firstPages[index] ?? .failure(Self.notRun))
            cursors[index].next = cursors[index].step
        }
        while true {
            for index in cursors.indices where !cursors[index].isDone {
                if cursors[index].next >= cursors[index].total {
                    cursors[index].isDone = true
                } else if cursors[index].pages >= maximumPages {
                    cursors[index].listing.isTruncated = true
                    cursors[index].isDone = true
                }
            }
            let wave = planWave(&cursors)
            if wave.isEmpty || Task.isCancelled { break }
            await Self.deliver(&cursors, to: deliver, more: true)
            let results = await boundedMap(wave, limit: limit) { entry in await Self.page(api, entry.request) }
            for (entry, result) in zip(wave, results) where !cursors[entry.cursor].isDone {
                cursors[entry.cursor].take(result ?? .failure(Self.notRun))
            }
        }
        for index in cursors.indices where !cursors[index].isDone && cursors[index].listing.failure == nil {
            cursors[index].listing.failure = Self.notRun
        }
        await Self.deliver(&cursors, to: deliver, more: false)
        return cursors.map(\.listing)
    }

    /// One listing per query, the jobs themselves dropped (tests of the paging itself).
    func list(_ queries: [JobListQuery]) async -> [Listing] {
        await list(queries) { _, _, _ in }
    }

    /// Hands the jobs taken since the last delivery to `deliver`, with the progress of the whole listing.
    private static func deliver(_ cursors: inout [Cursor], to deliver: Delivery, more: Bool) async {
        var arrived: Arrived = []
        for index in cursors.indices {
            arrived += cursors[index].arrived.map { (index, $0) }
            cursors[index].arrived = []
        }
        let loaded = cursors.reduce(0) { $0 + $1.listing.count }
        await deliver(arrived, LoadingProgress(loaded: loaded, total: cursors.reduce(0) { $0 + $1.total }), more)
    }

    /// The next wave: up to `waveFactor` times the concurrency limit of page requests, taken in turn from the unfinished queries
    /// (offsets in order within each query, none past its total or its page ceiling).
    private func planWave(_ cursors: inout [Cursor]) -> [(cursor: Int, request: JobListQuery)] {
        let size = max(1, limit) * Self.waveFactor
        var wave: [(cursor: Int, request: JobListQuery)] = []
        var planned = Array(repeating: 0, count: cursors.count)
        var added = true
        while wave.count < size, added {
            added = false
            for index in cursors.indices where wave.count < size && !cursors[index].isDone {
                let cursor = cursors[index]
                guard cursor.next < cursor.total, cursor.pages + planned[index] < maximumPages else { continue }
                var request = cursor.query
                request.offset = cursor.next
                wave.append((index, request))
                cursors[index].next += cursor.step
                planned[index] += 1
                added = true
            }
        }
        return wave
    }

    private static func page(_ api: any BatchAPI, _ query: JobListQuery) async -> Result<JobListPage, BatchAPIError> {
        do throws(BatchAPIError) {
            let page = try await api.listJobs(query)
            return .success(page)
        } catch {
            return .failure(error)
        }
    }
}
