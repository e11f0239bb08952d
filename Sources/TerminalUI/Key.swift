/// A key press (or terminal event) as the UI understands it, independent of the backend.
public enum Key: Sendable, Hashable {
    /// A printable character.
    case character(Character)
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Page up.
    case pageUp
    /// Page down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Enter / Return.
    case enter
    /// Escape.
    case escape
    /// Backspace.
    case backspace
    /// Tab.
    case tab
    /// A control combination, e.g. `.control("l")` for Ctrl-L.
    case control(Character)
    /// A mouse wheel step (negative is up) — reserved for mouse support.
    case wheel(Int)
    /// A mouse click at a cell.
    case click(x: Int, y: Int)
}
