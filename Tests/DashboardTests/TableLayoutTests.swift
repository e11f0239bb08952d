import Dashboard
import Testing

@Suite struct TableLayoutTests {
    private func describe(_ width: Int) -> [String] {
        TableLayout(width: width).columns.map { "\($0.column) \($0.x) \($0.width)" }
    }

    @Test func allColumnsAt200WithTheGaugeCapped() {
        #expect(
            describe(200) == [
                "id 1 12", "type 14 8", "status 23 12", "progress 36 60", "done 97 11", "failed 109 6",
                "skipped 116 7", "rate 124 6", "eta 131 7", "stale 139 6",
            ])
    }

    @Test func allColumnsAt120() {
        #expect(
            describe(120) == [
                "id 1 12", "type 14 8", "status 23 12", "progress 36 34", "done 71 11", "failed 83 6",
                "skipped 90 7", "rate 98 6", "eta 105 7", "stale 113 6",
            ])
    }

    @Test func skippedRateAndTypeAreDroppedFirstAt80() {
        #expect(
            describe(80) == [
                "id 1 12", "status 14 12", "progress 27 18", "done 46 11", "failed 58 6", "eta 65 7", "stale 73 6",
            ])
    }

    @Test func typeAndDoneAreDroppedNextAt60() {
        #expect(describe(60) == ["id 1 12", "status 14 12", "progress 27 18", "failed 46 6", "stale 53 6"])
    }

    @Test func staleAndFailedGoLastAt40() {
        #expect(describe(40) == ["id 1 12", "status 14 12", "progress 27 12"])
    }

    @Test func exactlyTheNeededWidthKeepsAllColumns() {
        // 1 margin + 87 minimum columns + 10 separators.
        #expect(TableLayout(width: 98).columns.count == 10)
        #expect(
            TableLayout(width: 97).columns.map(\.column)
                == [.id, .type, .status, .progress, .done, .failed, .rate, .eta, .stale])
    }

    @Test(arguments: 40...240)
    func columnsNeverOverlapOrPassTheWidth(width: Int) {
        let columns = TableLayout(width: width).columns
        #expect(columns.first?.x == 1)
        for (left, right) in zip(columns, columns.dropFirst()) {
            #expect(left.x + left.width + 1 == right.x)
        }
        for column in columns {
            #expect(column.width >= column.column.minimumWidth)
            #expect(column.x + column.width <= width, "\(column.column) at width \(width)")
        }
        let order = TableColumn.allCases.filter { candidate in columns.contains { $0.column == candidate } }
        #expect(columns.map(\.column) == order)
    }
}
