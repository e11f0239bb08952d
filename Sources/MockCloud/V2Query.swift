import FoundationEssentials

/// The query of a v2 request, keeping repeated keys (`job_ids=a&job_ids=b`).
struct V2Query: Sendable {
    /// Default page size.
    static let defaultPageSize = 20
    /// Largest page size granted.
    static let maximumPageSize = 100

    private let pairs: [(String, String)]

    /// Wraps the decoded pairs.
    init(_ pairs: [(String, String)]) {
        self.pairs = pairs
    }

    /// The first value of a key; absent or empty is nil.
    func first(_ name: String) -> String? {
        pairs.first { $0.0 == name && !$0.1.isEmpty }?.1
    }

    /// Every value of a key, in order.
    func all(_ name: String) -> [String] {
        pairs.filter { $0.0 == name }.map(\.1)
    }

    /// `page_size`, clamped to 1…100 (20 when absent); not an integer is a 422.
    func pageSize() throws(MockFailure) -> Int {
        guard let text = first("page_size") else { return Self.defaultPageSize }
        guard let value = Int(text) else {
            throw MockFailure(status: 422, detail: "Query parameter 'page_size' must be an integer, got '\(text)'")
        }
        return min(Self.maximumPageSize, max(1, value))
    }

    /// A date filter; not ISO 8601 is a 422.
    func date(_ name: String) throws(MockFailure) -> Date? {
        guard let text = first(name) else { return nil }
        guard let date = V2Date.parse(text) else {
            throw MockFailure(status: 422, detail: "Query parameter '\(name)' must be an ISO 8601 date-time, got '\(text)'")
        }
        return date
    }
}
