import FoundationEssentials

/// Where and as whom the client talks to the API. Its descriptions never show the key.
public struct APIConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The public LlamaCloud endpoint, used when nothing else is configured.
    public static let defaultBaseURL = "https://api.cloud.llamaindex.ai"
    /// Path prefix of the beta batch-processing API.
    public static let batchPath = "/api/v1/beta/batch-processing"

    /// Scheme, host and optional port (a trailing slash is ignored).
    public var baseURL: String
    /// The bearer token.
    public var apiKey: String
    /// Sent as `organization_id` on every call when set.
    public var organizationID: String?
    /// Sent as `project_id` on every call when set.
    public var projectID: String?
    /// Deadline for one request, response body included.
    public var timeout: TimeInterval

    /// Creates a configuration.
    public init(
        baseURL: String = APIConfiguration.defaultBaseURL, apiKey: String, organizationID: String? = nil,
        projectID: String? = nil, timeout: TimeInterval = 30
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.organizationID = organizationID
        self.projectID = projectID
        self.timeout = timeout
    }

    /// A description naming the endpoint and scope, with the key redacted.
    public var description: String {
        "APIConfiguration(baseURL: \(baseURL), apiKey: [redacted], organizationID: \(organizationID ?? "-"), "
            + "projectID: \(projectID ?? "-"), timeout: \(timeout)s)"
    }

    /// Same as `description`: the key never appears in debug output either.
    public var debugDescription: String { description }

    /// A mirror without the key, so `dump()` cannot print it.
    public var customMirror: Mirror {
        Mirror(self, children: ["baseURL": baseURL, "organizationID": organizationID as Any, "projectID": projectID as Any])
    }

    /// Checks that the base URL is an absolute http(s) URL with a host, and that the key would not travel in clear
    /// text (plain `http://` is for loopback only unless `allowingPlainHTTP`); returns what is wrong, or nil.
    public func validationError(allowingPlainHTTP: Bool = false) -> String? {
        guard let components = URLComponents(string: baseURL), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            return "base URL '\(baseURL)' is not an absolute http(s) URL (for example \(Self.defaultBaseURL))"
        }
        if sendsKeyInClearText, !allowingPlainHTTP {
            return "refusing to send the API key in clear text over plain http:// to \(host): use https://, "
                + "or --insecure-http if this network is really trusted (plain http is allowed to loopback addresses only)"
        }
        return nil
    }

    /// True when the base URL is plain `http://` to a host that is not a loopback address, so the bearer token would
    /// cross a network unencrypted.
    public var sendsKeyInClearText: Bool {
        guard let components = URLComponents(string: baseURL), components.scheme?.lowercased() == "http",
            let host = components.host
        else { return false }
        return !Self.isLoopback(host: host)
    }

    /// True for `localhost` (and `*.localhost`), `127.0.0.0/8` and `::1`: names that never leave the machine. Decided
    /// from the text alone, without resolving anything.
    public static func isLoopback(host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix(".") { name.removeLast() }
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" || name == "0:0:0:0:0:0:0:1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(\.isASCII) && octet.allSatisfy(\.isNumber)
                && (Int(octet) ?? 256) <= 255
        }
    }

    /// The full URL of a call: base URL, API prefix (the beta batch-processing one unless given), path, then the
    /// scope and the given query parameters (a name may repeat, as list-valued parameters do).
    func url(path: String, query: [(String, String?)], prefix: String = APIConfiguration.batchPath) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        var parameters = query.compactMap { name, value in value.map { (name, $0) } }
        if let organizationID { parameters.append(("organization_id", organizationID)) }
        if let projectID { parameters.append(("project_id", projectID)) }
        let queryString = parameters.map { "\(Self.encode($0))=\(Self.encode($1))" }.joined(separator: "&")
        return base + prefix + path + (queryString.isEmpty ? "" : "?" + queryString)
    }

    /// Percent-encodes a path segment or query component (everything but RFC 3986 unreserved characters).
    /// Every byte of the UTF-8 text is encoded but ASCII letters, digits and `-._~`.
    static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                encoded.append(byte)
            default:
                encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}
