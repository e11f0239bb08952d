#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import TextTools

/// Finds the API key: `--api-key-file`, then `$LLAMA_CLOUD_API_KEY`, then `$LLAMA_PARSE_API_KEY`.
enum Credentials {
    /// Why no key could be found, with what to do about it.
    struct MissingKey: Error, CustomStringConvertible {
        let description: String
    }

    /// The key, trimmed of surrounding whitespace; throws a message that never contains the key itself.
    static func apiKey(file: String?, environment: [String: String]) throws(MissingKey) -> String {
        if let file {
            if let problem = permissionProblem(file: file) { throw MissingKey(description: problem) }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw MissingKey(description: "batchtop: cannot read the API key file '\(file)'")
            }
            let key = String(decoding: data, as: UTF8.self).trimmingWhitespaceAndNewlines()
            guard !key.isEmpty else { throw MissingKey(description: "batchtop: the API key file '\(file)' is empty") }
            guard !key.contains(where: { $0.isNewline || $0.isWhitespace }) else {
                throw MissingKey(description: "batchtop: the API key file '\(file)' must hold only the key, on one line")
            }
            return key
        }
        for name in ["LLAMA_CLOUD_API_KEY", "LLAMA_PARSE_API_KEY"] {
            if let key = environment[name]?.trimmingWhitespaceAndNewlines(), !key.isEmpty { return key }
        }
        throw MissingKey(
            description: """
                batchtop: no API key. Set one of:
                  export LLAMA_CLOUD_API_KEY=llx-…        (or LLAMA_PARSE_API_KEY)
                  batchtop --api-key-file ~/.config/batchtop/key
                or try the dashboard without a key: batchtop --demo
                """)
    }

    /// Refuses a regular key file that anyone but its owner may read or write, as ssh does for private keys; pipes
    /// and process substitutions (`--api-key-file <(pass show llama)`) are not regular files and pass.
    static func permissionProblem(file: String) -> String? {
        var info = stat()
        guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 != 0 else { return nil }
        return "batchtop: the API key file '\(file)' is accessible by others (permissions \(String(mode, radix: 8, uppercase: false).leftPadded(to: 4))); "
            + "it must be readable by you only: chmod 600 '\(file)'"
    }
}

extension String {
    /// The string with zeros in front up to `width` characters (for octal file modes).
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
