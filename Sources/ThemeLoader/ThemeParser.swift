import TerminalUI

/// Turns the TOML text of a theme into a `Theme`. Keys the file lacks, and keys whose value is bad, keep the base
/// theme's style; every problem is reported with the file's name and the key's line.
public enum ThemeParser {
    /// Top-level keys besides the roles.
    static let sectionKeys = ["palette", "styles", "name", "description"]

    /// Parses `text` as the theme `name`; `fileName` names the file in diagnostics.
    public static func parse(_ text: String, name: String, fileName: String, base: Theme = .defaultDark) -> ThemeLoadResult {
        var theme = base
        theme.name = name
        let root: [String: TOMLNode]
        do {
            root = try TOMLDocument.parse(text)
        } catch {
            let message = "not valid TOML: \(error.message) (column \(error.column)); using the default theme"
            return ThemeLoadResult(theme: theme, diagnostics: [ConfigDiagnostic(file: fileName, line: error.line, message: message)])
        }
        var reader = Reader(fileName: fileName, index: KeyLineIndex(text: text))
        let palette = reader.palette(root["palette"])
        for (key, value) in root.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "palette":
                continue
            case "name", "description":
                if case .string = value { continue }
                reader.report([key], "'\(key)' must be a string, not \(value.kindDescription)")
            case "styles":
                guard case .table(let styles) = value else {
                    reader.report([key], "'styles' must be a table ([styles] followed by \"role\" = { fg = … } lines)")
                    continue
                }
                for (role, node) in styles.sorted(by: { $0.key < $1.key }) { reader.collect(in: ["styles"], [role], node) }
            default:
                reader.collect(in: [], [key], value)
            }
        }
        for role in ThemeRole.allCases {
            guard let (node, path) = reader.roles[role] else { continue }
            if let broken = referencedColors(node).first(where: { palette.broken.contains($0) }) {
                reader.report(path, "'\(role.key)' uses the palette colour '\(broken)', which is invalid")
                continue
            }
            let (style, errors) = StyleParser.parse(node, role: role.key, palette: palette.colors)
            if errors.isEmpty { theme[keyPath: role.keyPath] = style }
            errors.forEach { reader.report(path, $0.message) }
        }
        let sorted = reader.diagnostics.enumerated().sorted {
            ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
        }
        return ThemeLoadResult(theme: theme, diagnostics: sorted.map(\.element))
    }

    /// Colour words a style names (its fg and bg strings).
    private static func referencedColors(_ node: TOMLNode) -> [String] {
        switch node {
        case .string(let word): return [word]
        case .table(let fields):
            return ["fg", "bg"].compactMap { if case .string(let word)? = fields[$0] { return word } else { return nil } }
        default: return []
        }
    }

    /// Collects roles and diagnostics while walking the file.
    private struct Reader {
        let fileName: String
        let index: KeyLineIndex
        var diagnostics: [ConfigDiagnostic] = []
        var roles: [ThemeRole: (TOMLNode, [String])] = [:]

        init(fileName: String, index: KeyLineIndex) {
            self.fileName = fileName
            self.index = index
        }

        mutating func report(_ path: [String], _ message: String) {
            diagnostics.append(ConfigDiagnostic(file: fileName, line: index.line(of: path), message: message))
        }

        /// The palette's colours, and the names whose value is bad (styles using them fall back quietly).
        mutating func palette(_ node: TOMLNode?) -> (colors: [String: Color], broken: Set<String>) {
            guard let node else { return ([:], []) }
            guard case .table(let entries) = node else {
                report(["palette"], "'palette' must be a table ([palette] followed by name = \"#rrggbb\" lines)")
                return ([:], [])
            }
            var colors: [String: Color] = [:]
            var broken: Set<String> = []
            for (name, value) in entries.sorted(by: { $0.key < $1.key }) {
                switch ColorParser.parse(value, context: "for palette entry '\(name)'") {
                case .success(let color): colors[name] = color
                case .failure(let error):
                    report(["palette", name], error.message)
                    broken.insert(name)
                }
            }
            return (colors, broken)
        }

        /// Files may write `"status.running" = …`, `status.running = …` or `[styles.status]` + `running = …`: dotted
        /// keys arrive as nested tables, which are walked until a path names a role.
        mutating func collect(in section: [String], _ parts: [String], _ node: TOMLNode) {
            let key = parts.joined(separator: ".")
            if case .table(let children) = node, children.keys.contains(where: { Self.isRoleOrPrefix(key + "." + $0) }) {
                for (child, value) in children.sorted(by: { $0.key < $1.key }) { collect(in: section, parts + [child], value) }
            } else if let role = ThemeRole(rawValue: key) {
                if roles[role] != nil {
                    report(section + parts, "'\(key)' is set twice; the one in [styles] is used")
                    if !section.isEmpty { roles[role] = (node, section + parts) }
                } else {
                    roles[role] = (node, section + parts)
                }
            } else {
                let candidates = ThemeRole.allCases.map(\.key) + (section.isEmpty ? ThemeParser.sectionKeys : [])
                report(section + parts, "unknown key '\(key)'" + Suggestion.hint(for: key, among: candidates))
            }
        }

        static func isRoleOrPrefix(_ key: String) -> Bool {
            ThemeRole.allCases.contains { $0.key == key || $0.key.hasPrefix(key + ".") }
        }
    }
}
