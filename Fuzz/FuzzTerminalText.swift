// libFuzzer target: any bytes (as UTF-8, invalid sequences repaired) through the sanitiser and into a buffer. The
// result must hold no control character, be unchanged by a second pass, and fit the buffer. Built by scripts/fuzz.sh
// together with the TerminalUI sources.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTerminalText(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let clean = TerminalText.sanitize(text)
    for scalar in clean.unicodeScalars where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
        fatalError("control U+\(String(scalar.value, radix: 16)) survived sanitising")
    }
    if TerminalText.sanitize(clean) != clean { fatalError("sanitising is not idempotent") }
    var buffer = Buffer(width: 17, height: 2)
    buffer.write(text, x: 0, y: 0)
    buffer.write(text, in: Rect(x: 3, y: 1, width: 9, height: 1))
    if buffer.cells.count != 34 { fatalError("cells outside the buffer") }
    return 0
}
