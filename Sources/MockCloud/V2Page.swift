import FoundationEssentials

/// One page of a v2 cursor-paginated list: `{"items": [...], "next_page_token": string | null}`.
struct V2Page<Item: Encodable & Sendable>: Encodable, Sendable {
    /// The page's items.
    let items: [Item]
    /// The token of the next page; `null` on the last page.
    let nextPageToken: V2Nullable<String>

    /// Creates a page.
    init(items: [Item], nextPageToken: String?) {
        self.items = items
        self.nextPageToken = V2Nullable(nextPageToken)
    }

    /// The offset an `o<offset>` token names (0 without a token); any other token is refused with a 400.
    static func offset(of token: String?) throws(MockFailure) -> Int {
        guard let token, !token.isEmpty else { return 0 }
        guard token.hasPrefix("o"), let offset = Int(token.dropFirst()), offset >= 0 else {
            throw MockFailure(status: 400, detail: "Invalid page_token")
        }
        return offset
    }

    private enum CodingKeys: String, CodingKey {
        case items
        case nextPageToken = "next_page_token"
    }
}
