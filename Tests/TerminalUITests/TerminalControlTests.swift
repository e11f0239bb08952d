import Foundation
import TerminalUI
import Testing

/// The exact bytes of each terminal control, and that server text inside them cannot escape its field.
@Suite struct TerminalControlTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("OSC 52 carries the text base64-encoded, inside tmux too")
    func clipboard() {
        let expected = "\u{1B}]52;c;" + Data("bjb-1234\u{1B}[2J".utf8).base64EncodedString() + "\u{07}"
        #expect(text(TerminalControl.clipboard("bjb-1234\u{1B}[2J").bytes(insideTmux: false)) == expected)
        #expect(text(TerminalControl.clipboard("bjb-1234\u{1B}[2J").bytes(insideTmux: true)) == expected)
        #expect(TerminalControl.bell.bytes(insideTmux: true) == [0x07])
    }

    @Test("OSC 9 and OSC 777 with sanitised fields; wrapped for tmux's passthrough inside tmux")
    func notification() {
        let control = TerminalControl.notification(title: "batchtop", body: "✘ bjb-a failed\u{07}\u{1B}]0;x;y")
        let body = "✘ bjb-a failed␇␛]0,x,y"
        #expect(text(control.bytes(insideTmux: false))
            == "\u{1B}]9;batchtop: \(body)\u{07}\u{1B}]777;notify;batchtop;\(body)\u{07}")
        #expect(text(control.bytes(insideTmux: true))
            == "\u{1B}Ptmux;\u{1B}\u{1B}]9;batchtop: \(body)\u{07}\u{1B}\\"
            + "\u{1B}Ptmux;\u{1B}\u{1B}]777;notify;batchtop;\(body)\u{07}\u{1B}\\")
    }
}
