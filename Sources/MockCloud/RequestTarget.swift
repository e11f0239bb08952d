/// The path and query of a request target (`/api/v1/...?limit=100`), split and percent-decoded by hand.
struct RequestTarget: Sendable {
    /// The path's components as sent (empty ones dropped), for classifying the call.
    let rawComponents: [String]
    /// The path's components percent-decoded; a component with a bad escape or bytes that are not UTF-8 stays as sent.
    let components: [String]
    /// The query's `key=value` pairs in order (repeated keys kept), keys and values percent-decoded (a bad escape
    /// leaves that key or value as sent; `+` stays `+`); a pair without `=` has an empty value.
    let query: [(String, String)]

    /// Splits a request target: origin form (`/path?query`) or absolute form (`http://host:port/path?query`); a
    /// `#fragment` is ignored.
    init(_ target: String) {
        var rest = Substring(target)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if !rest.hasPrefix("/"), let scheme = rest.firstRange(of: "://") {
            let authority = rest[scheme.upperBound...]
            rest = authority[(authority.firstIndex { $0 == "/" || $0 == "?" } ?? authority.endIndex)...]
        }
        let path: Substring
        let queryText: Substring
        if let question = rest.firstIndex(of: "?") {
            path = rest[..<question]
            queryText = rest[rest.index(after: question)...]
        } else {
            path = rest
            queryText = ""
        }
        rawComponents = path.split(separator: "/").map(String.init)
        components = rawComponents.map { PercentDecoding.decode($0, .strict) ?? $0 }
        query = queryText.split(separator: "&").map(Self.pair)
    }

    /// One `key=value` piece of a query, decoded.
    private static func pair(_ piece: Substring) -> (String, String) {
        guard let equals = piece.firstIndex(of: "=") else { return (decoded(piece), "") }
        return (decoded(piece[..<equals]), decoded(piece[piece.index(after: equals)...]))
    }

    /// A query key or value percent-decoded (bytes that are not UTF-8 become U+FFFD), or as sent on a bad escape.
    private static func decoded(_ text: Substring) -> String {
        PercentDecoding.decode(text, .lenient) ?? String(text)
    }
}
