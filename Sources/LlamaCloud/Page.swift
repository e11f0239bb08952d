import FoundationEssentials

/// One page of a paginated listing (`{ "items": [...], "total_size": n }`). Items that cannot be decoded are
/// counted in `undecodableCount` instead of failing the whole page.
public struct Page<Element: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The decoded items of this page.
    public var items: [Element]
    /// Total number of items across all pages (the item count of this page when the server omitted it).
    public var totalSize: Int
    /// Items on this page the client could not decode (for example, a job without an `id`).
    public var undecodableCount: Int

    enum CodingKeys: String, CodingKey {
        case items
        case totalSize = "total_size"
    }

    /// Creates a page.
    public init(items: [Element], totalSize: Int, undecodableCount: Int = 0) {
        self.items = items
        self.totalSize = totalSize
        self.undecodableCount = undecodableCount
    }

    /// Decodes tolerantly, element by element.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var list = try container.nestedUnkeyedContainer(forKey: .items)
        var decoded: [Element] = []
        var failures = 0
        while !list.isAtEnd {
            if let element = try? list.decode(Element.self) {
                decoded.append(element)
            } else {
                failures += 1
                _ = try list.decode(Discard.self)
            }
        }
        items = decoded
        undecodableCount = failures
        totalSize = container.lenientInt(.totalSize) ?? (decoded.count + failures)
    }

    /// Consumes one element of any shape (kept here, not shared: `scripts/fuzz.sh` compiles this file without the
    /// v2 wire files).
    private struct Discard: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    /// Encodes in the API's wire shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(totalSize, forKey: .totalSize)
    }
}

/// A page of jobs from the list call.
public typealias JobListPage = Page<BatchJob>
/// A page of items (files) of one job.
public typealias ItemsPage = Page<JobItem>
