/// A table while its document is being read: its entries, and how it came to exist, which decides whether a later
/// header or dotted key may add to it (TOML forbids defining a table twice).
final class TOMLTableDraft {
    /// One entry of a table.
    enum Entry {
        /// A finished value: a string, number, array, inline table… (closed to later additions).
        case value(TOMLNode)
        /// A table that headers or dotted keys may still add to.
        case table(TOMLTableDraft)
        /// An array of tables (`[[name]]`); headers add to its last table.
        case tableArray([TOMLTableDraft])
    }

    /// A key that cannot be defined where it is; `message` says why.
    struct Conflict: Error {
        /// What is wrong, naming the key.
        let message: String
    }

    /// The entries by key.
    private(set) var entries: [String: Entry] = [:]
    /// True once a `[header]` (or `[[header]]`) names this table itself.
    private var declaredByHeader = false
    /// The section (counted by headers) whose dotted keys created this table, if they did.
    private var dottedKeySection: Int?

    /// Creates an empty table.
    init() {}

    /// The table that `[path]` declares, created with any missing parents.
    func declareTable(_ path: [String]) throws(Conflict) -> TOMLTableDraft {
        let (parent, name) = try parentForHeader(path)
        switch parent.entries[name] {
        case nil:
            let table = TOMLTableDraft()
            table.declaredByHeader = true
            parent.entries[name] = .table(table)
            return table
        case .table(let table):
            if table.declaredByHeader { throw Conflict(message: "the table [\(Self.display(path))] is defined twice") }
            if table.dottedKeySection != nil {
                throw Conflict(message: "the table [\(Self.display(path))] was already defined by dotted keys")
            }
            table.declaredByHeader = true
            return table
        case .tableArray:
            throw Conflict(message: "[\(Self.display(path))] is an array of tables (write [[\(Self.display(path))]])")
        case .value:
            throw Conflict(message: "'\(Self.display(path))' already has a value; it cannot also be a table")
        }
    }

    /// A new table appended to the array of tables `[[path]]`, creating the array and missing parents.
    func appendTable(_ path: [String]) throws(Conflict) -> TOMLTableDraft {
        let (parent, name) = try parentForHeader(path)
        let table = TOMLTableDraft()
        table.declaredByHeader = true
        switch parent.entries[name] {
        case nil:
            parent.entries[name] = .tableArray([table])
        case .tableArray(var tables):
            parent.entries[name] = nil  // keeps the array uniquely referenced while it grows
            tables.append(table)
            parent.entries[name] = .tableArray(tables)
        case .table:
            throw Conflict(message: "[[\(Self.display(path))]] names a table that is already defined, not an array of tables")
        case .value:
            throw Conflict(message: "'\(Self.display(path))' already has a value; it cannot also be an array of tables")
        }
        return table
    }

    /// Sets `key` (a dotted key relative to this table) to `value`. The dotted key's parent tables are created, or
    /// reused when only a header path made them, and marked as defined by `section` (the number of headers read so
    /// far), so that a later header or section cannot define them again. `prefix` is the header's path, for messages.
    func setValue(_ value: TOMLNode, at key: [String], section: Int, prefix: [String] = []) throws(Conflict) {
        guard let name = key.last else { return }
        var table = self
        var walked = prefix
        for part in key.dropLast() {
            walked.append(part)
            switch table.entries[part] {
            case nil:
                let child = TOMLTableDraft()
                child.dottedKeySection = section
                table.entries[part] = .table(child)
                table = child
            case .table(let child):
                guard !child.declaredByHeader, child.dottedKeySection ?? section == section else {
                    throw Conflict(message: "the dotted key '\(Self.display(prefix + key))' adds to the table "
                        + "'\(Self.display(walked))', which is already defined elsewhere")
                }
                child.dottedKeySection = section
                table = child
            case .tableArray:
                throw Conflict(message: "the dotted key '\(Self.display(prefix + key))' goes into the array of tables "
                    + "'\(Self.display(walked))'")
            case .value:
                throw Conflict(message: "'\(Self.display(walked))' already has a value that is not a table, so "
                    + "'\(Self.display(prefix + key))' cannot be set (an inline table cannot be extended)")
            }
        }
        guard table.entries[name] == nil else {
            throw Conflict(message: "the key '\(Self.display(prefix + key))' is defined twice")
        }
        table.entries[name] = .value(value)
    }

    /// The parent of the table a header names, and the header's last part: the parents are created as needed,
    /// and an array of tables on the way stands for its last table.
    private func parentForHeader(_ path: [String]) throws(Conflict) -> (TOMLTableDraft, String) {
        guard let name = path.last else { throw Conflict(message: "a table header needs a name") }
        var table = self
        var walked: [String] = []
        for part in path.dropLast() {
            walked.append(part)
            switch table.entries[part] {
            case nil:
                let child = TOMLTableDraft()
                table.entries[part] = .table(child)
                table = child
            case .table(let child):
                table = child
            case .tableArray(let tables):
                guard let last = tables.last else { throw Conflict(message: "an empty array of tables") }
                table = last
            case .value:
                throw Conflict(message: "'\(Self.display(walked))' already has a value that is not a table, so "
                    + "[\(Self.display(path))] cannot be defined under it")
            }
        }
        return (table, name)
    }

    /// The finished table as nodes.
    func node() -> [String: TOMLNode] {
        entries.mapValues { entry in
            switch entry {
            case .value(let node): return node
            case .table(let table): return .table(table.node())
            case .tableArray(let tables): return .array(tables.map { .table($0.node()) })
            }
        }
    }

    /// A key path as TOML writes it: bare parts as they are, others quoted.
    static func display(_ path: [String]) -> String {
        path.map { part in
            let bare = !part.isEmpty && part.utf8.allSatisfy {
                TOMLCursor.isDigit($0) || TOMLCursor.isLetter($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
            }
            return bare ? part : String(reflecting: part)
        }.joined(separator: ".")
    }
}
