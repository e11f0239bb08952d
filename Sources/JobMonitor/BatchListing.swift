import FoundationEssentials
import LlamaCloud

/// What listing one v2 batch query produced: every batch of the pages that arrived, and whether that is all.
struct BatchListing: Sendable {
    /// The batches, in listing order, deduplicated by ID.
    var batches: [Batch]
    /// The first error; the pages after it were not asked for.
    var failure: BatchAPIError?
    /// True when paging stopped at the page ceiling (or a repeated cursor) before the listing's end.
    var isTruncated: Bool

    /// True when every page arrived: a batch the listing does not contain is not in it.
    var isComplete: Bool { failure == nil && !isTruncated }

    /// Lists every page of `query`, following the cursor until a null/empty token or an empty page; stops at
    /// `maximumPages` or at a token seen before (a looping cursor), marking the listing truncated.
    static func list(_ query: BatchListQuery, from api: any BatchesAPI, maximumPages: Int = PagedLister.maximumPages)
        async -> BatchListing
    {
        var batches: [Batch] = []
        var seenIDs: Set<String> = []
        var tokens: Set<String> = []
        var page = query
        var failure: BatchAPIError?
        var truncated = false
        var pages = 0
        while true {
            let result: CursorPage<Batch>
            do throws(BatchAPIError) {
                result = try await api.listBatches(page)
            } catch {
                failure = error
                break
            }
            pages += 1
            for batch in result.items where seenIDs.insert(batch.id).inserted { batches.append(batch) }
            guard !result.isLast, let next = result.nextPageToken else { break }
            guard tokens.insert(next).inserted, pages < maximumPages else {
                truncated = true
                break
            }
            page.pageToken = next
        }
        return BatchListing(batches: batches, failure: failure, isTruncated: truncated)
    }
}
