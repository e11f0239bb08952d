import Foundation
import LlamaCloud

/// Lists every page of several queries with bounded concurrency: the first pages of all queries together, then all
/// the remaining pages (known from `total_size`) together, then, should the listing have grown meanwhile, the rest
/// page by page. A query whose pages do not all arrive fails as a whole.
struct PagedLister: Sendable {
    /// The API to list through.
    let api: any BatchAPI
    /// Most list calls in flight at once.
    let limit: Int

    /// The jobs of each query (deduplicated by ID, in listing order), or the first error of that query.
    func list(_ queries: [JobListQuery]) async -> [Result<[BatchJob], BatchAPIError>] {
        let api = self.api
        let firstPages = await boundedMap(queries, limit: limit) { query in await Self.page(api, query) }
            .map { $0 ?? .failure(Self.notRun) }
        var pages: [[Result<JobListPage, BatchAPIError>]] = firstPages.map { [$0] }
        var more: [(query: Int, request: JobListQuery)] = []
        for (index, first) in firstPages.enumerated() {
            guard case .success(let page) = first else { continue }
            let step = page.items.count + page.undecodableCount
            guard step > 0 else { continue }
            for offset in stride(from: step, to: page.totalSize, by: step) {
                var request = queries[index]
                request.offset = offset
                more.append((index, request))
            }
        }
        let rest = await boundedMap(more, limit: limit) { entry in await Self.page(api, entry.request) }
            .map { $0 ?? .failure(Self.notRun) }
        for (entry, result) in zip(more, rest) { pages[entry.query].append(result) }
        var results: [Result<[BatchJob], BatchAPIError>] = []
        for (index, queryPages) in pages.enumerated() {
            let result = await finish(queries[index], pages: queryPages)
            results.append(result)
        }
        return results
    }

    /// Joins the pages of one query, following up page by page if the last page shows the listing grew.
    private func finish(
        _ query: JobListQuery, pages: [Result<JobListPage, BatchAPIError>]
    ) async -> Result<[BatchJob], BatchAPIError> {
        var jobs: [BatchJob] = []
        var seen: Set<String> = []
        var consumed = 0
        var total = 0
        func add(_ page: JobListPage) {
            for job in page.items where seen.insert(job.id).inserted { jobs.append(job) }
            consumed += page.items.count + page.undecodableCount
            total = page.totalSize
        }
        for result in pages {
            switch result {
            case .success(let page): add(page)
            case .failure(let error): return .failure(error)
            }
        }
        var request = query
        while consumed < total, case .success(let last)? = pages.last, last.items.count + last.undecodableCount > 0 {
            request.offset = consumed
            switch await Self.page(api, request) {
            case .success(let page):
                let before = consumed
                add(page)
                if consumed == before { return .success(jobs) }
            case .failure(let error):
                return .failure(error)
            }
        }
        return .success(jobs)
    }

    /// The outcome of a call never made because the poll cycle was cancelled.
    static let notRun = BatchAPIError.transport("cancelled")

    private static func page(_ api: any BatchAPI, _ query: JobListQuery) async -> Result<JobListPage, BatchAPIError> {
        do throws(BatchAPIError) {
            let page = try await api.listJobs(query)
            return .success(page)
        } catch {
            return .failure(error)
        }
    }
}
