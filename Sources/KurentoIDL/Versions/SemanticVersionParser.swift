/// Parses a full semver 2.0 version out of a range of Unicode scalars, reporting offsets in the whole array.
enum SemanticVersionParser {
    static func parse(_ s: [Unicode.Scalar], in range: Range<Int>) throws(VersionSyntaxError) -> SemanticVersion {
        var i = range.lowerBound
        let end = range.upperBound

        // MAJOR.MINOR.PATCH
        var numbers: [Int] = []
        while true {
            guard i < end, VersionText.isDigit(s[i]) else {
                let message = numbers.isEmpty ? "expected a version number" : "expected a number after '.'"
                throw VersionSyntaxError(message: message + VersionText.found(s, at: i, end: end), offset: i)
            }
            let start = i
            while i < end && VersionText.isDigit(s[i]) { i += 1 }
            numbers.append(try VersionText.number(s, start..<i))
            if numbers.count == 3 { break }
            if i < end && s[i] == "." {
                i += 1
            } else if i == end || s[i] == "-" || s[i] == "+" {
                let core = VersionText.string(s, range.lowerBound..<i)
                throw VersionSyntaxError(message: "'\(core)' is not a full version (MAJOR.MINOR.PATCH)", offset: i)
            } else {
                throw VersionSyntaxError(message: "unexpected character '\(s[i])' in version", offset: i)
            }
        }
        var version = SemanticVersion(major: numbers[0], minor: numbers[1], patch: numbers[2])

        if i < end && s[i] == "-" {
            version.preRelease = try identifiers(s, &i, end: end, kind: "pre-release", numericLeadingZeros: false)
        }
        if i < end && s[i] == "+" {
            version.buildMetadata = try identifiers(s, &i, end: end, kind: "build metadata", numericLeadingZeros: true)
        }
        if i < end {
            let text = VersionText.string(s, range.lowerBound..<i)
            throw VersionSyntaxError(message: "unexpected character '\(s[i])' after version '\(text)'", offset: i)
        }
        return version
    }

    /// Dot-separated identifiers after the `-` or `+` at `i`; stops at the first character that cannot continue
    /// them. Numeric pre-release identifiers may not have leading zeros; build identifiers may.
    private static func identifiers(_ s: [Unicode.Scalar], _ i: inout Int, end: Int, kind: String,
                                    numericLeadingZeros: Bool) throws(VersionSyntaxError) -> [String] {
        var result: [String] = []
        repeat {
            let separator = s[i]
            i += 1
            let start = i
            while i < end && VersionText.isIdentifierCharacter(s[i]) { i += 1 }
            if start == i {
                throw VersionSyntaxError(
                    message: "expected a \(kind) identifier after '\(separator)'" + VersionText.found(s, at: i, end: end),
                    offset: i)
            }
            let identifier = VersionText.string(s, start..<i)
            let numeric = s[start..<i].allSatisfy(VersionText.isDigit)
            if numeric && !numericLeadingZeros && i - start > 1 && s[start] == "0" {
                throw VersionSyntaxError(
                    message: "leading zeros are not allowed in numeric \(kind) identifier '\(identifier)'", offset: start)
            }
            result.append(identifier)
        } while i < end && s[i] == "."
        return result
    }
}
