import FoundationEssentials
import NIOHTTP1

/// Answers the v2 Batches API (`/api/v2/...`) and the directory calls it needs (`/api/v1/beta/directories/...`).
struct V2Router: Sendable {
    /// The data.
    let store: MockStore
    /// Request counts (the number of `job_ids` asked is recorded here).
    let faults: FaultInjector

    /// The v2 call a path and method are, or nil when the path is not a v2 path.
    static func call(_ components: [String], method: HTTPMethod) -> MockV2Call? {
        let get = method == .GET
        switch components {
        case ["api", "v2", "batches"] where get: return .listBatches
        case let path where path.count == 4 && path.starts(with: ["api", "v2", "batches"]) && get: return .getBatch
        case let path where path.count == 5 && path.starts(with: ["api", "v2", "batches"]) && path[4] == "cancel"
            && method == .POST:
            return .cancelBatch
        case ["api", "v2", "parse"] where get: return .listParseJobs
        case ["api", "v2", "extract"] where get: return .listExtractJobs
        case let path where path.count == 4 && path.starts(with: ["api", "v2", "parse"]) && get: return .getParseJob
        case let path where path.count == 4 && path.starts(with: ["api", "v2", "extract"]) && get: return .getExtractJob
        case let path where path.count == 5 && path.starts(with: ["api", "v1", "beta", "directories"]) && get:
            return .getDirectory
        case let path where path.count == 6 && path.starts(with: ["api", "v1", "beta", "directories"]) && path[5] == "files"
            && get:
            return .listDirectoryFiles
        default: return nil
        }
    }

    /// True for paths this router owns (wrong methods on them answer 405).
    static func owns(_ components: [String]) -> Bool {
        components.starts(with: ["api", "v2"]) || components.starts(with: ["api", "v1", "beta", "directories"])
    }

    /// Serves one v2 request.
    func route(_ components: [String], method: HTTPMethod, query: V2Query) throws(MockFailure)
        -> MockResponder.Payload
    {
        guard let call = Self.call(components, method: method) else {
            let otherMethod = Self.call(components, method: .GET) ?? Self.call(components, method: .POST)
            throw otherMethod == nil
                ? MockFailure(status: 404, detail: "Not Found") : MockFailure(status: 405, detail: "Method Not Allowed")
        }
        let time = store.elapsed()
        let start = store.startDate
        let data = store.batches
        switch call {
        case .listBatches:
            return MockResponder.payload(try listBatches(data, query, at: time, start: start))
        case .getBatch:
            let state = try data.state(ofBatch: components[3], at: time)
            return MockResponder.payload(state.batch(start: start, expand: query.all("expand").contains("results")))
        case .cancelBatch:
            let state = try store.cancelBatch(components[3])
            return MockResponder.payload(state.batch(start: start, expand: false))
        case .listParseJobs, .listExtractJobs:
            let extract = call == .listExtractJobs
            let ids = query.all("job_ids").filter { !$0.isEmpty }
            faults.recordJobIDs(ids.count)
            return try listJobs(data, extract: extract, ids: ids, query, at: time, start: start)
        case .getParseJob:
            guard let (state, index) = data.job(components[3], extract: false, at: time) else {
                throw MockFailure(status: 404, detail: "Parse job not found")
            }
            return MockResponder.payload(V2ParseJobEnvelope(job: state.parseJob(index, start: start)))
        case .getExtractJob:
            guard let (state, index) = data.job(components[3], extract: true, at: time) else {
                throw MockFailure(status: 404, detail: "Extract job not found")
            }
            return MockResponder.payload(state.extractJob(index, start: start))
        case .getDirectory:
            return MockResponder.payload(try data.state(ofDirectory: components[4], at: time).directory(start: start))
        case .listDirectoryFiles:
            let state = try data.state(ofDirectory: components[4], at: time)
            let size = try query.pageSize()
            let offset = try V2Page<V2DirectoryFile>.offset(of: query.first("page_token"))
            let end = min(state.plan.fileCount, offset + size)
            let files = offset < end ? (offset..<end).map { state.directoryFile($0, start: start) } : []
            return MockResponder.payload(V2Page(items: files, nextPageToken: end < state.plan.fileCount ? "o\(end)" : nil))
        }
    }

    /// One page of batches, newest first, filtered.
    private func listBatches(_ data: BatchData, _ query: V2Query, at time: TimeInterval, start: Date) throws(MockFailure)
        -> V2Page<V2Batch>
    {
        let status = query.first("status")?.uppercased()
        let directory = query.first("source_directory_id")
        let after = try query.date("created_at_on_or_after").map { $0.timeIntervalSince(start) }
        let before = try query.date("created_at_on_or_before").map { $0.timeIntervalSince(start) }
        let matching = data.states(at: time).filter { state in
            (status.map { $0 == state.status } ?? true) && (directory.map { $0 == state.plan.directoryID } ?? true)
                && (after.map { state.plan.appearsAt >= $0 - 0.0005 } ?? true)
                && (before.map { state.plan.appearsAt <= $0 + 0.0005 } ?? true)
        }
        let offset = try V2Page<V2Batch>.offset(of: query.first("page_token"))
        let end = min(matching.count, offset + (try query.pageSize()))
        let items = offset < end ? matching[offset..<end].map { $0.batch(start: start, expand: false) } : []
        return V2Page(items: items, nextPageToken: end < matching.count ? "o\(end)" : nil)
    }

    /// One page of parse or extract jobs: exactly the asked ids (in the asked order) or every job of every batch.
    private func listJobs(
        _ data: BatchData, extract: Bool, ids: [String], _ query: V2Query, at time: TimeInterval, start: Date
    ) throws(MockFailure) -> MockResponder.Payload {
        let status = query.first("status")?.uppercased()
        let size = try query.pageSize()
        var found: [(state: BatchState, index: Int)] = []
        var next: String?
        if ids.isEmpty {
            (found, next) = try scanJobs(data, extract: extract, status: status, size: size, token: query.first("page_token"), at: time)
        } else {
            var seen = Set<String>()
            let matching = ids.filter { seen.insert($0).inserted }.compactMap { data.job($0, extract: extract, at: time) }
                .filter { job in status.map { $0 == job.state.job(job.index).status } ?? true }
            let offset = try V2Page<V2ParseJob>.offset(of: query.first("page_token"))
            let end = min(matching.count, offset + size)
            found = offset < end ? Array(matching[offset..<end]) : []
            next = end < matching.count ? "o\(end)" : nil
        }
        if extract {
            return MockResponder.payload(V2Page(items: found.map { $0.state.extractJob($0.index, start: start) }, nextPageToken: next))
        }
        return MockResponder.payload(V2Page(items: found.map { $0.state.parseJob($0.index, start: start) }, nextPageToken: next))
    }

    /// Walks every job of every batch (newest batch first, files in order) from a `c<batch>.<file>` cursor.
    private func scanJobs(
        _ data: BatchData, extract: Bool, status: String?, size: Int, token: String?, at time: TimeInterval
    ) throws(MockFailure) -> ([(state: BatchState, index: Int)], String?) {
        var batch = 0
        var file = 0
        if let token, !token.isEmpty {
            let parts = token.dropFirst().split(separator: ".")
            guard token.hasPrefix("c"), parts.count == 2, let first = Int(parts[0]), let second = Int(parts[1]), first >= 0,
                second >= 0
            else { throw MockFailure(status: 400, detail: "Invalid page_token") }
            (batch, file) = (first, second)
        }
        var found: [(state: BatchState, index: Int)] = []
        while batch < data.plans.count {
            let plan = data.plans[batch]
            if plan.isExtract == extract, let state = plan.state(at: time, cancel: data.cancels[plan.key]) {
                while file < state.mappedFiles {
                    if found.count == size { return (found, "c\(batch).\(file)") }
                    if state.hasJob(file), status.map({ $0 == state.job(file).status }) ?? true { found.append((state, file)) }
                    file += 1
                }
            }
            batch += 1
            file = 0
        }
        return (found, nil)
    }
}
