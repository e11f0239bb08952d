import FoundationEssentials
import TextTools

/// Pulls a human-readable message out of an error response body: `{"detail": "…"}`, FastAPI's validation list,
/// an HTML page's title, or the start of a plain-text body.
enum ErrorDetail {
    /// Longest detail kept; error bodies can be whole HTML pages.
    static let maximumLength = 200

    /// The message of an error body, or nil when there is nothing useful in it.
    static func extract(from body: Data) -> String? {
        guard !body.isEmpty else { return nil }
        if let object = try? JSONDecoder().decode(ErrorObject.self, from: body) {
            return object.message.map(truncate)
        }
        let text = String(decoding: body, as: UTF8.self).trimmingWhitespaceAndNewlines()
        if text.hasPrefix("<") {
            if let open = text.firstRange(of: #/(?i)<title>/#),
                let close = text[open.upperBound...].firstRange(of: #/(?i)<\/title>/#)
            {
                return truncate("HTML page: " + text[open.upperBound..<close.lowerBound].trimmingWhitespace())
            }
            return "HTML page instead of JSON"
        }
        return text.isEmpty ? nil : truncate(text)
    }

    private static func truncate(_ text: String) -> String {
        let flat = text.replacing("\n", with: " ")
        return flat.count <= maximumLength ? flat : String(flat.prefix(maximumLength)) + "…"
    }
}

/// A JSON object error body and the message in it: `detail` as a string, or FastAPI's list of `{"msg": …}`, else
/// `message`, else `error` (the first of those present decides, as a string or nothing).
private struct ErrorObject: Decodable {
    /// The message found, if any.
    let message: String?

    /// One entry of FastAPI's validation list (any object; `msg` when it is a string).
    private struct ValidationEntry: Decodable {
        let msg: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            msg = try? container.decode(String.self, forKey: Key("msg"))
        }
    }

    /// Any key.
    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        if let detail = try? container.decode(String.self, forKey: Key("detail")) {
            message = detail
            return
        }
        if let list = try? container.decode([ValidationEntry].self, forKey: Key("detail")) {
            let messages = list.compactMap(\.msg)
            if !messages.isEmpty {
                message = messages.joined(separator: "; ")
                return
            }
        }
        let fallback = container.contains(Key("message")) ? Key("message") : Key("error")
        message = try? container.decode(String.self, forKey: fallback)
    }
}
