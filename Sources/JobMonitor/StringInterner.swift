/// Keeps one copy of strings that many jobs repeat (project and directory IDs), so 100,000 jobs of one project hold
/// one project ID, not 100,000 equal ones. Bounded: it starts over past `limit` strings.
struct StringInterner: Sendable {
    /// Most strings kept.
    var limit = 10_000
    private var strings: Set<String> = []
    /// The string interned last: jobs of one project come in a row, compared without hashing.
    private var last = ""

    /// The kept copy of `string` (kept now if new).
    mutating func intern(_ string: String) -> String {
        if string == last { return last }
        if let index = strings.firstIndex(of: string) {
            last = strings[index]
            return last
        }
        if strings.count >= limit { strings = [] }
        strings.insert(string)
        last = string
        return string
    }
}
