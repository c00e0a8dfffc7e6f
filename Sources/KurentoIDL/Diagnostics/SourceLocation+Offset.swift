extension SourceLocation {
    /// The location of the character at `offset` inside a string literal that starts at this location (the
    /// opening quote). Exact for strings without escapes or line breaks before the offset, which is what version
    /// strings and type names are.
    public func insideString(at offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + 1 + offset)
    }
}
