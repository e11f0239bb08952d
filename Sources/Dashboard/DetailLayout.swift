import TerminalUI

/// Where the parts of the detail screen go for a terminal size (shared by the reducer, for paging, and the render).
public struct DetailLayout: Sendable, Equatable {
    /// Fields of the job, one per cell of a 1- or 2-column grid.
    public var fields: Rect
    /// Columns of the field grid.
    public var fieldColumns: Int
    /// Row of the derived metrics.
    public var metricsRow: Int
    /// Row of the progress sparkline.
    public var sparklineRow: Int
    /// Rows of the job's error message.
    public var error: Rect
    /// Row of the file list's title.
    public var itemsTitleRow: Int
    /// Row of the file list's column headings.
    public var itemsHeadingRow: Int
    /// The file list.
    public var items: Rect
    /// Rows of the file list.
    public var itemRows: Int { items.height }

    /// Number of job fields shown (all of the API's job fields).
    public static let fieldCount = 17

    /// Rows the file list keeps at least, taken from the field grid when the terminal is short.
    public static let minimumItemRows = 5

    /// Lays out the screen for a terminal size. When the terminal is short, the field grid gives up rows (its last
    /// fields are cut) so that the failed files stay visible.
    public init(size: TerminalSize) {
        fieldColumns = size.width >= 70 ? 2 : 1
        let wanted = (Self.fieldCount + fieldColumns - 1) / fieldColumns
        // Title, metrics, sparkline, two error rows, list title, list headings and footer take 8 rows.
        let spare = size.height - 8 - Self.minimumItemRows
        let fieldRows = max(0, min(wanted, spare))
        fields = Rect(x: 1, y: 1, width: size.width - 2, height: fieldRows)
        metricsRow = fields.maxY
        sparklineRow = metricsRow + 1
        error = Rect(x: 1, y: sparklineRow + 1, width: size.width - 2, height: 2)
        itemsTitleRow = error.maxY
        itemsHeadingRow = itemsTitleRow + 1
        items = Rect(x: 0, y: itemsHeadingRow + 1, width: size.width, height: size.height - 1 - (itemsHeadingRow + 1))
    }
}
