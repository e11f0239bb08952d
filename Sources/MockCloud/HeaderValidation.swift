/// Which extra response headers (an injected fault's) may be written as given.
enum HeaderValidation {
    /// Headers the server writes itself from the body and the connection's state.
    private static let framing: Set<String> = ["content-length", "transfer-encoding", "connection"]

    /// True when `name` is an HTTP token that is not a framing header and `value` holds no line breaks or other
    /// control characters but tab (so no header can be smuggled into the response).
    static func isWritable(name: String, value: String) -> Bool {
        guard !name.isEmpty, name.utf8.allSatisfy(isTokenByte), !framing.contains(name.lowercased()) else { return false }
        return value.utf8.allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }
    }

    /// True for the bytes RFC 9110 allows in a token.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
