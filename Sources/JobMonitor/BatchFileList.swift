import FoundationEssentials
import LlamaCloud

/// A v2 batch's files as its detail view shows them: directory files joined with the batch's mapping and their
/// jobs, failed first. Assembled on demand and reused while the user pages through it.
struct BatchFileList: Sendable {
    /// Most files assembled for one detail view, whatever the directory holds.
    static let maximumFiles = 20_000

    /// The files, failed first.
    let files: [FileItem]
    /// When it was assembled.
    let assembledAt: Date

    /// Joins the directory's files, the mapping and the jobs: a file with a job shows the job's status and error; a
    /// mapping error shows as `failed`; a file with no entry yet as `waiting`; every file as `unknown` while the
    /// batch's `results` are null. Entries for files no longer in the
    /// directory are kept (named by their ID).
    static func assemble(
        directory: [DirectoryFile], results: [BatchResult]?, jobs: [String: ProcessingJob], at date: Date
    ) -> BatchFileList {
        var entries: [String: BatchResult] = [:]
        for entry in results ?? [] where entries[entry.sourceDirectoryFileID] == nil {
            entries[entry.sourceDirectoryFileID] = entry
        }
        var files: [FileItem] = []
        var named: Set<String> = []
        for file in directory where named.insert(file.id).inserted {
            // Without a mapping (`results` null during a run) nothing is known of any file: not "waiting".
            files.append(
                results == nil
                    ? FileItem(id: file.id, name: file.displayName, status: "unknown")
                    : item(id: file.id, name: file.displayName, entry: entries[file.id], jobs: jobs))
        }
        for entry in results ?? [] where named.insert(entry.sourceDirectoryFileID).inserted {
            files.append(item(id: entry.sourceDirectoryFileID, name: entry.sourceDirectoryFileID, entry: entry, jobs: jobs))
        }
        let ordered = files.enumerated().sorted { left, right in
            let (a, b) = (rank(left.element.status), rank(right.element.status))
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
        return BatchFileList(files: Array(ordered.prefix(maximumFiles)), assembledAt: date)
    }

    /// One file's row.
    private static func item(id: String, name: String, entry: BatchResult?, jobs: [String: ProcessingJob]) -> FileItem {
        guard let entry else { return FileItem(id: id, name: name, status: "waiting") }
        if let reference = entry.jobReference {
            let job = jobs[reference.id]
            var item = FileItem(
                id: id, name: name, status: job.map { $0.status.lowercased() } ?? "unknown",
                errorMessage: job?.errorMessage ?? entry.errorMessage)
            item.jobID = reference.id
            return item
        }
        if let error = entry.errorMessage { return FileItem(id: id, name: name, status: "failed", errorMessage: error) }
        return FileItem(id: id, name: name, status: "waiting")
    }

    /// Sort group: failed, then active (anything not listed), waiting, cancelled, completed.
    static func rank(_ status: String) -> Int {
        switch status {
        case "failed": return 0
        case "waiting": return 2
        case "cancelled", "canceled": return 3
        case "completed": return 4
        default: return 1
        }
    }

    /// True when a file matches the detail view's status filter: an exact status, or `active` for any file whose
    /// job is still under way (pending, running, throttled, or a status this client does not know).
    static func matches(_ item: FileItem, filter: String?) -> Bool {
        guard let filter, !filter.isEmpty else { return true }
        if filter == "active" { return rank(item.status) == 1 }
        return item.status == filter.lowercased()
    }

    /// One page of the files matching `filter`.
    func page(offset: Int, limit: Int, filter: String?) -> FileItemPage {
        let matching = files.filter { Self.matches($0, filter: filter) }
        let start = min(max(0, offset), matching.count)
        let end = min(matching.count, start + max(0, limit))
        return FileItemPage(items: Array(matching[start..<end]), totalSize: matching.count, offset: offset)
    }
}
