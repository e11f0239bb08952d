import Foundation

/// Finds the API key: `--api-key-file`, then `$LLAMA_CLOUD_API_KEY`, then `$LLAMA_PARSE_API_KEY`.
enum Credentials {
    /// Why no key could be found, with what to do about it.
    struct MissingKey: Error, CustomStringConvertible {
        let description: String
    }

    /// The key, trimmed of surrounding whitespace; throws a message that never contains the key itself.
    static func apiKey(file: String?, environment: [String: String]) throws(MissingKey) -> String {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw MissingKey(description: "batchtop: cannot read the API key file '\(file)'")
            }
            let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw MissingKey(description: "batchtop: the API key file '\(file)' is empty") }
            guard !key.contains(where: { $0.isNewline || $0.isWhitespace }) else {
                throw MissingKey(description: "batchtop: the API key file '\(file)' must hold only the key, on one line")
            }
            return key
        }
        for name in ["LLAMA_CLOUD_API_KEY", "LLAMA_PARSE_API_KEY"] {
            if let key = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty { return key }
        }
        throw MissingKey(
            description: """
                batchtop: no API key. Set one of:
                  export LLAMA_CLOUD_API_KEY=llx-…        (or LLAMA_PARSE_API_KEY)
                  batchtop --api-key-file ~/.config/batchtop/key
                or try the dashboard without a key: batchtop --demo
                """)
    }
}
