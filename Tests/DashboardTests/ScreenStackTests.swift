import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// The screen stack's shape: the table at the bottom for good, at most one detail, the filter input only over the
/// table, overlays on top of anything but another overlay.
@Suite struct ScreenStackInvariantTests {
    private static let detail = DetailState(jobID: "job-a", generation: 1)

    private static func stack(_ layers: ScreenStack.Layer...) -> ScreenStack {
        var stack = ScreenStack()
        for layer in layers {
            let pushed = stack.push(layer)
            #expect(pushed, "\(layer)")
        }
        return stack
    }

    @Test func theTableIsTheBaseAndCannotBePopped() {
        var stack = ScreenStack()
        #expect(stack.layers == [.table])
        #expect(stack.top == .table)
        let tablePopped = stack.pop()
        #expect(tablePopped == nil)
        #expect(stack.layers == [.table])
        let tablePushed = stack.push(.table)
        #expect(!tablePushed)
        #expect(stack.layers == [.table])
    }

    @Test func popRemovesOnlyTheTopAndStopsAtTheTable() {
        var stack = Self.stack(.detail(Self.detail), .help)
        let helpPopped = stack.pop()
        #expect(helpPopped == .help)
        #expect(stack.top == .detail(Self.detail))
        let detailPopped = stack.pop()
        #expect(detailPopped == .detail(Self.detail))
        let nothingPopped = stack.pop()
        #expect(nothingPopped == nil)
        #expect(stack.layers == [.table])
    }

    @Test func atMostOneDetail() {
        var stack = Self.stack(.detail(Self.detail))
        let other = DetailState(jobID: "job-b", generation: 2)
        #expect(!stack.canPush(.detail(other)))
        let secondDetail = stack.push(.detail(other))
        #expect(!secondDetail)
        let help = stack.push(.help)
        #expect(help)
        let detailOverHelp = stack.push(.detail(other))
        #expect(!detailOverHelp)
        #expect(stack.layers == [.table, .detail(Self.detail), .help])
    }

    /// Help and the confirmation go on top of the table, the filter input or the detail, never on each other.
    @Test(arguments: [[], [ScreenStack.Layer.filterInput], [.detail(DetailState(jobID: "job-a", generation: 1))]])
    func overlaysSitOnTopOfWhateverIsBelow(below: [ScreenStack.Layer]) {
        for overlay: ScreenStack.Layer in [.help, .confirmCancel(jobID: "job-a")] {
            var stack = ScreenStack()
            for layer in below { stack.push(layer) }
            let overlayPushed = stack.push(overlay)
            #expect(overlayPushed)
            #expect(stack.layers == [.table] + below + [overlay])
            #expect(stack.top == overlay)
            let helpOverOverlay = stack.push(.help)
            #expect(!helpOverOverlay)
            let confirmationOverOverlay = stack.push(.confirmCancel(jobID: "job-b"))
            #expect(!confirmationOverOverlay)
            #expect(stack.layers == [.table] + below + [overlay])
        }
    }

    /// The filter input edits the table: it never goes over the detail or an overlay, and no detail opens over it.
    @Test func theFilterInputLivesOnTheTable() {
        #expect(ScreenStack().canPush(.filterInput))
        #expect(!Self.stack(.detail(Self.detail)).canPush(.filterInput))
        #expect(!Self.stack(.help).canPush(.filterInput))
        #expect(!Self.stack(.confirmCancel(jobID: "job-a")).canPush(.filterInput))
        #expect(!Self.stack(.filterInput).canPush(.filterInput))
        #expect(!Self.stack(.filterInput).canPush(.detail(Self.detail)))
    }

    @Test func theDetailIsReachedAndChangedWhereverItIs() {
        var stack = Self.stack(.detail(Self.detail), .confirmCancel(jobID: "job-a"))
        #expect(stack.detail == Self.detail)
        #expect(stack.confirmingCancel == "job-a")
        stack.detail?.selected = 7
        #expect(stack.layers.count == 3)
        #expect(stack.detail?.selected == 7)
        #expect(stack.top == .confirmCancel(jobID: "job-a"))
    }

    @Test func settingTheDetailToNilClosesItAndEverythingAbove() {
        var stack = Self.stack(.detail(Self.detail), .help)
        stack.detail = nil
        #expect(stack.layers == [.table])
        var table = Self.stack(.help)
        table.detail = nil
        #expect(table.layers == [.table, .help])
    }

    @Test func settingADetailWhenNoneIsOpenPutsItDirectlyOverTheTable() {
        var stack = Self.stack(.filterInput)
        stack.detail = Self.detail
        #expect(stack.layers == [.table, .detail(Self.detail)])
    }

    /// A screen (table, detail) covers everything below it: drawing starts there.
    @Test func visibleLayersStartAtTheTopmostScreen() {
        #expect(Array(ScreenStack().visibleLayers) == [.table])
        #expect(Array(Self.stack(.filterInput).visibleLayers) == [.table, .filterInput])
        #expect(Array(Self.stack(.help).visibleLayers) == [.table, .help])
        #expect(Array(Self.stack(.detail(Self.detail), .help).visibleLayers) == [.detail(Self.detail), .help])
    }
}

/// Keys go to the top layer of the stack only.
@Suite struct ScreenStackRoutingTests {
    /// The fixture table at 120×24 with the detail of the selected job (`row` of the table) open.
    private static func detail(row: Int = 0) -> AppState {
        var state = Fixtures.state(width: 120, height: 24)
        for _ in 0..<row { Fixtures.press(.down, on: &state) }
        Fixtures.press(.enter, on: &state)
        return state
    }

    private static func isDetail(_ layer: ScreenStack.Layer?) -> Bool {
        if case .detail = layer { return true }
        return false
    }

    @Test func qWithTheHelpOverTheTableClosesTheHelpAndDoesNotQuit() {
        var state = Fixtures.state()
        Fixtures.press(.character("?"), on: &state)
        #expect(state.screens.top == .help)
        #expect(Fixtures.press(.character("q"), on: &state) == [])
        #expect(state.screens.layers == [.table])
    }

    /// q in the detail would go back to the table: with the help over it, q only closes the help.
    @Test func qWithTheHelpOverTheDetailClosesOnlyTheHelp() {
        var state = Self.detail()
        let detail = state.detail
        Fixtures.press(.character("?"), on: &state)
        #expect(state.screens.layers.count == 3)
        #expect(Fixtures.press(.character("q"), on: &state) == [])
        #expect(state.screens.layers.count == 2)
        #expect(Self.isDetail(state.screens.top))
        #expect(state.detail == detail)
    }

    /// The detail shows the pending job while the table's selection has moved on (as a snapshot can do): `y`
    /// cancels the detail's job, and the dialog closes back to the detail.
    @Test func yWithTheConfirmationOverTheDetailCancelsTheDetailsJob() {
        var state = Self.detail(row: 1)
        #expect(state.detail?.jobID == Fixtures.ID.pend)
        state.selectedID = Fixtures.ID.thr
        Fixtures.press(.character("c"), on: &state)
        #expect(state.screens.top == .confirmCancel(jobID: Fixtures.ID.pend))
        #expect(Fixtures.press(.character("y"), on: &state) == [.cancel(jobID: Fixtures.ID.pend)])
        #expect(state.screens.layers.count == 2)
        #expect(state.detail?.jobID == Fixtures.ID.pend)
    }

    /// Moving keys and the wheel go to the dialog (which ignores them), not to the detail's file cursor below it.
    @Test func keysUnderTheConfirmationDoNotReachTheDetail() {
        var state = Self.detail()
        _ = Reducer.reduce(&state, Fixtures.loaded(Fixtures.itemRequest(
            jobID: Fixtures.ID.run, status: "failed", offset: 0, generation: 1), Fixtures.files(5, status: "failed"), total: 5))
        Fixtures.press(.character("c"), on: &state)
        let before = state
        Fixtures.press(.down, .character("j"), .wheel(2), .character("f"), on: &state)
        #expect(state == before)
        #expect(state.detail?.selected == 0)
    }

    @Test func escFromTheFilterInputLeavesOnlyTheFilterLayer() {
        var state = Fixtures.state()
        Fixtures.press(.down, .character("/"), on: &state)
        Fixtures.type("pend", on: &state)
        #expect(state.screens.layers == [.table, .filterInput])
        #expect(Fixtures.press(.escape, on: &state) == [])
        #expect(state.screens.layers == [.table])
        #expect(state.filter == "")
        #expect(state.selectedID == Fixtures.ID.pend)
        // The table has the keys again: Esc there does nothing more, j moves.
        #expect(Fixtures.press(.escape, .character("j"), on: &state) == [])
        #expect(state.selectedID == Fixtures.ID.thr)
    }

    @Test func enterFromTheFilterInputKeepsTheFilterAndGivesTheKeysToTheTable() {
        var state = Fixtures.state()
        Fixtures.press(.character("/"), on: &state)
        Fixtures.type("pa", on: &state)
        Fixtures.press(.enter, on: &state)
        #expect(state.screens.layers == [.table])
        #expect(state.filter == "pa")
        Fixtures.press(.enter, on: &state)
        #expect(state.detail?.jobID == Fixtures.ID.run)
    }

    /// A snapshot updates the detail even while an overlay covers it.
    @Test func aSnapshotUpdatesTheDetailUnderTheHelp() {
        var state = Self.detail()
        Fixtures.press(.character("?"), on: &state)
        #expect(state.detail?.lastSeen == nil)
        _ = Reducer.reduce(&state, .snapshot(Fixtures.snapshot()))
        #expect(state.detail?.lastSeen?.id == Fixtures.ID.run)
        #expect(state.screens.top == .help)
    }

    @Test func escInTheDetailReturnsToTheTableAsItWas() {
        var state = Fixtures.state(width: 80, height: 12, snapshot: Fixtures.snapshot(Fixtures.manyJobs(20)))
        Fixtures.press(.pageDown, .pageDown, on: &state)
        let table = state
        Fixtures.press(.enter, on: &state)
        #expect(Self.isDetail(state.screens.top))
        Fixtures.press(.escape, on: &state)
        #expect(state.screens.layers == [.table])
        #expect(state.selectedID == table.selectedID)
        #expect(state.scrollOffset == table.scrollOffset)
    }
}

/// Rendering draws the visible layers bottom to top.
@Suite struct ScreenStackRenderTests {
    private static func detail() -> AppState {
        var state = Fixtures.state(width: 120, height: 24)
        Fixtures.press(.enter, on: &state)
        return state
    }

    @Test func helpOverTheDetailIsTheHelpBoxOverTheDetailScreen() {
        var state = Self.detail()
        var expected = Fixtures.render(state)
        HelpOverlay.draw(keyMaps: [.table, .detail], glyphs: state.glyphs, theme: .defaultDark, into: &expected)
        Fixtures.press(.character("?"), on: &state)
        let rendered = Fixtures.render(state)
        #expect(rendered.lines == expected.lines)
        #expect(rendered.lines[0].hasPrefix(" \(Fixtures.ID.run) "))
        // The help is not the whole story: over the table the same box has the table around it.
        var table = Fixtures.state(width: 120, height: 24)
        Fixtures.press(.character("?"), on: &table)
        #expect(Fixtures.render(table).lines != rendered.lines)
        #expect(Fixtures.render(table).lines[0].hasPrefix(" batchtop "))
    }

    @Test func theConfirmationOverTheDetailIsTheDialogOverTheDetailScreen() {
        var state = Self.detail()
        var expected = Fixtures.render(state)
        let job = state.job(id: Fixtures.ID.run) ?? .placeholder(id: Fixtures.ID.run)
        CancelDialog.draw(job, glyphs: state.glyphs, theme: .defaultDark, into: &expected)
        Fixtures.press(.character("c"), on: &state)
        #expect(Fixtures.render(state).lines == expected.lines)
        #expect(Fixtures.render(state).lines.contains { $0.contains("Cancel this job?") })
    }

    /// The filter input replaces only the footer of the table below it.
    @Test func theFilterInputIsTheTableWithTheInputLine() {
        var state = Fixtures.state()
        let table = Fixtures.render(state).lines
        Fixtures.press(.character("/"), on: &state)
        let rendered = Fixtures.render(state).lines
        #expect(rendered.dropLast() == table.dropLast())
        #expect(rendered[11].hasPrefix(" filter: ▏"))
        #expect(table[11] != rendered[11])
    }

    /// Each layer is drawn by `DashboardView.draw` over the ones below.
    @Test func renderIsEachVisibleLayerInTurn() {
        var state = Self.detail()
        Fixtures.press(.character("?"), on: &state)
        var expected = Buffer(width: 120, height: 24)
        expected.fill(expected.area, style: Theme.defaultDark.text)
        for layer in state.screens.layers.dropFirst() {
            DashboardView.draw(layer, of: state, theme: .defaultDark, into: &expected)
        }
        #expect(Fixtures.render(state).lines == expected.lines)
    }
}
