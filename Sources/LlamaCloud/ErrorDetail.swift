import Foundation

/// Pulls a human-readable message out of an error response body: `{"detail": "…"}`, FastAPI's validation list,
/// an HTML page's title, or the start of a plain-text body.
enum ErrorDetail {
    /// Longest detail kept; error bodies can be whole HTML pages.
    static let maximumLength = 200

    /// The message of an error body, or nil when there is nothing useful in it.
    static func extract(from body: Data) -> String? {
        guard !body.isEmpty else { return nil }
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let detail = object["detail"] as? String { return truncate(detail) }
            if let list = object["detail"] as? [[String: Any]] {
                let messages = list.compactMap { $0["msg"] as? String }
                if !messages.isEmpty { return truncate(messages.joined(separator: "; ")) }
            }
            if let message = (object["message"] ?? object["error"]) as? String { return truncate(message) }
            return nil
        }
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("<") {
            if let open = text.range(of: "<title>", options: .caseInsensitive),
                let close = text.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<text.endIndex)
            {
                return truncate("HTML page: " + text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            }
            return "HTML page instead of JSON"
        }
        return text.isEmpty ? nil : truncate(text)
    }

    private static func truncate(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= maximumLength ? flat : String(flat.prefix(maximumLength)) + "…"
    }
}
