import Foundation
import JobMonitor
import TerminalUI

/// The whole screen: the table or the detail screen, the footer, and any overlay (help, cancel confirmation).
public enum DashboardView {
    /// Smallest terminal the dashboard draws in; below it a message says how large it must be.
    public static let minimumSize = TerminalSize(width: 40, height: 10)

    /// Renders the state into a buffer of the terminal's size. Pure: no I/O, no sorting.
    public static func render(_ state: AppState, theme: Theme, secondsFromGMT: Int = 0, into buffer: inout Buffer) {
        buffer.fill(buffer.area, style: theme.text)
        buffer.markStyle = theme.alert
        guard buffer.width >= minimumSize.width, buffer.height >= minimumSize.height else {
            drawTooSmall(buffer.width, buffer.height, theme: theme, into: &buffer)
            return
        }
        let keyMap: KeyMap
        if let detail = state.detail {
            DetailScreen.render(state, detail: detail, theme: theme, secondsFromGMT: secondsFromGMT, into: &buffer)
            keyMap = .detail
        } else {
            TableScreen.render(state, theme: theme, secondsFromGMT: secondsFromGMT, into: &buffer)
            keyMap = .table
        }
        Footer.draw(state, keyMap: keyMap, theme: theme, into: &buffer)
        if let jobID = state.confirmingCancel {
            CancelDialog.draw(state.job(id: jobID) ?? .placeholder(id: jobID), glyphs: state.glyphs, theme: theme, into: &buffer)
        }
        if state.showsHelp {
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
