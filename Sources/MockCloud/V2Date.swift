import FoundationEssentials

/// ISO 8601 date strings with fractional seconds and a `Z`, as the v2 API sends them.
enum V2Date {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The wire form of `date`.
    static func string(_ date: Date) -> String {
        style.format(date)
    }

    /// Parses a filter value: ISO 8601 with or without fractional seconds, `Z` or an offset.
    static func parse(_ text: String) -> Date? {
        let text = text.replacing(" ", with: "+")
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return nil
    }
}
