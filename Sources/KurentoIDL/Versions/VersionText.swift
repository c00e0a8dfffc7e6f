/// Character classes and small helpers shared by the version and range parsers (all offsets in Unicode scalars).
enum VersionText {
    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// `[0-9A-Za-z-]`, the characters of a semver pre-release or build identifier.
    static func isIdentifierCharacter(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "-"
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }

    /// Java's `\s`, the whitespace jsemver's range lexer skips.
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}"
    }

    static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[range])
        return String(text)
    }

    /// The value of the digit run `scalars[range]`, which starts at `range.lowerBound`: no leading zeros
    /// (semver 2.0, and jsemver's `0|[1-9][0-9]*` tokens) and no overflow.
    static func number(_ scalars: [Unicode.Scalar], _ range: Range<Int>) throws(VersionSyntaxError) -> Int {
        let digits = string(scalars, range)
        if range.count > 1 && scalars[range.lowerBound] == "0" {
            throw VersionSyntaxError(message: "leading zeros are not allowed in '\(digits)'", offset: range.lowerBound)
        }
        guard let value = Int(digits) else {
            throw VersionSyntaxError(message: "version number '\(digits)' is too large", offset: range.lowerBound)
        }
        return value
    }

    /// `, found 'x'` for the character at `offset`, or nothing at the end of the text.
    static func found(_ scalars: [Unicode.Scalar], at offset: Int, end: Int) -> String {
        offset < end ? ", found '\(scalars[offset])'" : ""
    }
}
