import TerminalUI

/// Reads a role's style: `{ fg = …, bg = …, attrs = [...] }`, or a bare colour as shorthand for `{ fg = … }`.
public enum StyleParser {
    /// The attribute names a style may list.
    public static let attributeNames: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "reverse": .reverse, "underline": .underline,
    ]

    /// The style `node` describes and every problem found in it (the style is only usable when there is none).
    public static func parse(
        _ node: TOMLNode, role: String, palette: [String: Color]
    ) -> (style: Style, errors: [ThemeValueError]) {
        let fields: [String: TOMLNode]
        switch node {
        case .string, .integer:
            fields = ["fg": node]
        case .table(let table):
            fields = table
        default:
            return (.plain, [ThemeValueError(
                "'\(role)' must be a style such as { fg = \"cyan\", attrs = [\"bold\"] }, not \(node.kindDescription)")])
        }
        var style = Style()
        var errors: [ThemeValueError] = []
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "fg", "bg":
                switch ColorParser.parse(value, palette: palette, context: "for '\(role)' \(key)") {
                case .success(let color):
                    if key == "fg" { style.foreground = color } else { style.background = color }
                case .failure(let error):
                    errors.append(error)
                }
            case "attrs":
                switch attributes(value, context: "for '\(role)'") {
                case .success(let attributes): style.attributes = attributes
                case .failure(let error): errors.append(error)
                }
            default:
                let hint = Suggestion.hint(for: key, among: ["fg", "bg", "attrs"])
                errors.append(ThemeValueError("unknown key '\(key)' in '\(role)'\(hint) (a style has fg, bg and attrs)"))
            }
        }
        return (style, errors)
    }

    /// `["bold", "underline"]` (or a single name) as attributes.
    static func attributes(_ node: TOMLNode, context: String) -> Result<TextAttributes, ThemeValueError> {
        let items: [TOMLNode]
        switch node {
        case .array(let array): items = array
        case .string: items = [node]
        default:
            return .failure(ThemeValueError(
                "bad attrs \(context): \(node.kindDescription) (use a list such as [\"bold\", \"underline\"])"))
        }
        var result: TextAttributes = []
        for item in items {
            guard case .string(let name) = item, let attribute = attributeNames[name.lowercased()] else {
                let word = { if case .string(let name) = item { return name } else { return item.shortDescription } }()
                let hint = Suggestion.hint(for: word, among: Array(attributeNames.keys))
                return .failure(ThemeValueError(
                    "bad attr '\(word)' \(context)" + (hint.isEmpty ? " (use bold, dim, reverse, underline)" : hint)))
            }
            result.formUnion(attribute)
        }
        return .success(result)
    }
}
