#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// The text C's `printf` family makes of `format` and `arguments` (e.g. `String(cFormat: "%.1f", 2.25)` is
    /// "2.2"): what Foundation's `String(format:)` did for the dashboard's numbers, without linking Foundation.
    /// Arguments must be C values (`Double`, `Int`, `Int32`, `UInt`…), not Swift strings.
    public init(cFormat format: String, _ arguments: any CVarArg...) {
        self = Self.printed(format, arguments)
    }

    /// `vsnprintf` into a buffer of the right size: a first pass measures (it writes nothing into a zero-length
    /// buffer), the second writes.
    private static func printed(_ format: String, _ arguments: [any CVarArg]) -> String {
        let length = withVaList(arguments) { vsnprintf(nil, 0, format, $0) }
        guard length > 0 else { return "" }
        return withVaList(arguments) { list in
            String(unsafeUninitializedCapacity: Int(length) + 1) { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                let written = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    vsnprintf($0, buffer.count, format, list)
                }
                return Swift.max(0, Swift.min(Int(written), buffer.count - 1))
            }
        }
    }
}
