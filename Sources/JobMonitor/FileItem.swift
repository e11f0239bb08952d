import FoundationEssentials
import LlamaCloud

/// One file of a job, as the detail screen shows it (independent of the wire format).
public struct FileItem: Sendable, Equatable, Identifiable {
    /// Item identifier.
    public var id: String
    /// File name.
    public var name: String
    /// `pending`, `processing`, `completed`, `failed`, `skipped`, `cancelled`, or anything newer, as sent.
    public var status: String
    /// Why it failed.
    public var errorMessage: String?
    /// Why it was skipped.
    public var skipReason: String?
    /// When processing started.
    public var startedAt: Date?
    /// When processing ended.
    public var completedAt: Date?
    /// v2 batches: the parse/extract job handling the file (nil when the mapping failed or the file was not reached).
    public var jobID: String? = nil

    /// Creates an item.
    public init(
        id: String, name: String, status: String, errorMessage: String? = nil, skipReason: String? = nil,
        startedAt: Date? = nil, completedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.status = status
        self.errorMessage = errorMessage
        self.skipReason = skipReason
        self.startedAt = startedAt
        self.completedAt = completedAt
    }

    /// Converts the beta API's item.
    public init(wire: JobItem) {
        self.init(
            id: wire.itemID, name: wire.itemName, status: wire.status, errorMessage: wire.errorMessage,
            skipReason: wire.skipReason, startedAt: wire.startedAt, completedAt: wire.completedAt)
    }
}

/// One page of a job's files.
public struct FileItemPage: Sendable, Equatable {
    /// The files of this page.
    public var items: [FileItem]
    /// Files matching the query across all pages.
    public var totalSize: Int
    /// Offset the page was requested at.
    public var offset: Int

    /// Creates a page.
    public init(items: [FileItem], totalSize: Int, offset: Int) {
        self.items = items
        self.totalSize = totalSize
        self.offset = offset
    }
}
