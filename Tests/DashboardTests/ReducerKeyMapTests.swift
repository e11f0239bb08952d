import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

/// Every key of both key maps, driven from the key maps themselves: a new binding fails `…BindingsAreExactly…` until
/// it is listed here, and a new action fails `every…KeyDoesWhatItsBindingSays` until `expected…` says what it does.
@Suite struct ReducerKeyMapTests {
    /// 20 running jobs at 80×12 (8 body rows, a page is 7); `job-10` selected, scrolled by 3; the filter `job`
    /// (matching every job) is kept, so Esc has something to clear.
    private static func tableState() -> AppState {
        var state = Fixtures.state(width: 80, height: 12, snapshot: Fixtures.snapshot(Fixtures.manyJobs(20)))
        state.filter = "job"
        state.selectedID = "job-10"
        state.scrollOffset = 3
        return state
    }

    /// 40 jobs at 80×24 (the table scrolled by 10 with `job-25` selected) and the detail of `job-25`: 30 failed files
    /// all loaded (`only failed`), cursor on file 10 with the list scrolled by 4 (7 file rows, a page is 6).
    private static func detailState() -> AppState {
        var state = Fixtures.state(width: 80, height: 24, snapshot: Fixtures.snapshot(Fixtures.manyJobs(40)))
        state.selectedID = "job-25"
        state.scrollOffset = 10
        state.detailGeneration = 3
        var detail = DetailState(jobID: "job-25", filter: .only("failed"), generation: 3)
        detail.items = Fixtures.files(30, status: "failed")
        detail.listingTotal = 30
        detail.nextOffset = 30
        detail.failedTotal = 30
        detail.selected = 10
        detail.scrollOffset = 4
        state.detail = detail
        return state
    }

    private static func selecting(_ state: AppState, _ index: Int, scroll: Int) -> AppState {
        var state = state
        state.selectedID = String(format: "job-%02d", index)
        state.scrollOffset = scroll
        return state
    }

    private static func cursor(_ state: AppState, _ selected: Int, scroll: Int) -> AppState {
        var state = state
        state.detail?.selected = selected
        state.detail?.scrollOffset = scroll
        return state
    }

    private typealias Outcome = (state: AppState, effects: [Effect])

    /// What a key bound to each action must do to `tableState()` (a new action without an entry fails the test).
    private static func expectedTable(from before: AppState) -> [Action: Outcome] {
        func changed(_ change: (inout AppState) -> Void) -> AppState {
            var state = before
            change(&state)
            return state
        }
        let request = Fixtures.itemRequest(jobID: "job-10", status: "failed", offset: 0, generation: 1)
        return [
            .moveUp: (selecting(before, 9, scroll: 3), []),
            .moveDown: (selecting(before, 11, scroll: 4), []),
            .pageUp: (selecting(before, 3, scroll: 3), []),
            .pageDown: (selecting(before, 17, scroll: 10), []),
            .top: (selecting(before, 0, scroll: 0), []),
            .bottom: (selecting(before, 19, scroll: 12), []),
            .openDetail: (
                changed {
                    $0.detailGeneration = 1
                    $0.detail = DetailState(jobID: "job-10", generation: 1)
                    $0.detail?.pending = request
                }, [.loadRecordIDs(jobID: "job-10"), .loadItems(request)]
            ),
            .back: (changed { $0.filter = "" }, []),
            .startFilter: (changed { $0.screens.push(.filterInput) }, []),
            .cycleSort: (changed { $0.sort = SortOrder(key: .status) }, []),
            .reverseSort: (changed { $0.sort = SortOrder(key: .standard, reversed: true) }, []),
            .cancelJob: (changed { $0.screens.push(.confirmCancel(jobID: "job-10")) }, []),
            .togglePause: (
                changed {
                    $0.isPaused = true
                    $0.statusMessage = "polling paused (p resumes)"
                }, [.setPaused(true)]
            ),
            .refresh: (changed { $0.statusMessage = "refreshing…" }, [.refresh]),
            .cycleTheme: (before, [.cycleTheme]),
            .help: (changed { $0.screens.push(.help) }, []),
            .quit: (before, [.quit]),
            .copyID: (
                changed { $0.statusMessage = "copied job-10 (OSC 52; if your terminal does not take it, select the ID here)" },
                [.terminal(.clipboard("job-10"))]
            ),
        ]
    }

    /// What a key bound to each action must do to `detailState()` (a new action without an entry fails the test).
    private static func expectedDetail(from before: AppState) -> [Action: Outcome] {
        func changed(_ change: (inout AppState) -> Void) -> AppState {
            var state = before
            change(&state)
            return state
        }
        let request = Fixtures.itemRequest(jobID: "job-25", status: "skipped", offset: 0, generation: 4)
        return [
            .moveUp: (cursor(before, 9, scroll: 4), []),
            .moveDown: (cursor(before, 11, scroll: 5), []),
            .pageUp: (cursor(before, 4, scroll: 4), []),
            .pageDown: (cursor(before, 16, scroll: 10), []),
            .top: (cursor(before, 0, scroll: 0), []),
            .bottom: (cursor(before, 29, scroll: 23), []),
            .cycleItemFilter: (
                changed {
                    $0.detailGeneration = 4
                    $0.detail = DetailState(jobID: "job-25", filter: .only("skipped"), generation: 4)
                    $0.detail?.pending = request
                }, [.loadItems(request)]
            ),
            .back: (changed { $0.detail = nil }, []),
            .cancelJob: (changed { $0.screens.push(.confirmCancel(jobID: "job-25")) }, []),
            .togglePause: (
                changed {
                    $0.isPaused = true
                    $0.statusMessage = "polling paused (p resumes)"
                }, [.setPaused(true)]
            ),
            .refresh: (changed { $0.statusMessage = "refreshing…" }, [.refresh]),
            .cycleTheme: (before, [.cycleTheme]),
            .help: (changed { $0.screens.push(.help) }, []),
            .quit: (before, [.quit]),
            .copyID: (
                changed { $0.statusMessage = "copied job-25 (OSC 52; if your terminal does not take it, select the ID here)" },
                [.terminal(.clipboard("job-25"))]
            ),
        ]
    }

    private static func keyActions(_ keyMap: KeyMap) -> [String] {
        keyMap.bindings.flatMap { binding in binding.keys.map { "\($0) → \(binding.action)" } }
    }

    @Test func tableBindingsAreExactlyTheTestedOnes() {
        #expect(
            Self.keyActions(.table) == [
                "up → moveUp", "character(\"k\") → moveUp", "down → moveDown", "character(\"j\") → moveDown",
                "pageUp → pageUp", "pageDown → pageDown", "home → top", "character(\"g\") → top", "end → bottom",
                "character(\"G\") → bottom", "enter → openDetail", "character(\"/\") → startFilter", "escape → back",
                "character(\"s\") → cycleSort", "character(\"S\") → reverseSort", "character(\"c\") → cancelJob",
                "character(\"p\") → togglePause", "character(\"r\") → refresh", "character(\"t\") → cycleTheme", "character(\"y\") → copyID", "character(\"?\") → help",
                "character(\"q\") → quit", "control(\"c\") → quit",
            ])
    }

    @Test func detailBindingsAreExactlyTheTestedOnes() {
        #expect(
            Self.keyActions(.detail) == [
                "up → moveUp", "character(\"k\") → moveUp", "down → moveDown", "character(\"j\") → moveDown",
                "pageUp → pageUp", "pageDown → pageDown", "home → top", "character(\"g\") → top", "end → bottom",
                "character(\"G\") → bottom", "character(\"f\") → cycleItemFilter", "character(\"c\") → cancelJob",
                "character(\"p\") → togglePause", "character(\"r\") → refresh", "character(\"t\") → cycleTheme", "character(\"y\") → copyID", "character(\"?\") → help",
                "escape → back", "character(\"q\") → back", "backspace → back", "left → back", "control(\"c\") → quit",
            ])
    }

    @Test(arguments: [KeyMap.table, KeyMap.detail])
    func noKeyIsBoundTwice(keyMap: KeyMap) {
        let keys = keyMap.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count, "\(keyMap.title)")
    }

    @Test func everyTableKeyDoesWhatItsBindingSays() {
        let before = Self.tableState()
        #expect(before.rows.count == 20)
        #expect(before.visibleRowCount == 8)
        let expected = Self.expectedTable(from: before)
        for binding in KeyMap.table.bindings {
            guard let outcome = expected[binding.action] else {
                Issue.record("no expectation for \(binding.action)")
                continue
            }
            for key in binding.keys {
                var state = before
                let effects = Reducer.reduce(&state, .key(key))
                #expect(effects == outcome.effects, "\(key) → \(binding.action)")
                #expect(state == outcome.state, "\(key) → \(binding.action)")
            }
        }
    }

    @Test func everyDetailKeyDoesWhatItsBindingSays() {
        let before = Self.detailState()
        #expect(DetailLayout(size: before.size).itemRows == 7)
        let expected = Self.expectedDetail(from: before)
        for binding in KeyMap.detail.bindings {
            guard let outcome = expected[binding.action] else {
                Issue.record("no expectation for \(binding.action)")
                continue
            }
            for key in binding.keys {
                var state = before
                let effects = Reducer.reduce(&state, .key(key))
                #expect(effects == outcome.effects, "\(key) → \(binding.action)")
                #expect(state == outcome.state, "\(key) → \(binding.action)")
            }
        }
    }

    /// Table-only keys do nothing in the detail screen (and do not reach the table behind it).
    @Test func tableOnlyKeysAreIgnoredInTheDetail() {
        let before = Self.detailState()
        for key: Key in [.enter, .character("/"), .character("s"), .character("S"), .tab] {
            #expect(KeyMap.detail.action(for: key) == nil, "\(key)")
            var state = before
            #expect(Reducer.reduce(&state, .key(key)) == [], "\(key)")
            #expect(state == before, "\(key)")
        }
    }
}
