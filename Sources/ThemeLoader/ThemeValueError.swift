/// A bad value in a theme or configuration file: the message for the user, without the file and line.
public struct ThemeValueError: Error, Sendable, Equatable {
    /// What is wrong.
    public var message: String

    /// Creates an error with its message.
    public init(_ message: String) { self.message = message }
}
