/// Trimming without Foundation: `FoundationEssentials`, which is all the dashboard links (see ARCHITECTURE.md,
/// "No Foundation"), has no `trimmingCharacters(in:)`.
extension StringProtocol {
    /// The text without leading and trailing whitespace, newlines not counted as whitespace (as Foundation's
    /// `trimmingCharacters(in: .whitespaces)`: spaces, tabs and the other Unicode space separators).
    public func trimmingWhitespace() -> String {
        trimming { $0.isWhitespace && !$0.isNewline }
    }

    /// The text without leading and trailing whitespace and newlines (as `.whitespacesAndNewlines`).
    public func trimmingWhitespaceAndNewlines() -> String {
        trimming { $0.isWhitespace }
    }

    /// The text without the leading and trailing characters for which `isTrimmed` holds.
    private func trimming(_ isTrimmed: (Character) -> Bool) -> String {
        guard let start = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else {
            return ""
        }
        return String(self[start...last])
    }
}
