/// A column of the job table, with its heading, width rules and how early it is dropped on narrow terminals.
public enum TableColumn: Sendable, CaseIterable, Hashable {
    /// Short job ID.
    case id
    /// Job type.
    case type
    /// Status symbol and word.
    case status
    /// Gauge and percentage; takes the spare width.
    case progress
    /// Processed / total items.
    case done
    /// Failed items.
    case failed
    /// Skipped items.
    case skipped
    /// Items per second.
    case rate
    /// Time to completion, or `stalled`.
    case eta
    /// Age of the row's data, shown only when stale.
    case stale

    /// Column heading.
    public var heading: String {
        switch self {
        case .id: return "JOB"
        case .type: return "TYPE"
        case .status: return "STATUS"
        case .progress: return "PROGRESS"
        case .done: return "DONE/TOTAL"
        case .failed: return "FAILED"
        case .skipped: return "SKIPPED"
        case .rate: return "RATE"
        case .eta: return "ETA"
        case .stale: return "STALE"
        }
    }

    /// Columns the field needs at least.
    public var minimumWidth: Int {
        switch self {
        case .id: return 12
        case .type: return 8
        case .status: return 12
        case .progress: return 12
        case .done: return 11
        case .failed: return 6
        case .skipped: return 7
        case .rate: return 6
        case .eta: return 7
        case .stale: return 6
        }
    }

    /// True for numeric columns, drawn flush right.
    public var isNumeric: Bool {
        switch self {
        case .done, .failed, .skipped, .rate, .eta, .stale: return true
        case .id, .type, .status, .progress: return false
        }
    }

    /// Columns in the order they are dropped when the terminal is too narrow (first dropped first).
    public static let dropOrder: [TableColumn] = [.skipped, .rate, .type, .eta, .done, .stale, .failed]
}

/// Where each visible column sits for a given width.
public struct TableLayout: Sendable, Equatable {
    /// Visible columns with their x position and width, left to right.
    public var columns: [(column: TableColumn, x: Int, width: Int)]

    /// Widest gauge worth drawing; beyond it the spare width stays empty on the right.
    static let maximumProgressWidth = 60

    /// Lays out the columns for a terminal `width` columns wide (one space of margin and between columns).
    public init(width: Int) {
        var visible = TableColumn.allCases
        func needed(_ columns: [TableColumn]) -> Int {
            columns.reduce(1) { $0 + $1.minimumWidth + 1 }
        }
        var drops = TableColumn.dropOrder.makeIterator()
        while needed(visible) > width, let drop = drops.next() {
            visible.removeAll { $0 == drop }
        }
        let spare = max(0, width - needed(visible))
        var x = 1
        var placed: [(TableColumn, Int, Int)] = []
        for column in visible {
            var columnWidth = column.minimumWidth
            if column == .progress { columnWidth = min(Self.maximumProgressWidth, columnWidth + spare) }
            placed.append((column, x, columnWidth))
            x += columnWidth + 1
        }
        columns = placed.map { (column: $0.0, x: $0.1, width: $0.2) }
    }

    /// Compares layouts column by column.
    public static func == (lhs: TableLayout, rhs: TableLayout) -> Bool {
        lhs.columns.elementsEqual(rhs.columns) { $0.column == $1.column && $0.x == $1.x && $0.width == $1.width }
    }
}
