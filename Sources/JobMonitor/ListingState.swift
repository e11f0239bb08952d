/// What the discovery listing under way has stored so far, as its pages arrived.
struct ListingState: Sendable {
    /// True during the first listing: new jobs are shown and published while it pages in.
    let isLoading: Bool
    /// This listing's number: the job table marks each job it stored with it (`JobTable.markListed`).
    let number: UInt32
    /// How many jobs it stored (listed and admitted by the filters).
    var storedCount = 0
    /// The slots of the jobs that were not tracked before this listing, per query (by position), in listing order.
    var added: [[Int32]] = []
    /// How many jobs were put in the display order while loading (placed again in listing order at the end; each is
    /// marked in the job table, `JobTable.markShownEarly`, rather than kept in a set: 4 MB at 100,000 jobs).
    var shownEarlyCount = 0
}
