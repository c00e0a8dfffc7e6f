import KurentoIDL

/// A problem while planning or writing an output folder: a generated path that would leave the folder,
/// a file that cannot be read or written, a manifest that does not parse.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Set when the problem is at a place in a file (a line of the manifest).
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    /// `path:line:col: error: message`, or `kidlc: error: message` without a location.
    public var description: String {
        (location.map { "\($0): " } ?? "kidlc: ") + "error: " + message
    }
}
