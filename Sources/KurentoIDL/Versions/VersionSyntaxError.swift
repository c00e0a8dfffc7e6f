/// A malformed version or version range.
///
/// `offset` is the 0-based index, counted in Unicode scalars, of the offending character in the text that was
/// given to the parser (the text's length when the problem is a premature end), so a caller can point a
/// diagnostic at the exact column. Errors found in text that Kurento rewrites before parsing (caret ranges,
/// the relaxed `-dev` compatibility check, `-dev` stripped from import versions) still point into the
/// original text.
public struct VersionSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "offset \(offset): \(message)" }
}
