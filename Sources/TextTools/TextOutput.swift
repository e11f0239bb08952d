#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text written straight to a file descriptor (standard output, standard error, a log file): what
/// `FileHandle.write` did, without linking Foundation.
public enum TextOutput {
    /// Writes `text` to standard output.
    public static func standardOutput(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// Writes `text` to standard error.
    public static func standardError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text`'s UTF-8 bytes to `descriptor` (again after a partial write or an interrupted one); false
    /// when the descriptor failed first (e.g. a closed pipe or a full disk).
    @discardableResult
    public static func write(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard var next = bytes.baseAddress else { return true }
            var left = bytes.count
            while left > 0 {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, next, left)
                #else
                let written = Darwin.write(descriptor, next, left)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                left -= written
                next += written
            }
            return true
        }
    }
}
