import FoundationEssentials

/// One page of a v2 cursor-paginated listing (`{ "items": [...], "next_page_token": "…" | null }`). There is no
/// total; items that cannot be decoded are counted in `undecodableCount` instead of failing the page.
public struct CursorPage<Element: Decodable & Sendable & Equatable>: Decodable, Sendable, Equatable {
    /// The decoded items of this page.
    public var items: [Element]
    /// The token of the next page; nil (or empty, normalised to nil) on the last page.
    public var nextPageToken: String?
    /// Items on this page the client could not decode.
    public var undecodableCount: Int

    enum CodingKeys: String, CodingKey {
        case items
        case nextPageToken = "next_page_token"
    }

    /// Creates a page.
    public init(items: [Element], nextPageToken: String?, undecodableCount: Int = 0) {
        self.items = items
        self.nextPageToken = nextPageToken.flatMap { $0.isEmpty ? nil : $0 }
        self.undecodableCount = undecodableCount
    }

    /// Decodes tolerantly, element by element; a missing `items` list is an empty page.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var decoded: [Element] = []
        var failures = 0
        if var list = try? container.nestedUnkeyedContainer(forKey: .items) {
            while !list.isAtEnd {
                if let element = try? list.decode(Element.self) {
                    decoded.append(element)
                } else {
                    failures += 1
                    _ = try list.decode(AnyDiscard.self)
                }
            }
        }
        self.init(items: decoded, nextPageToken: container.lenientString(.nextPageToken), undecodableCount: failures)
    }

    /// True when this page ends the listing: no token, or nothing on it (a token may point at an empty page).
    public var isLast: Bool { nextPageToken == nil || items.isEmpty && undecodableCount == 0 }
}

/// Consumes one JSON value of any shape.
struct AnyDiscard: Decodable {
    init(from decoder: any Decoder) throws {}
}
