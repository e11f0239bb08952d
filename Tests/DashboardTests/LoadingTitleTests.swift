import Dashboard
import Foundation
import JobMonitor
import Testing
import TerminalUI

@Suite struct LoadingTitleTests {
    @Test("while the first listing pages in, the title says how many jobs arrived and how many there are")
    func loadingCountInTitle() {
        var snapshot = Fixtures.snapshot()
        snapshot.loading = LoadingProgress(loaded: 12_300, total: 100_000)
        let title = Fixtures.render(Fixtures.state(snapshot: snapshot)).lines[0]
        #expect(title.hasPrefix(" batchtop · demo · loading 12,300 of 100,000 jobs…"))
        #expect(!title.contains("6 jobs"))
    }

    @Test("without a total, or in ASCII, the title still says loading")
    func loadingWithoutTotal() {
        var snapshot = Fixtures.snapshot()
        snapshot.loading = LoadingProgress(loaded: 950, total: nil)
        #expect(Fixtures.render(Fixtures.state(snapshot: snapshot)).lines[0].hasPrefix(" batchtop · demo · loading 950 jobs…"))
        snapshot.loading = LoadingProgress(loaded: 1_000_000, total: 1_000_000)
        let ascii = Fixtures.render(Fixtures.state(glyphs: .ascii, snapshot: snapshot)).lines[0]
        #expect(ascii.contains("loading 1,000,000 jobs~"))
    }

    @Test("once the listing completed, the title counts the jobs again")
    func completeListingCountsJobs() {
        #expect(Fixtures.render(Fixtures.state()).lines[0].hasPrefix(" batchtop · demo · 6 jobs"))
    }
}
