import FoundationEssentials
import JobMonitor
import TerminalUI

/// The whole screen: the layers of the screen stack drawn bottom to top (the table or the detail screen with its
/// footer, then the filter input line or an overlay: help, cancel confirmation).
public enum DashboardView {
    /// Smallest terminal the dashboard draws in; below it a message says how large it must be.
    public static let minimumSize = TerminalSize(width: 40, height: 10)

    /// Renders the state into a buffer of the terminal's size: each visible layer, bottom to top (a screen hides the
    /// layers below it, so those are skipped). Pure: no I/O, no sorting.
    public static func render(_ state: AppState, theme: Theme, secondsFromGMT: Int = 0, into buffer: inout Buffer) {
        buffer.fill(buffer.area, style: theme.text)
        buffer.markStyle = theme.alert
        guard buffer.width >= minimumSize.width, buffer.height >= minimumSize.height else {
            drawTooSmall(buffer.width, buffer.height, theme: theme, into: &buffer)
            return
        }
        for layer in state.screens.visibleLayers {
            draw(layer, of: state, theme: theme, secondsFromGMT: secondsFromGMT, into: &buffer)
        }
    }

    /// Draws one layer of the screen stack over what the layers below it drew: a screen (table, detail) with its
    /// footer, the filter input line, or an overlay box.
    public static func draw(
        _ layer: ScreenStack.Layer, of state: AppState, theme: Theme, secondsFromGMT: Int = 0, into buffer: inout Buffer
    ) {
        switch layer {
        case .table:
            TableScreen.render(state, theme: theme, secondsFromGMT: secondsFromGMT, into: &buffer)
            Footer.draw(state, keyMap: .table, showsPosition: true, theme: theme, into: &buffer)
        case .detail(let detail):
            DetailScreen.render(state, detail: detail, theme: theme, secondsFromGMT: secondsFromGMT, into: &buffer)
            Footer.draw(state, keyMap: .detail, showsPosition: false, theme: theme, into: &buffer)
        case .filterInput:
            Footer.drawFilterInput(state, theme: theme, into: &buffer)
        case .confirmCancel(let jobID):
            CancelDialog.draw(state.job(id: jobID) ?? .placeholder(id: jobID), glyphs: state.glyphs, theme: theme, into: &buffer)
        case .help:
            HelpOverlay.draw(keyMaps: [.table, .detail], glyphs: state.glyphs, theme: theme, into: &buffer)
        }
    }

    private static func drawTooSmall(_ width: Int, _ height: Int, theme: Theme, into buffer: inout Buffer) {
        let message = "Terminal too small: need \(minimumSize.width)x\(minimumSize.height), have \(width)x\(height)"
        var remaining = Substring(message)
        var row = 0
        while !remaining.isEmpty, row < buffer.height, buffer.width > 0 {
            buffer.write(String(remaining.prefix(buffer.width)), x: 0, y: row, style: theme.alert)
            remaining = remaining.dropFirst(buffer.width)
            row += 1
        }
    }
}
