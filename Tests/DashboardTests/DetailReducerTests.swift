import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// Opening a job, loading its files page by page, the file status filter and going back. At 80×24 the detail
/// screen has 7 file rows; the next page is fetched once the cursor comes within 10 files of the end.
@Suite struct DetailReducerTests {
    private static let failedJobID = "bjb-fail-004"

    /// The fixture jobs at 80×24 with the failed job (fourth row) selected.
    private func stateOnFailedJob() -> AppState {
        var state = Fixtures.state(width: 80, height: 24)
        Fixtures.press(.down, .down, .down, on: &state)
        return state
    }

    private func request(_ status: String?, offset: Int, generation: Int = 1, jobID: String = failedJobID) -> ItemRequest {
        Fixtures.itemRequest(jobID: jobID, status: status, offset: offset, generation: generation)
    }

    @Test func enterOpensTheSelectedJobAndAsksForItsFailedFilesFirst() {
        var state = stateOnFailedJob()
        #expect(state.selectedID == Self.failedJobID)
        let effects = Fixtures.press(.enter, on: &state)
        // The job's record and workflow IDs (not in the listing) are asked for beside its files.
        #expect(effects == [.loadRecordIDs(jobID: Self.failedJobID), .loadItems(request("failed", offset: 0))])
        #expect(state.detail?.jobID == Self.failedJobID)
        #expect(state.detail?.filter == .failedFirst)
        #expect(state.detail?.pending == request("failed", offset: 0))
        #expect(state.detail?.items == [])
        #expect(state.selectedID == Self.failedJobID)
    }

    @Test func enterOnAnEmptyTableOpensNothing() {
        var state = Fixtures.state(snapshot: Fixtures.snapshot([]))
        #expect(Fixtures.press(.enter, on: &state) == [])
        #expect(state.detail == nil)
    }

    /// `f`: only failed, skipped, processing, pending, completed, cancelled, then all with failed first again; each
    /// step starts an empty listing with a new generation.
    @Test func fCyclesTheItemFilterAndRequestsTheNewListing() {
        var state = stateOnFailedJob()
        let opened = Fixtures.press(.enter, on: &state)
        _ = Reducer.reduce(&state, Fixtures.loaded(request("failed", offset: 0), Fixtures.files(7, status: "failed"), total: 7))
        #expect(Fixtures.request(in: opened) == request("failed", offset: 0))
        #expect(state.detail?.items.count == 7)
        let cycle: [(ItemFilter, String, String)] = [
            (.only("failed"), "failed", "only failed"), (.only("skipped"), "skipped", "only skipped"),
            (.only("processing"), "processing", "only processing"), (.only("pending"), "pending", "only pending"),
            (.only("completed"), "completed", "only completed"), (.only("cancelled"), "cancelled", "only cancelled"),
            (.failedFirst, "failed", "all, failed first"),
        ]
        for (step, (filter, status, label)) in cycle.enumerated() {
            let generation = step + 2
            let effects = Fixtures.press(.character("f"), on: &state)
            #expect(effects == [.loadItems(request(status, offset: 0, generation: generation))], "\(label)")
            #expect(state.detail?.filter == filter)
            #expect(state.detail?.filter.label == label)
            #expect(state.detail?.generation == generation)
            #expect(state.detail?.items == [])
            #expect(state.detail?.pastFailed == false)
        }
    }

    @Test func answersForAnOlderGenerationAreIgnored() {
        var state = stateOnFailedJob()
        Fixtures.press(.enter, .character("f"), on: &state)
        let current = request("failed", offset: 0, generation: 2)
        #expect(state.detail?.pending == current)
        let before = state
        let stale = request("failed", offset: 0, generation: 1)
        #expect(Reducer.reduce(&state, Fixtures.loaded(stale, Fixtures.files(7, status: "failed"), total: 7)) == [])
        #expect(Reducer.reduce(&state, .itemsLoaded(stale, .failure(ActionFailure(message: "HTTP 500")))) == [])
        #expect(state == before)
        // The current answer is applied.
        #expect(Reducer.reduce(&state, Fixtures.loaded(current, Fixtures.files(7, status: "failed"), total: 7)) == [])
        #expect(state.detail?.items.map(\.id) == Fixtures.files(7, status: "failed").map(\.id))
        #expect(state.detail?.pending == nil)
    }

    @Test func answersForAnotherJobAreIgnored() {
        var state = stateOnFailedJob()
        Fixtures.press(.enter, on: &state)
        let before = state
        let other = request("failed", offset: 0, jobID: "bjb-done-005")
        #expect(Reducer.reduce(&state, Fixtures.loaded(other, Fixtures.files(3, status: "failed"), total: 3)) == [])
        #expect(state == before)
    }

    @Test func answersAfterLeavingTheDetailAreIgnored() {
        var state = stateOnFailedJob()
        Fixtures.press(.enter, .escape, on: &state)
        let before = state
        #expect(Reducer.reduce(&state, Fixtures.loaded(request("failed", offset: 0), Fixtures.files(7, status: "failed"), total: 7)) == [])
        #expect(state == before)
        #expect(state.detail == nil)
    }

    /// 120 failed files in pages of 50: the next page is asked for when the cursor passes file 40 of 50 loaded, and
    /// only once while it is on its way.
    @Test func scrollingNearTheEndLoadsTheNextPage() {
        var state = stateOnFailedJob()
        Fixtures.press(.enter, on: &state)
        let first = Fixtures.press(.character("f"), on: &state)
        #expect(first == [.loadItems(request("failed", offset: 0, generation: 2))])
        let page1 = Reducer.reduce(
            &state, Fixtures.loaded(request("failed", offset: 0, generation: 2), Fixtures.files(50, status: "failed"), total: 120))
        #expect(page1 == [])
        for step in 1...40 {
            #expect(Fixtures.press(.down, on: &state) == [], "step \(step)")
        }
        #expect(state.detail?.selected == 40)
        #expect(state.detail?.scrollOffset == 34)
        let second = request("failed", offset: 50, generation: 2)
        #expect(Fixtures.press(.down, on: &state) == [.loadItems(second)])
        #expect(state.detail?.pending == second)
        #expect(Fixtures.press(.down, .character("G"), on: &state) == [])
        let page2 = Reducer.reduce(&state, Fixtures.loaded(second, Fixtures.files(50, status: "failed", from: 50), total: 120))
        #expect(page2 == [])
        #expect(state.detail?.items.count == 100)
        #expect(state.detail?.selected == 49)
        let third = request("failed", offset: 100, generation: 2)
        #expect(Fixtures.press(.character("G"), on: &state) == [.loadItems(third)])
        #expect(state.detail?.selected == 99)
        #expect(Reducer.reduce(&state, Fixtures.loaded(third, Fixtures.files(20, status: "failed", from: 100), total: 120)) == [])
        #expect(state.detail?.items.map(\.id) == Fixtures.files(120, status: "failed").map(\.id))
        #expect(state.detail?.isComplete == true)
        #expect(Fixtures.press(.character("G"), on: &state) == [])
        #expect(state.detail?.selected == 119)
        #expect(state.detail?.scrollOffset == 113)
    }

    /// Failed first: the 3 failed files, then the unfiltered listing from offset 0 without the failed files again.
    /// Offsets count the server's listing (failed files included), not the rows shown.
    @Test func failedFirstContinuesWithTheOtherFilesSkippingFailedOnes() {
        let job = TrackedJob(
            job: Job(
                id: "bjb-mixed-01", type: .parse, status: .running, totalItems: 120, processedItems: 60, failedItems: 3,
                createdAt: Fixtures.ago(60)),
            fetchedAt: Fixtures.ago(1))
        var state = Fixtures.state(width: 80, height: 24, snapshot: Fixtures.snapshot([job]))
        let failed = [
            FileItem(id: "item-004", name: "file-004.pdf", status: "failed", errorMessage: "bad page 4"),
            FileItem(id: "item-055", name: "file-055.pdf", status: "failed", errorMessage: "bad page 55"),
            FileItem(id: "item-110", name: "file-110.pdf", status: "failed", errorMessage: "bad page 110"),
        ]
        func listing(_ range: Range<Int>) -> [FileItem] {
            range.map { index in failed.first { $0.id == String(format: "item-%03d", index) } ?? Fixtures.files(1, status: "completed", from: index)[0] }
        }
        let open = Fixtures.press(.enter, on: &state)
        let failedRequest = request("failed", offset: 0, jobID: "bjb-mixed-01")
        #expect(open == [.loadRecordIDs(jobID: "bjb-mixed-01"), .loadItems(failedRequest)])

        // All 3 failed files fit the first page: 3 rows are fewer than the cursor needs, so the rest is asked for.
        let rest0 = request(nil, offset: 0, jobID: "bjb-mixed-01")
        #expect(Reducer.reduce(&state, Fixtures.loaded(failedRequest, failed, total: 3)) == [.loadItems(rest0)])
        #expect(state.detail?.pastFailed == true)
        #expect(state.detail?.failedTotal == 3)
        #expect(state.detail?.items.map(\.id) == ["item-004", "item-055", "item-110"])

        // Offsets 0–49 hold one failed file: 49 new rows.
        #expect(Reducer.reduce(&state, Fixtures.loaded(rest0, listing(0..<50), total: 120)) == [])
        #expect(state.detail?.items.count == 52)
        let rest50 = request(nil, offset: 50, jobID: "bjb-mixed-01")
        #expect(Fixtures.press(.character("G"), on: &state) == [.loadItems(rest50)])
        #expect(state.detail?.selected == 51)

        // Offsets 50–99 hold another: 49 more; the last 20 (one failed) come next.
        #expect(Reducer.reduce(&state, Fixtures.loaded(rest50, listing(50..<100), total: 120)) == [])
        let rest100 = request(nil, offset: 100, jobID: "bjb-mixed-01")
        #expect(Fixtures.press(.character("G"), on: &state) == [.loadItems(rest100)])
        #expect(Reducer.reduce(&state, Fixtures.loaded(rest100, listing(100..<120), total: 120)) == [])

        let ids = state.detail?.items.map(\.id) ?? []
        let others = (0..<120).map { String(format: "item-%03d", $0) }.filter { !["item-004", "item-055", "item-110"].contains($0) }
        #expect(ids == ["item-004", "item-055", "item-110"] + others)
        #expect(state.detail?.isComplete == true)
        #expect(state.detail?.items.filter { $0.status == "failed" }.count == 3)
    }

    @Test func aJobWithoutFailedFilesGoesStraightToTheFullListing() {
        var state = Fixtures.state(width: 80, height: 24)
        let open = Fixtures.press(.enter, on: &state)
        let failedRequest = request("failed", offset: 0, jobID: "bjb-run-000123456")
        #expect(open == [.loadRecordIDs(jobID: "bjb-run-000123456"), .loadItems(failedRequest)])
        let all = request(nil, offset: 0, jobID: "bjb-run-000123456")
        #expect(Reducer.reduce(&state, Fixtures.loaded(failedRequest, [], total: 0)) == [.loadItems(all)])
        #expect(Reducer.reduce(&state, Fixtures.loaded(all, Fixtures.files(4, status: "completed"), total: 4)) == [])
        #expect(state.detail?.items.map(\.id) == ["item-000", "item-001", "item-002", "item-003"])
        #expect(state.detail?.isComplete == true)
    }

    @Test func aLoadErrorIsShownAndTheNextMoveRetries() {
        var state = stateOnFailedJob()
        Fixtures.press(.enter, on: &state)
        let failedRequest = request("failed", offset: 0)
        let failure = Msg.itemsLoaded(failedRequest, .failure(ActionFailure(message: "HTTP 503: unavailable")))
        #expect(Reducer.reduce(&state, failure) == [])
        #expect(state.detail?.loadError == "HTTP 503: unavailable")
        #expect(state.detail?.pending == nil)
        #expect(Fixtures.press(.down, on: &state) == [.loadItems(failedRequest)])
        #expect(Reducer.reduce(&state, Fixtures.loaded(failedRequest, Fixtures.files(7, status: "failed"), total: 7)).count == 1)
        #expect(state.detail?.loadError == nil)
    }

    /// Esc, q, Backspace and ← go back to the table with the same row selected and the same scroll position.
    @Test(arguments: [Key.escape, .character("q"), .backspace, .left])
    func backReturnsToTheSamePlaceInTheTable(key: Key) {
        var state = Fixtures.state(width: 80, height: 24, snapshot: Fixtures.snapshot(Fixtures.manyJobs(40)))
        for _ in 0..<25 { Fixtures.press(.down, on: &state) }
        #expect(state.selectedID == "job-25")
        #expect(state.scrollOffset == 6)
        let table = state
        Fixtures.press(.enter, on: &state)
        let firstPage = request("failed", offset: 0, jobID: "job-25")
        _ = Reducer.reduce(&state, Fixtures.loaded(firstPage, Fixtures.files(20, status: "failed"), total: 20))
        Fixtures.press(.down, .down, .down, on: &state)
        #expect(state.detail?.selected == 3)
        #expect(Fixtures.press(key, on: &state) == [])
        #expect(state.detail == nil)
        #expect(state.selectedID == "job-25")
        #expect(state.scrollOffset == 6)
        var expected = table
        expected.detailGeneration += 1
        #expect(state == expected)
    }

    @Test func theWheelMovesTheFileCursorByThree() {
        var state = stateOnFailedJob()
        Fixtures.press(.enter, on: &state)
        _ = Reducer.reduce(&state, Fixtures.loaded(request("failed", offset: 0), Fixtures.files(7, status: "failed"), total: 7))
        Fixtures.press(.wheel(1), on: &state)
        #expect(state.detail?.selected == 3)
        Fixtures.press(.wheel(-2), on: &state)
        #expect(state.detail?.selected == 0)
        #expect(state.selectedID == Self.failedJobID)
    }

    @Test func aClickInTheDetailChangesNothing() {
        var state = stateOnFailedJob()
        Fixtures.press(.enter, on: &state)
        let before = state
        #expect(Fixtures.press(.click(x: 5, y: 4), on: &state) == [])
        #expect(state == before)
    }
}

/// A job that claims endless files cannot make the detail view grow without bound.
@Suite struct DetailFileLimitTests {
    @Test("paging stops at maximumLoadedFiles even when the server claims Int.max files, and the title says so")
    func pagingStopsAtTheLimit() throws {
        var detail = DetailState(jobID: "bjb-endless")
        detail.pastFailed = true
        var pages = 0
        while let request = detail.nextRequest {
            let files = Fixtures.files(request.limit, status: "completed", from: request.offset)
            detail.apply(FileItemPage(items: files, totalSize: Int.max, offset: request.offset), for: request)
            pages += 1
            try #require(pages <= DetailState.maximumLoadedFiles / DetailState.pageSize + 1, "paging did not stop")
        }
        #expect(detail.items.count == DetailState.maximumLoadedFiles)
        #expect(detail.isAtLimit && !detail.isComplete)
        var state = Fixtures.state(width: 160, height: 24)
        _ = Fixtures.press(.enter, on: &state)
        detail.jobID = state.selectedID ?? ""
        state.detail = detail
        let text = Fixtures.text(Fixtures.render(state))
        #expect(text.contains("20000 loaded") && text.contains("keeps at most 20000"), "\(text)")
    }
}

/// A job pruned from the listing while its detail is open keeps showing its last data, marked as such.
@Suite struct DetailOfDroppedJobTests {
    @Test("the detail of a job that disappears from the snapshot shows its last data and says it was dropped")
    func droppedJobKeepsItsLastData() throws {
        var state = Fixtures.state(width: 120, height: 30)
        Fixtures.press(.down, .down, .down, on: &state)
        let id = try #require(state.selectedID)
        _ = Fixtures.press(.enter, on: &state)
        let before = Fixtures.text(Fixtures.render(state))
        #expect(!before.contains("dropped from the listing"))
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot(Fixtures.jobs.filter { $0.id != id })))
        let after = Fixtures.render(state)
        #expect(after.lines[0].contains(id) && after.lines[0].contains("dropped from the listing"), "\(after.lines[0])")
        let lines = Fixtures.text(after)
        #expect(lines.contains("total_items") && !lines.contains("unknown"), "\(lines)")
    }
}
