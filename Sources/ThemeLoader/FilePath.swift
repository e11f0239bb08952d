/// The few path operations the loader needs (what `NSString`'s path methods did), on plain strings.
enum FilePath {
    /// `component` joined to `directory` with one `/` (an empty directory gives the component alone).
    static func appending(_ component: String, to directory: String) -> String {
        guard !directory.isEmpty else { return component }
        return directory.hasSuffix("/") ? directory + component : directory + "/" + component
    }

    /// The last component of `path` without its extension: `/a/light.toml` gives `light` (a leading dot, as in
    /// `.toml`, starts a name, not an extension).
    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
